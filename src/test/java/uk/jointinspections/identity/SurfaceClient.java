package uk.jointinspections.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * HTTP as the test's callers: basic authentication on one shared client (its connections are reused), or a webapp
 * session (its cookies and CSRF token) per signed-in user. Every answer is also read as text, the way a person would
 * read it: a PDF by its text, a calendar file with its folded lines joined, so that a marker cannot hide in a format.
 */
final class SurfaceClient {

  /** An answer: its status, headers and the text a marker is searched in. */
  record Answer(int status, String contentType, String text, Map<String, List<String>> headers) {
  }

  /** What a request sends: nothing, JSON, a form, or multipart parts. */
  record Payload(String contentType, byte[] bytes) {
    static final Payload NONE = new Payload(null, null);

    static Payload json(String json) {
      return new Payload("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static Payload form(Map<String, String> fields) {
      StringBuilder form = new StringBuilder();
      fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
          .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return new Payload("application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Text parts; a part whose name is in {@code files} is sent as a small file. */
    static Payload multipart(Map<String, String> parts, List<String> files) {
      String boundary = "leak-test-boundary-7d1f";
      StringBuilder body = new StringBuilder();
      parts.forEach((name, value) -> {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
        if (files.contains(name)) {
          body.append("; filename=\"").append(name).append(".txt\"\r\nContent-Type: text/plain");
        }
        body.append("\r\n\r\n").append(value).append("\r\n");
      });
      body.append("--").append(boundary).append("--\r\n");
      return new Payload("multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private final String base;
  private final HttpClient shared;

  SurfaceClient(int port) {
    this.base = "http://localhost:" + port;
    this.shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  Answer basic(String user, String password, String method, String path, Payload payload, String accept) {
    HttpRequest.Builder request = request(method, path, payload, accept);
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return send(shared, request.build());
  }

  /** Signs in to the webapps as the browser does; a user no webapp lets in keeps an anonymous session. */
  Session session(String user, String password) {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    Session session = new Session(client, cookies);
    send(client, request("GET", "/camunda/app/tasklist/default/", Payload.NONE, "text/html").build());
    if (user != null) {
      for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
        Answer login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
            Payload.form(Map.of("username", user, "password", password)), "application/json");
        if (login.status() == 200) {
          session.signedInTo = app;
          break;
        }
      }
    }
    return session;
  }

  final class Session {
    private final HttpClient client;
    private final CookieManager cookies;
    String signedInTo;

    private Session(HttpClient client, CookieManager cookies) {
      this.client = client;
      this.cookies = cookies;
    }

    Answer send(String method, String path, Payload payload, String accept) {
      HttpRequest.Builder request = request(method, path, payload, accept);
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((a, b) -> b).ifPresent(token -> request.header("X-XSRF-TOKEN", token));
      return SurfaceClient.send(client, request.build());
    }
  }

  private HttpRequest.Builder request(String method, String path, Payload payload, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", accept);
    if (payload.bytes() == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", payload.contentType())
          .method(method, HttpRequest.BodyPublishers.ofByteArray(payload.bytes()));
    }
    return request;
  }

  private static Answer send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse("");
      return new Answer(response.statusCode(), type, readable(type, response.body()), response.headers().map());
    } catch (IOException e) {
      return new Answer(-1, "", e.toString(), Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The answer as text: a PDF's text layer, a calendar's lines unfolded (RFC 5545 folds at 75 octets). */
  static String readable(String contentType, byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    if (contentType.startsWith("application/pdf") || (body.length > 4 && body[0] == '%' && body[1] == 'P'
        && body[2] == 'D' && body[3] == 'F')) {
      try (PDDocument pdf = Loader.loadPDF(body)) {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      } catch (IOException e) {
        return new String(body, StandardCharsets.ISO_8859_1);
      }
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return text.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "");
  }
}
