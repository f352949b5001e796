package uk.jointinspections.inspection;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables every framework's inspection shares by name, and that the processes raised on an inspection (its
 * concerns, complaints, statement of action, the local area's submissions, its notifications) carry under the same
 * names: one home for the names, and readers that give each value its type where code reads it, instead of a cast at
 * every use. The process classes ({@link JtaiProcess}, {@code ConcernReferralProcess}, ...) name them after these.
 *
 * <p>Their values enter typed: the start request's fields through {@code StartFields} and the start validators, a
 * called or raised process's through its start listener or its call's mappings.
 */
public final class InspectionVariables {

  /** The framework's id, e.g. {@code jtai-2017}, {@code ofsted-targeted-2016}. */
  public static final String FRAMEWORK = "framework";
  /** An inspection's own reference (its business key). */
  public static final String REFERENCE = "reference";
  /** The reference of the inspection a concern, complaint or notification belongs to. */
  public static final String INSPECTION_REFERENCE = "inspectionReference";
  /** The local authority area inspected. */
  public static final String LOCAL_AUTHORITY = "localAuthority";
  /** The lead inspector's user id. */
  public static final String LEAD_INSPECTOR = "leadInspector";
  /** The quality assurance manager's user id. */
  public static final String QA_MANAGER = "qaManager";
  /** Day 0 of the framework's count, a date at midnight Europe/London (the JTAI's notification day). */
  public static final String DAY_ZERO = "dayZero";
  /** The first day of fieldwork, a date at midnight Europe/London. */
  public static final String FIELDWORK_START = "fieldworkStart";
  /** Day 0 and the first day of fieldwork in words ("Tuesday 3 November 2026"), as the forms show them. */
  public static final String DAY_ZERO_LABEL = "dayZeroLabel";
  public static final String FIELDWORK_START_LABEL = "fieldworkStartLabel";

  private InspectionVariables() {
  }

  public static String framework(VariableScope scope) {
    return text(scope, FRAMEWORK);
  }

  public static String inspectionReference(VariableScope scope) {
    return text(scope, INSPECTION_REFERENCE);
  }

  public static String localAuthority(VariableScope scope) {
    return text(scope, LOCAL_AUTHORITY);
  }

  public static String leadInspector(VariableScope scope) {
    return text(scope, LEAD_INSPECTOR);
  }

  public static String qaManager(VariableScope scope) {
    return text(scope, QA_MANAGER);
  }

  /** The first day of fieldwork; null until the inspection has one (a 2024 JTAI sets it at notification). */
  public static Date fieldworkStart(VariableScope scope) {
    Object value = scope.getVariable(FIELDWORK_START);
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    throw new IllegalStateException(FIELDWORK_START + " holds a " + value.getClass().getSimpleName()
        + ", not a date");
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalStateException(name + " holds a " + value.getClass().getSimpleName() + ", not text");
  }
}
