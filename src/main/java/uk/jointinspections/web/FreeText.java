package uk.jointinspections.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of an /api body that people write paragraphs in (a concern's issues, a complaint, a reply), so it keeps
 * its line breaks. Every other text field is one line (a reference, a name, an e-mail address, case numbers, a user id)
 * and a line break in it is refused ({@link ControlCharacters}): it would split a mail header, a calendar line or a
 * log line in two.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
