package uk.jointinspections.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started the demo way (default profile, H2 file database, demo logins, no mail settings)
 * sends its notifications to its own mail server: a new inspection's e-mails all go out with no incident, and the
 * administrator reads them in the Mailbox while an inspector and an operator are refused. With {@code MAIL_HOST} set,
 * nothing of it is there: no port, no endpoint, no link in Admin.
 */
@Tag("cluster")
class DemoMailboxIT {

  final Path dir = Path.of("target", "cluster", "demo-mail-" + Long.toHexString(System.nanoTime()));
  final List<AppNode> started = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (AppNode node : started) {
      node.kill9();
    }
  }

  @Test
  void aFreshDemoMailsItsNotificationsToItsOwnServerWithoutIncidentsAndOnlyTheAdministratorReadsThem()
      throws Exception {
    Assumptions.assumeTrue(System.getenv("MAIL_HOST") == null, "MAIL_HOST is set in this environment");
    // The default port (2525) may be taken by a demo running on this machine; the test takes a free one.
    int mailboxPort = AppNode.freePort();
    AppNode demo = node("demo", Map.of(), mailboxPort).start().awaitUp(ClusterIT.START);
    assertThat(Files.readString(dir.resolve("demo").resolve("node.log")))
        .contains("Demo mail server on 127.0.0.1:" + mailboxPort);

    String reference = "JTAI-DEMO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("framework", "jtai-2017");
    body.put("reference", reference);
    body.put("localAuthority", "Northshire");
    body.put("deepDiveTheme", "neglect");
    body.put("plannedFieldworkStart", "2027-03-15");
    body.put("leadInspector", ClusterIT.LEAD);
    body.put("qaManager", "qa-manager");
    assertThat(demo.call("POST", "/api/inspections", ClusterIT.LEAD, "demo", body).status()).isEqualTo(201);

    // The job executor sends the notifications; none may be left waiting or failed.
    Instant deadline = Instant.now().plus(ClusterIT.QUIET);
    while (count(demo, "/engine-rest/job/count?executable=true") > 0) {
      if (Instant.now().isAfter(deadline)) {
        fail("Notifications still waiting after " + ClusterIT.QUIET + ":\n" + demo.logTail());
      }
      Thread.sleep(300);
    }
    assertThat(count(demo, "/engine-rest/incident/count")).as("incidents").isZero();
    String inspection = demo.call("GET", "/engine-rest/process-instance?businessKey=" + reference, "admin", "demo", null)
        .json().path(0).path("id").asText();
    // Each notification is a job of the inspection's; the log of the attempt that sent it is filed there.
    long notifications = count(demo, "/engine-rest/history/job-log/count?successLog=true"
        + "&jobDefinitionType=inspection-notification&processInstanceId=" + inspection);
    assertThat(notifications).as("notifications of the new inspection").isPositive();

    AppNode.Response mailbox = demo.call("GET", "/api/mailbox", "admin", "demo", null);
    assertThat(mailbox.status()).as(mailbox.toString()).isEqualTo(200);
    List<JsonNode> ours = new ArrayList<>();
    for (JsonNode mail : mailbox.json()) {
      if (mail.path("subject").asText().startsWith("[" + reference + "]")) {
        ours.add(mail);
      }
    }
    assertThat(ours).as("one e-mail per notification").hasSize((int) notifications);
    for (JsonNode mail : ours) {
      assertThat(mail.path("to").path(0).asText()).contains("@inspections.example");
      assertThat(mail.path("body").asText()).contains("A step of inspection " + reference);
    }
    AppNode.Response page = demo.call("GET", "/api/mailbox.html", "admin", "demo", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("[" + reference + "]");
    for (String user : List.of("ofsted-inspector", "operator")) {
      for (String path : List.of("/api/mailbox", "/api/mailbox.html")) {
        AppNode.Response refused = demo.call("GET", path, user, "demo", null);
        assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(reference);
      }
    }
    assertThat(demo.call("GET", "/camunda/app/admin/scripts/mailbox-link.js", "admin", "demo", null).body())
        .contains("admin.dashboard.section");
    demo.stop();

    int closedPort = AppNode.freePort();
    AppNode withMailHost = node("mail-host", Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT",
        Integer.toString(closedPort)), mailboxPort).start().awaitUp(ClusterIT.START);
    assertThat(withMailHost.call("GET", "/api/mailbox", "admin", "demo", null).status()).isEqualTo(404);
    assertThat(withMailHost.call("GET", "/api/mailbox.html", "admin", "demo", null).status()).isEqualTo(404);
    assertThat(withMailHost.call("GET", "/camunda/app/admin/scripts/mailbox-link.js", "admin", "demo", null).body())
        .contains("export default [];").doesNotContain("admin.dashboard.section");
    assertThat(listening(mailboxPort)).as("the demo mail server's port").isFalse();
    assertThat(Files.readString(dir.resolve("mail-host").resolve("node.log"))).doesNotContain("Demo mail server on");
  }

  AppNode node(String name, Map<String, String> environment, int mailboxPort) {
    AppNode node = new AppNode(name, AppNode.builtJar(), dir.resolve(name), environment, List.of(
        "--inspection.mailbox.port=" + mailboxPort,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000"));
    started.add(node);
    return node;
  }

  long count(AppNode node, String path) {
    return node.count(path, "admin", "demo");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
