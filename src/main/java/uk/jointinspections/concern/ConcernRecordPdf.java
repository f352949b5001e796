package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The completed Annex C form (in 2009, the paragraph 61 record) as a PDF, for the agency's and the inspectorate's records: an XHTML page with every value
 * escaped, rendered by openhtmltopdf.
 */
@Component
public class ConcernRecordPdf {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

  public byte[] render(String concernId, Map<String, Object> variables) {
    String html = html(concernId, variables);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the record of concern " + concernId, e);
    }
  }

  String html(String concernId, Map<String, Object> v) {
    if (!ConcernVariant.of((String) v.get(VAR_FRAMEWORK)).annexC) {
      return html2009(concernId, v);
    }
    Object category = v.get(VAR_CATEGORY);
    String one = "1".equals(String.valueOf(category)) ? "[X]" : "[ ]";
    String two = "2".equals(String.valueOf(category)) ? "[X]" : "[ ]";
    return page(concernId, v, """
          <tr><th>Inspector referring</th><td>%s (%s)</td></tr>
          <tr><th>Date of referral</th><td>%s</td></tr>
          <tr><th>Service</th><td>%s</td></tr>
          <tr><th>Reasons for referral back</th><td>%s Category 1: serious issue of concern (for example, failure to follow child protection procedures and/or child at immediate risk of significant harm)<br />%s Category 2: concern that the service offer or risk assessment may not be appropriate for the child's needs</td></tr>
          <tr><th>What are the issues that led to the case being referred?</th><td class="text">%s</td></tr>
          <tr><th>Response and explanation required by</th><td>%s</td></tr>
          <tr><th>The agency's written response</th><td class="text">%s</td></tr>
          <tr><th>Inspector's evaluation of the information provided by the agency</th><td class="text">%s</td></tr>
          <tr><th>Evaluation shared with the agency</th><td>%s</td></tr>
        </table>
        <table>
          <tr><th>Sign off: %s</th><td>%s<br />Date: %s</td></tr>
          <tr><th>Sign off: lead inspector</th><td>%s<br />Date: %s</td></tr>
        </table>
        """.formatted(
        e(v.get(VAR_REFERRING_INSPECTOR)), e(v.get(VAR_REFERRING_INSPECTORATE)),
        e(v.get(VAR_REFERRAL_DATE)), e(v.get(VAR_AGENCY_SERVICE)), one, two, e(v.get(VAR_ISSUES)),
        e(v.get(VAR_RESPONSE_DUE_DATE)), e(v.get(VAR_RESPONSE)), e(v.get(VAR_EVALUATION)),
        e(v.get(VAR_EVALUATION_SHARED_ON)), e(v.get(VAR_SIGNATORY_TITLE)), e(v.get(VAR_CHIEF_OFFICER_ROLE)),
        e(v.get(VAR_CHIEF_OFFICER_SIGNED_ON)), e(v.get(VAR_LEAD_INSPECTOR)), e(v.get(VAR_LEAD_INSPECTOR_SIGNED_ON))));
  }

  /**
   * 2009 paragraph 61: what the DCS was told at once, the written confirmation and what the DCS said was done; no
   * categories, response, evaluation or signatures, which are Annex C's.
   */
  String html2009(String concernId, Map<String, Object> v) {
    return page(concernId, v, """
          <tr><th>Inspector</th><td>%s (%s)</td></tr>
          <tr><th>Date identified</th><td>%s</td></tr>
          <tr><th>Service</th><td>%s</td></tr>
          <tr><th>The unresolved issue of significant risk of harm</th><td class="text">%s</td></tr>
          <tr><th>Director of Children's Services informed on</th><td>%s</td></tr>
          <tr><th>How the DCS was informed</th><td>%s</td></tr>
          <tr><th>Confirmed in writing to</th><td>%s</td></tr>
          <tr><th>What the DCS said was done</th><td class="text">%s</td></tr>
        </table>
        """.formatted(
        e(v.get(VAR_REFERRING_INSPECTOR)), e(v.get(VAR_REFERRING_INSPECTORATE)),
        e(v.get(VAR_REFERRAL_DATE)), e(v.get(VAR_AGENCY_SERVICE)), e(v.get(VAR_ISSUES)),
        e(v.get(VAR_DCS_INFORMED_ON)), e(v.get(VAR_DCS_INFORMED_HOW)), e(v.get(VAR_SENIOR_OFFICER_EMAIL)),
        e(v.get(VAR_DCS_ACTION))));
  }

  /**
   * The record's page: its title, the line naming the inspection and concern, and a first table starting with the case
   * numbers, which {@code rows} continues (escaped already) and closes.
   */
  private static String page(String concernId, Map<String, Object> v, String rows) {
    return """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="UTF-8" />
        <title>%s</title>
        <style>
          @page { size: A4; margin: 18mm; }
          body { font-family: sans-serif; font-size: 10pt; }
          h1 { font-size: 14pt; margin-bottom: 2mm; }
          p.meta { color: #444; margin-top: 0; }
          table { width: 100%%; border-collapse: collapse; margin-bottom: 4mm; }
          th, td { border: 1px solid #555; padding: 2mm; vertical-align: top; text-align: left; }
          th { background: #eee; width: 35%%; }
          .text { white-space: pre-wrap; }
        </style>
        </head>
        <body>
        <h1>%s</h1>
        <p class="meta">Inspection %s, concern %s (record %s). Framework %s, paragraph %s. Case numbers and initials only.</p>
        <table>
          <tr><th>Case number(s) (including other children in the family/household)</th><td>%s</td></tr>
        %s
        </body>
        </html>
        """.formatted(e(v.get(VAR_RECORD_TITLE)), e(v.get(VAR_RECORD_TITLE)), e(v.get(VAR_INSPECTION_REFERENCE)),
        e(v.get(VAR_CONCERN_NUMBER)), e(concernId), e(v.get(VAR_FRAMEWORK)), e(v.get(VAR_PARAGRAPH)),
        e(v.get(VAR_CASE_NUMBERS)), rows);
  }

  /** Escaped for XHTML; a date as a London day; "not yet" for what is still to come. */
  static String e(Object value) {
    if (value == null || String.valueOf(value).isBlank()) {
      return "<em>not yet recorded</em>";
    }
    String text = value instanceof Date date ? DAY.format(date.toInstant()) : String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
