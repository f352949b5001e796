package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;

/**
 * Signing in as a real client does: wrong passwords are throttled per client address and user instead of locking the
 * account, passwords follow Camunda's password policy, and a user cannot redirect their own notifications. The
 * attacker's addresses come in X-Forwarded-For, as the nginx of docker/ passes the browser's on (the test client is
 * on 127.0.0.1, a trusted proxy address), so that "from elsewhere" is a different client address.
 */
@EngineTest
class SignInTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
  private static final String ADMIN_PASSWORD = "test-admin-secret";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void wrongPasswordsFromOneAddressAreThrottledWhileTheRightOneFromElsewhereStillWorks() throws Exception {
    String user = newUser();
    String attacker = newAddress();
    int refusedAt = 0;
    HttpResponse<String> answer = null;
    for (int attempt = 1; attempt <= 12 && refusedAt == 0; attempt++) {
      answer = get("/engine-rest/process-definition/count", user, "not-the-password", attacker);
      if (answer.statusCode() == 429) {
        refusedAt = attempt;
      } else {
        assertThat(answer.statusCode()).as("attempt %d", attempt).isEqualTo(401);
        // Paths that check no password (the health check, the engine list) must not clear the count between guesses.
        get("/actuator/health", user, "not-the-password", attacker);
        get("/engine-rest/engine", user, "not-the-password", attacker);
      }
    }

    assertThat(refusedAt).as("wrong passwords are throttled").isEqualTo(6);
    assertThat(answer.headers().firstValue("Retry-After")).get().satisfies(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(JSON.readTree(answer.body()).path("message").asText()).contains("Too many wrong passwords");
    assertThat(get("/engine-rest/process-definition/count", user, password(user), attacker).statusCode())
        .as("the attacker's address stays closed, right password or not").isEqualTo(429);
    assertThat(get("/engine-rest/process-definition/count", user, password(user), newAddress()).statusCode())
        .as("the user, signing in from elsewhere, is not locked out").isEqualTo(200);
    assertThat(get("/api/working-days/add?date=2026-01-05&days=1", user, password(user), null).statusCode())
        .as("nor from the test's own address").isEqualTo(200);
  }

  /**
   * A portal (or the cluster suite) calls in parallel with the right password: the calls in flight are not guesses, so
   * they never close the pair on themselves, however many there are; wrong passwords from the same address still are.
   */
  @Test
  void parallelCallsWithTheProvenPasswordAreNotThrottled() throws Exception {
    String user = newUser();
    String portal = newAddress();
    assertThat(get("/engine-rest/process-definition/count", user, password(user), portal).statusCode()).isEqualTo(200);
    java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(client.sendAsync(HttpRequest.newBuilder(url("/engine-rest/process-definition/count"))
          .header("Authorization", basic(user, password(user))).header("X-Forwarded-For", portal).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (var call : calls) {
      assertThat(call.get().statusCode()).isEqualTo(200);
    }
    int refusedAt = 0;
    for (int attempt = 1; attempt <= 12 && refusedAt == 0; attempt++) {
      if (get("/engine-rest/process-definition/count", user, "not-the-password", portal).statusCode() == 429) {
        refusedAt = attempt;
      }
    }
    assertThat(refusedAt).as("wrong passwords from the portal's address are still throttled").isEqualTo(6);
  }

  @Test
  void tenWrongPasswordsNeverLockTheAccount() throws Exception {
    String user = newUser();
    for (int attempt = 1; attempt <= 12; attempt++) {
      assertThat(get("/engine-rest/process-definition/count", user, "guess-" + attempt, newAddress()).statusCode())
          .isEqualTo(401);
    }

    assertThat(get("/engine-rest/process-definition/count", user, password(user), newAddress()).statusCode())
        .as("Camunda would have locked the account for good after ten").isEqualTo(200);
  }

  @Test
  void theAdministratorCannotBeLockedOutByGuessing() throws Exception {
    for (int attempt = 1; attempt <= 11; attempt++) {
      get("/engine-rest/deployment", "admin", "guess-" + attempt, newAddress());
    }

    assertThat(get("/engine-rest/deployment", "admin", ADMIN_PASSWORD, newAddress()).statusCode()).isEqualTo(200);
  }

  @Test
  void theWebappLoginIsThrottledToo() throws Exception {
    String user = newUser();
    identity.createMembership(user, "operators");
    String attacker = newAddress();
    int refusedAt = 0;
    HttpResponse<String> answer = null;
    for (int attempt = 1; attempt <= 12 && refusedAt == 0; attempt++) {
      answer = webappLogin(user, "not-the-password", attacker);
      if (answer.statusCode() == 429) {
        refusedAt = attempt;
      } else {
        assertThat(answer.statusCode()).as("attempt %d", attempt).isEqualTo(401);
      }
    }

    assertThat(refusedAt).isEqualTo(6);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    assertThat(webappLogin(user, password(user), newAddress()).statusCode()).isEqualTo(200);
  }

  @Test
  void passwordsBelowThePolicyAreRefusedAndStrongOnesAccepted() throws Exception {
    String user = newUser();

    HttpResponse<String> weak = send("PUT", "/engine-rest/user/" + user + "/credentials", "admin", ADMIN_PASSWORD,
        Map.of("password", "a", "authenticatedUserPassword", ADMIN_PASSWORD));
    assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
    assertThat(JSON.readTree(weak.body()).path("message").asText()).contains("Password does not match policy")
        .contains("at least 10 characters");
    HttpResponse<String> ownWeak = send("PUT", "/engine-rest/user/" + user + "/credentials", user, password(user),
        Map.of("password", "a", "authenticatedUserPassword", password(user)));
    assertThat(ownWeak.statusCode()).as(ownWeak.body()).isEqualTo(400);
    assertThat(get("/engine-rest/process-definition/count", user, password(user), null).statusCode())
        .as("the refused password was not stored").isEqualTo(200);

    String strong = "Another-str0ng-secret!";
    HttpResponse<String> own = send("PUT", "/engine-rest/user/" + user + "/credentials", user, password(user),
        Map.of("password", strong, "authenticatedUserPassword", password(user)));
    assertThat(own.statusCode()).as("users change their own password").isEqualTo(204);
    assertThat(get("/engine-rest/process-definition/count", user, strong, null).statusCode()).isEqualTo(200);

    String created = "signin-new-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> weakUser = send("POST", "/engine-rest/user/create", "admin", ADMIN_PASSWORD, Map.of(
        "profile", Map.of("id", created, "firstName", "New", "lastName", "User", "email", created + "@inspections.example"),
        "credentials", Map.of("password", "a")));
    assertThat(weakUser.statusCode()).as(weakUser.body()).isEqualTo(400);
    assertThat(JSON.readTree(weakUser.body()).path("message").asText()).contains("Password does not match policy");
    assertThat(identity.createUserQuery().userId(created).count()).isZero();
    HttpResponse<String> strongUser = send("POST", "/engine-rest/user/create", "admin", ADMIN_PASSWORD, Map.of(
        "profile", Map.of("id", created, "firstName", "New", "lastName", "User", "email", created + "@inspections.example"),
        "credentials", Map.of("password", "Welcome-to-the-service-1")));
    assertThat(strongUser.statusCode()).as(strongUser.body()).isEqualTo(204);
    assertThat(get("/engine-rest/process-definition/count", created, "Welcome-to-the-service-1", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theDemoStaffKeepTheirDemoPassword() throws Exception {
    assertThat(get("/engine-rest/process-definition/count", "editor", "demo", null).statusCode()).isEqualTo(200);
  }

  @Test
  void usersCannotChangeTheirOwnEmailAddressButAdministratorsCan() throws Exception {
    String user = newUser();
    String address = user + "@inspections.example";

    HttpResponse<String> redirected = send("PUT", "/engine-rest/user/" + user + "/profile", user, password(user),
        Map.of("id", user, "firstName", "Sign", "lastName", "Tester", "email", "me@elsewhere.example"));
    assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(403);
    assertThat(JSON.readTree(redirected.body()).path("message").asText()).contains("Only an administrator");
    assertThat(identity.createUserQuery().userId(user).singleResult().getEmail()).isEqualTo(address);

    HttpResponse<String> renamed = send("PUT", "/engine-rest/user/" + user + "/profile", user, password(user),
        Map.of("id", user, "firstName", "Signe", "lastName", "Tester", "email", address));
    assertThat(renamed.statusCode()).as("the name is theirs to correct").isEqualTo(204);
    assertThat(identity.createUserQuery().userId(user).singleResult().getFirstName()).isEqualTo("Signe");

    HttpResponse<String> byAdmin = send("PUT", "/engine-rest/user/" + user + "/profile", "admin", ADMIN_PASSWORD,
        Map.of("id", user, "firstName", "Signe", "lastName", "Tester", "email", "new." + address));
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId(user).singleResult().getEmail()).isEqualTo("new." + address);
  }

  @Test
  void usersCannotDeleteTheirOwnAccountButAdministratorsCan() throws Exception {
    String user = newUser();

    HttpResponse<String> ownDeletion = send("DELETE", "/engine-rest/user/" + user, user, password(user), null);
    assertThat(ownDeletion.statusCode()).as(ownDeletion.body()).isEqualTo(403);
    assertThat(JSON.readTree(ownDeletion.body()).path("message").asText())
        .isEqualTo("Only an administrator can delete a user.");
    assertThat(identity.createUserQuery().userId(user).count()).isOne();

    HttpResponse<String> byAdmin = send("DELETE", "/engine-rest/user/" + user, "admin", ADMIN_PASSWORD, null);
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId(user).count()).isZero();
  }

  @Test
  void theWebappsProfilePageCannotChangeTheEmailAddressEither() throws Exception {
    String user = newUser();
    identity.createMembership(user, "operators");
    CookieManager cookies = new CookieManager();
    HttpClient session = HttpClient.newBuilder().cookieHandler(cookies).build();
    String csrf = csrfToken(session, cookies);
    HttpResponse<String> login = session.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(password(user), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    csrf = csrfToken(session, cookies);

    HttpResponse<String> redirected = session.send(HttpRequest.newBuilder(
            url("/camunda/api/engine/engine/default/user/" + user + "/profile"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            Map.of("id", user, "firstName", "Sign", "lastName", "Tester", "email", "me@elsewhere.example")))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId(user).singleResult().getEmail()).isEqualTo(user + "@inspections.example");
  }

  // --- helpers

  /** A user of this test alone, so that its wrong passwords disturb no other test. */
  private String newUser() {
    String id = "signin-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName("Sign");
    user.setLastName("Tester");
    user.setEmail(id + "@inspections.example");
    user.setPassword(password(id));
    identity.saveUser(user);
    return id;
  }

  private static String password(String user) {
    return "Pass-" + new StringBuilder(user).reverse() + "-9X";
  }

  private static String newAddress() {
    int n = ADDRESSES.getAndIncrement();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  private HttpResponse<String> get(String path, String user, String password, String fromAddress) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Authorization", basic(user, password));
    if (fromAddress != null) {
      request.header("X-Forwarded-For", fromAddress);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String user, String password, Object body)
      throws Exception {
    return client.send(HttpRequest.newBuilder(url(path)).header("Authorization", basic(user, password))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> webappLogin(String user, String password, String fromAddress) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String csrf = csrfToken(browser, cookies);
    return browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .header("X-Forwarded-For", fromAddress)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String csrfToken(HttpClient browser, CookieManager cookies) throws Exception {
    browser.send(HttpRequest.newBuilder(url("/camunda/app/cockpit/default/")).build(), HttpResponse.BodyHandlers.discarding());
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
