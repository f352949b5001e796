package uk.jointinspections.notification;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import uk.jointinspections.identity.Administrators;
import uk.jointinspections.notification.DemoMailServer.ReceivedMail;

/**
 * The Mailbox: what the demo's mail server received, newest first, for administrators only. The mails name
 * inspections and steps, and a Category 1 concern's e-mail carries the child's case numbers and what the inspector
 * wrote, so not even operators (who retry failed notifications in Cockpit) may read them. Signed in like the rest of
 * {@code /api} (HTTP basic, the caller becomes the engine's authenticated user); {@code /api/mailbox} is the JSON,
 * {@code /api/mailbox.html} the page a browser shows.
 */
@RestController
@RequestMapping("/api")
@Conditional(DemoMailServerCondition.class)
public class MailboxController {

  static final String MAY_DO = "read the demo's mailbox: its e-mails name inspections and, for a Category 1 concern,"
      + " a child's case";
  private static final DateTimeFormatter RECEIVED =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss", Locale.UK).withZone(ZoneId.of("Europe/London"));
  /** Nothing but the page's own style: the mails' text is escaped, and the page needs no script, image or form. */
  static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
      + " form-action 'none'; frame-ancestors 'none'";

  private final DemoMailServer server;
  private final Administrators administrators;

  public MailboxController(DemoMailServer server, Administrators administrators) {
    this.server = server;
    this.administrators = administrators;
  }

  @GetMapping(path = "/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<ReceivedMail> mails() {
    administrators.requireCaller(MAY_DO);
    return server.received();
  }

  @GetMapping("/mailbox.html")
  public ResponseEntity<String> page(HttpServletResponse response) {
    administrators.requireCaller(MAY_DO);
    List<ReceivedMail> mails = server.received();
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>Mailbox – Joint inspections</title>
        <style>
          body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; margin: 0; color: #333; background: #f5f5f5; }
          header { background: #333; color: #fff; padding: 12px 24px; }
          header h1 { margin: 0; font-size: 20px; font-weight: normal; }
          main { padding: 16px 24px; max-width: 1100px; }
          .about { margin: 0 0 16px; }
          .mail { background: #fff; border: 1px solid #ddd; border-radius: 3px; margin: 0 0 16px; padding: 12px 16px; }
          .mail h2 { font-size: 16px; margin: 0 0 8px; }
          .mail dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
          .mail dt { color: #666; }
          .mail dd { margin: 0; }
          .mail pre { white-space: pre-wrap; font-family: inherit; margin: 0; border-top: 1px solid #eee; padding-top: 8px; }
        </style>
        </head>
        <body>
        <header><h1>Joint inspections · Mailbox</h1></header>
        <main>
        """);
    html.append("<p class=\"about\">The e-mails this demo has sent, caught by its own mail server (")
        .append(DemoMailServer.LOOPBACK).append(':').append(server.port())
        .append("), newest first; the newest ").append(server.keep()).append(" are kept until the application stops. ")
        .append(mails.isEmpty() ? "No e-mail yet." : mails.size() == 1 ? "1 e-mail." : mails.size() + " e-mails.")
        .append(" For administrators only: they name inspections and, for a Category 1 concern, a child's case.</p>\n");
    for (ReceivedMail mail : mails) {
      html.append("<article class=\"mail\">\n<h2>").append(escape(mail.subject())).append("</h2>\n<dl>")
          .append("<dt>To</dt><dd class=\"to\">").append(escape(String.join(", ", mail.to()))).append("</dd>")
          .append("<dt>From</dt><dd>").append(escape(mail.from())).append("</dd>")
          .append("<dt>Received</dt><dd>").append(RECEIVED.format(mail.receivedAt())).append("</dd></dl>\n")
          .append("<pre>").append(escape(mail.body())).append("</pre>\n</article>\n");
    }
    html.append("</main>\n</body>\n</html>\n");
    // Replaces the policy every /api answer gets (web.ApiSecurityHeaders), which it includes.
    response.setHeader("Content-Security-Policy", PAGE_POLICY);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html.toString());
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
