package uk.jointinspections.report;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One person signed in to a webapp the way the browser does it (CSRF cookie, then the login form), or nobody. */
public final class CockpitSession {

  private final int port;
  private final HttpClient client;

  private CockpitSession(int port, HttpClient client) {
    this.port = port;
    this.client = client;
  }

  public static CockpitSession anonymous(int port) {
    return new CockpitSession(port, HttpClient.newHttpClient());
  }

  /** Signs {@code user} in to {@code app}; fails unless the webapp accepts them there. */
  public static CockpitSession signIn(int port, String app, String user, String password) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    CockpitSession session = new CockpitSession(port, HttpClient.newBuilder().cookieHandler(cookies).build());
    session.get("/camunda/app/" + app + "/default/");
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = session.client.send(HttpRequest.newBuilder(session.url("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException(user + " could not sign in to " + app + ": " + login.statusCode());
    }
    return session;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
