package uk.jointinspections.calendar;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the England &amp; Wales division of a file in the format of the UK government's
 * {@code bank-holidays.json}:
 *
 * <pre>{"england-and-wales": {"division": "england-and-wales", "events": [
 *     {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}]}}</pre>
 *
 * Any problem fails the whole file, so that the application never runs on a half-read calendar.
 */
final class BankHolidaysFile {

  static final String DIVISION = "england-and-wales";

  private static final ObjectMapper JSON = new ObjectMapper();

  private BankHolidaysFile() {
  }

  static List<BankHoliday> read(Path file) {
    String name = file.toAbsolutePath().toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new BankHolidayFileException(name, "cannot be read: there is no such file", e);
    } catch (AccessDeniedException e) {
      throw new BankHolidayFileException(name, "cannot be read: access denied", e);
    } catch (IOException e) {
      throw new BankHolidayFileException(name, "cannot be read: " + e, e);
    }
  }

  static List<BankHoliday> read(InputStream in, String name) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new BankHolidayFileException(name, "is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new BankHolidayFileException(name, "is empty");
    }
    if (!root.isObject()) {
      throw new BankHolidayFileException(name, "must be a JSON object with a \"" + DIVISION + "\" division");
    }
    JsonNode division = root.get(DIVISION);
    if (division == null || !division.isObject()) {
      List<String> found = new ArrayList<>();
      root.fieldNames().forEachRemaining(found::add);
      throw new BankHolidayFileException(name, "has no \"" + DIVISION + "\" division (found: "
          + (found.isEmpty() ? "none" : String.join(", ", found)) + ")");
    }
    JsonNode events = division.get("events");
    if (events == null || !events.isArray()) {
      throw new BankHolidayFileException(name, "the \"" + DIVISION + "\" division has no \"events\" list");
    }
    List<BankHoliday> holidays = new ArrayList<>();
    int number = 0;
    for (Iterator<JsonNode> it = events.elements(); it.hasNext(); ) {
      number++;
      holidays.add(holiday(it.next(), number, name));
    }
    return holidays;
  }

  private static BankHoliday holiday(JsonNode event, int number, String name) {
    String which = "event " + number + " of \"" + DIVISION + "\"";
    if (!event.isObject()) {
      throw new BankHolidayFileException(name, which + " is not an object");
    }
    JsonNode date = event.get("date");
    if (date == null || !date.isTextual()) {
      throw new BankHolidayFileException(name, which + " has no \"date\"");
    }
    LocalDate parsed;
    try {
      parsed = LocalDate.parse(date.asText());
    } catch (DateTimeParseException e) {
      throw new BankHolidayFileException(name, which + " has the date \"" + date.asText()
          + "\", which is not a date in the form YYYY-MM-DD", e);
    }
    JsonNode title = event.get("title");
    if (title == null || !title.isTextual() || title.asText().isBlank()) {
      throw new BankHolidayFileException(name, which + " (" + parsed + ") has no \"title\"");
    }
    return new BankHoliday(parsed, title.asText().strip());
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
