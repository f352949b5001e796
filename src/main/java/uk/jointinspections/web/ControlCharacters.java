package uk.jointinspections.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Reads text of our /api, refusing control characters other than tab and line breaks: nobody types them, PostgreSQL
 * cannot store NUL in a text column (so it would fail only there, deep in the engine), and they garble e-mails, PDFs
 * and calendar files. Line breaks (CR, LF, NEL, the Unicode line and paragraph separators) are refused too, except in
 * fields marked {@link FreeText}: a reference, a name or an e-mail address is one line, and a line break in it would
 * split the mail header, the calendar line or the log line it ends up in.
 */
class ControlCharacters extends StringDeserializer implements ContextualDeserializer {

  /** The rule a refused value broke, for the answer and the log (never the value itself). */
  enum Rule {
    CONTROL_CHARACTERS("control characters (such as NUL) are not allowed in text"),
    LINE_BREAKS("line breaks are not allowed: this field is one line of text");

    final String description;

    Rule(String description) {
      this.description = description;
    }
  }

  /** Jackson reports it with the field's path, so the refusal can name the field. */
  static class Refused extends MismatchedInputException {
    final Rule rule;

    Refused(JsonParser parser, Rule rule) {
      super(parser, rule.description, String.class);
      this.rule = rule;
    }
  }

  private final boolean lineBreaksAllowed;

  ControlCharacters() {
    this(false);
  }

  private ControlCharacters(boolean lineBreaksAllowed) {
    this.lineBreaksAllowed = lineBreaksAllowed;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
    boolean freeText = property != null && property.getAnnotation(FreeText.class) != null;
    return freeText == lineBreaksAllowed ? this : new ControlCharacters(freeText);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = super.deserialize(parser, context);
    if (text == null) {
      return null;
    }
    if (text.chars().anyMatch(ControlCharacters::control)) {
      throw new Refused(parser, Rule.CONTROL_CHARACTERS);
    }
    if (!lineBreaksAllowed && text.chars().anyMatch(ControlCharacters::lineBreak)) {
      throw new Refused(parser, Rule.LINE_BREAKS);
    }
    return text;
  }

  static boolean control(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  }

  static boolean lineBreak(int c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }
}
