package uk.jointinspections.web;

/**
 * A value from a request (a user name, a path) made safe for one log line: line breaks and other control characters
 * become {@code ?}, so that nobody can forge a line of the log, and it is cut short.
 */
public final class LogSafe {

  private static final int LONGEST = 120;

  private LogSafe() {
  }

  public static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(Math.min(value.length(), LONGEST + 1));
    value.codePoints().limit(LONGEST).forEach(c -> safe.appendCodePoint(Character.isISOControl(c)
        || c == 0x2028 || c == 0x2029 ? '?' : c));
    if (value.codePointCount(0, value.length()) > LONGEST) {
      safe.append('…');
    }
    return safe.toString();
  }
}
