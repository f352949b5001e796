package uk.jointinspections.inspection;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The inspectorates' Camunda group ids, as the collections of the multi-instance steps
 * ({@code ${inspectorates.partners()}}, {@code ${inspectorates.all()}}): each inspectorate gets its own task.
 */
@Component("inspectorates")
public class Inspectorates {

  public static final String OFSTED = "ofsted";
  public static final String CQC = "cqc";
  /** HMIC in the 2016 and 2017 frameworks; HMICFRS since 2017. */
  public static final String HMICFRS = "hmicfrs";
  public static final String HMI_PROBATION = "hmi-probation";

  public static final String LEAD_INSPECTOR = "lead-inspector";
  public static final String QA_MANAGER = "qa-manager";
  public static final String NATIONAL_DIRECTOR = "ofsted-national-director";
  public static final String EDITORS = "editors";
  public static final String SENIOR_ANALYTICAL_OFFICER = "senior-analytical-officer";

  private static final List<String> PARTNERS = List.of(CQC, HMICFRS, HMI_PROBATION);
  private static final List<String> ALL = List.of(OFSTED, CQC, HMICFRS, HMI_PROBATION);

  /** CQC, HMIC and HMI Probation: the inspectorates that review, sign off and agree alongside Ofsted. */
  public List<String> partners() {
    return PARTNERS;
  }

  /** Every inspectorate on the team, Ofsted included. */
  public List<String> all() {
    return ALL;
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
