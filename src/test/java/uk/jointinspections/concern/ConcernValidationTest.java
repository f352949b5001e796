package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.jointinspections.concern.ConcernFixture.annexC;
import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess;

/** The Tasklist start form refuses bad Annex C input with a message naming the field, and creates nothing. */
@EngineTest
class ConcernValidationTest extends ConcernDuringInspection {



  private ConcernRefusedException refused(String ref, Map<String, Object> annexC) {
    ConcernRefusedException refusal = catchThrowableOfType(ConcernRefusedException.class,
        () -> fixture.raise("ofsted-inspector", ref, annexC));
    assertThat(refusal).as("refusal").isNotNull();
    assertThat(fixture.concernsOf(ref)).as("concerns created").isZero();
    return refusal;
  }

  private Map<String, Object> with(String field, Object value) {
    Map<String, Object> annexC = new HashMap<>(annexC(1));
    annexC.put(field, value);
    return annexC;
  }

  @Test
  void aMissingCaseNumberIsRefused() {
    ConcernRefusedException refusal = refused(reference, with(VAR_CASE_NUMBERS, " "));
    assertThat(refusal.field()).isEqualTo(VAR_CASE_NUMBERS);
    assertThat(refusal.getMessage()).startsWith("caseNumbers: give the case number(s)");
  }

  @Test
  void aNameInsteadOfACaseNumberIsRefused() {
    ConcernRefusedException refusal = refused(reference, with(VAR_CASE_NUMBERS, "Jane Smith"));
    assertThat(refusal.getMessage()).contains("case numbers and initials only").contains("paragraph 81");
    assertThat(refused(reference, with(VAR_CASE_NUMBERS, "CS-1 (Jane)")).field()).isEqualTo(VAR_CASE_NUMBERS);
  }

  /** The no-names rule is cited from the inspection's own framework: 2016 editions 80, 2024 76, 2017 81. */
  @Test
  void theNoNamesRuleCitesTheInspectionsFramework() {
    Map<String, String> paragraphs = Map.of("jtai-2016", "80", "ofsted-targeted-2016", "80", "jtai-2024", "76");
    paragraphs.forEach((framework, paragraph) -> {
      String other = ConcernFixture.newReference();
      fixture.inspectionAt(other, JtaiProcess.TASK_KIT_MEETING_DAY_10, framework);
      assertThat(refused(other, with(VAR_CASE_NUMBERS, "Jane Smith")).getMessage()).as(framework)
          .contains("names are never recorded (paragraph " + paragraph + ").").doesNotContain("81");
    });
  }

  @Test
  void noCategoryOrBothAreRefused() {
    Map<String, Object> none = with(VAR_CATEGORY, null);
    assertThat(refused(reference, none).getMessage()).startsWith("category: select a category");
    Map<String, Object> both = with(VAR_CATEGORY, null);
    both.put(VAR_CATEGORY_1, true);
    both.put(VAR_CATEGORY_2, true);
    assertThat(refused(reference, both).getMessage()).startsWith("category: select one category only, not both");
  }

  @Test
  void aRequiredByDateInThePastOrNotAWorkingDayIsRefused() {
    assertThat(refused(reference, with(VAR_RESPONSE_REQUIRED_BY, "2026-12-23")).getMessage())
        .isEqualTo("responseRequiredBy: 2026-12-23 is in the past; give today or a later working day.");
    // Christmas Day, then the substitute day for Boxing Day, then a Saturday.
    for (String holiday : new String[] {"2026-12-25", "2026-12-28", "2027-01-02"}) {
      assertThat(refused(reference, with(VAR_RESPONSE_REQUIRED_BY, holiday)).getMessage())
          .isEqualTo("responseRequiredBy: " + holiday
              + " is not a working day (a weekend or a bank holiday in England); give a working day.");
    }
  }

  @Test
  void aGivenWorkingDayIsTheRequiredByDate() {
    var concern = fixture.raise("ofsted-inspector", reference, with(VAR_RESPONSE_REQUIRED_BY, "2026-12-31"));
    assertThat(engine.getRuntimeService().getVariable(concern.getId(), VAR_RESPONSE_DUE_DATE))
        .isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-12-31T23:59:00Z")));
  }

  @Test
  void category1WithoutTheSeniorOfficersEmailIsRefused() {
    assertThat(refused(reference, with(VAR_SENIOR_OFFICER_EMAIL, "")).field()).isEqualTo(VAR_SENIOR_OFFICER_EMAIL);
  }

  @Test
  void anUnknownInspectionIsRefused() {
    String unknown = ConcernFixture.newReference();
    ConcernRefusedException refusal = refused(unknown, annexC(1));
    assertThat(refusal.reason()).isEqualTo(ConcernRefusedException.Reason.UNKNOWN_INSPECTION);
    assertThat(refusal.getMessage()).isEqualTo("inspectionReference: there is no inspection with reference '" + unknown + "'.");
  }

  @Test
  void aPublishedInspectionIsRefused() {
    String published = ConcernFixture.newReference();
    var inspection = fixture.inspectionAt(published, JtaiProcess.TASK_PUBLISH_LETTER, "jtai-2017");
    Task publish = engine.getTaskService().createTaskQuery().processInstanceId(inspection.getId()).singleResult();
    engine.getTaskService().complete(publish.getId());

    ConcernRefusedException refusal = refused(published, annexC(1));
    assertThat(refusal.reason()).isEqualTo(ConcernRefusedException.Reason.PUBLISHED);
    assertThat(refusal.getMessage()).contains("was published on 2026-12-24");
  }
}
