package uk.jointinspections.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.jointinspections.notification.DemoMailServer;

/**
 * The custom script Admin loads (its {@code config.js} lists {@code scripts/mailbox-link}): the dashboard's "Mailbox"
 * section while the demo's own mail server runs, and no plugin at all where it does not (postgres, {@code MAIL_HOST}),
 * so that Admin never links to a page that is not there. A controller, like {@link WebappStylesheetController}, since
 * what it answers depends on the running application.
 */
@RestController
public class AdminMailboxLinkController {

  static final String NO_PLUGIN = "// No demo mail server in this application: mail goes to MAIL_HOST.\nexport default [];\n";

  private final ObjectProvider<DemoMailServer> mailServer;
  private final String plugin;

  public AdminMailboxLinkController(ObjectProvider<DemoMailServer> mailServer) {
    this.mailServer = mailServer;
    try {
      this.plugin = new ClassPathResource("webapp/admin-mailbox-link.js").getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/camunda/app/admin/scripts/mailbox-link.js")
  public ResponseEntity<String> script() {
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
        .cacheControl(CacheControl.noCache())
        .body(mailServer.getIfAvailable() == null ? NO_PLUGIN : plugin);
  }
}
