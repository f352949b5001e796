package uk.jointinspections.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Reads text of our /api, refusing control characters other than tab and line breaks: nobody types them, PostgreSQL
 * cannot store NUL in a text column (so it would fail only there, deep in the engine), and they garble e-mails, PDFs
 * and calendar files.
 */
class ControlCharacters extends StringDeserializer {

  /** Jackson reports it with the field's path, so the refusal can name the field. */
  static class Refused extends MismatchedInputException {
    Refused(JsonParser parser) {
      super(parser, "control characters are not allowed in text", String.class);
    }
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = super.deserialize(parser, context);
    if (text != null && text.chars().anyMatch(ControlCharacters::control)) {
      throw new Refused(parser);
    }
    return text;
  }

  static boolean control(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  }
}
