package uk.jointinspections.inspection;

import java.util.List;

/** The inspectorates' and roles' Camunda group ids as the JTAI process uses them. */
public final class Inspectorates {

  public static final String OFSTED = "ofsted";
  public static final String CQC = "cqc";
  /** HMIC in the 2016 and 2017 frameworks; HMICFRS since 2017. */
  public static final String HMICFRS = "hmicfrs";
  public static final String HMI_PROBATION = "hmi-probation";

  public static final String LEAD_INSPECTOR = "lead-inspector";
  public static final String QA_MANAGER = "qa-manager";
  public static final String NATIONAL_DIRECTOR = "ofsted-national-director";
  public static final String REGIONAL_DIRECTOR = "regional-director";
  public static final String EDITORS = "editors";
  public static final String SENIOR_ANALYTICAL_OFFICER = "senior-analytical-officer";

  /** CQC, HMIC and HMI Probation: the inspectorates that review, sign off and agree alongside Ofsted. */
  public static final List<String> PARTNERS = List.of(CQC, HMICFRS, HMI_PROBATION);
  /** Every inspectorate on the team, Ofsted included. */
  public static final List<String> ALL = List.of(OFSTED, CQC, HMICFRS, HMI_PROBATION);

  private Inspectorates() {
  }

  public static String displayName(String group) {
    return switch (group) {
      case OFSTED -> "Ofsted";
      case CQC -> "CQC";
      case HMICFRS -> "HMIC";
      case HMI_PROBATION -> "HMI Probation";
      default -> group;
    };
  }
}
