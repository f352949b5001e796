package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The Tasklist start forms of the other frameworks: the form's fields (strings, no framework field) go through the
 * same rules as {@code POST /api/inspections}, the reference becomes the business key, and a used reference is refused.
 */
@EngineTest
@WithEngineAssertions
class FrameworkStartFormTest {

  @Autowired ProcessEngine engine;

  private ProcessInstance submit(String key, Map<String, Object> form) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, form);
  }

  @Test
  void the2024StartFormCountsTheNotificationBackFromFieldwork() {
    FrameworkScenario.clock("2026-09-18T10:00");
    Map<String, Object> form = new HashMap<>(Map.of("reference", "JTAI24-FORM", "localAuthority", "Southshire",
        "plannedFieldworkStart", "2026-10-05", "leadInspector", "ofsted-lead"));
    assertThatThrownBy(() -> submit(Jtai2024Process.KEY, form))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("qaManager"));

    form.put("qaManager", "qa-manager");
    ProcessInstance pi = submit(Jtai2024Process.KEY, form);

    assertThat(pi.getBusinessKey()).isEqualTo("JTAI24-FORM");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "framework")).isEqualTo("jtai-2024");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "notificationDate")).isEqualTo("2026-09-21");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "fieldworkEndLabel")).isEqualTo("Friday 9 October 2026");
    assertThatThrownBy(() -> submit(OfstedTargeted2016Process.KEY, Map.of("reference", "JTAI24-FORM",
        "localAuthority", "Southshire", "deepDiveTheme", "cse-and-missing", "plannedFieldworkStart", "2026-10-05",
        "leadInspector", "ofsted-lead", "qaManager", "qa-manager")))
        .as("a reference is unique across frameworks").hasMessageContaining("already exists");
  }

  @Test
  void theSlacStartFormTakesTheNoNoticeOption() {
    FrameworkScenario.clock("2026-06-01T08:00");
    ProcessInstance pi = submit(Slac2009Process.KEY, Map.of("reference", "SLAC-FORM", "localAuthority", "Southshire",
        "plannedFieldworkStart", "2026-06-01", "noNotice", true, "noNoticeReason", "inadequate",
        "leadInspector", "ofsted-lead"));

    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "noNotice")).isEqualTo(true);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(Slac2009Process.TASK_NOTIFY_ON_ARRIVAL);
  }

  /** Defect 19, paragraph 18: the start form's scope, with its reason when the inspection is a separate one. */
  @Test
  void theSlacStartFormTakesTheScopeAndItsReason() {
    FrameworkScenario.clock("2026-04-30T10:00");
    Map<String, Object> form = new HashMap<>(Map.of("reference", "SLAC-FORM-SCOPE", "localAuthority", "Southshire",
        "plannedFieldworkStart", "2026-05-18", "noNotice", false, "scope", "looked-after-children",
        "leadInspector", "ofsted-lead"));
    assertThatThrownBy(() -> submit(Slac2009Process.KEY, form))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("scopeReason"));

    form.put("scopeReason", "inadequate");
    ProcessInstance pi = submit(Slac2009Process.KEY, form);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Slac2009Process.VAR_SCOPE))
        .isEqualTo("looked-after-children");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Slac2009Process.VAR_SCOPE_REASON))
        .isEqualTo("inadequate");
  }

  @Test
  void aFrameworkNameThatIsNotTheDiagramsIsRefused() {
    FrameworkScenario.clock("2026-09-11T10:00");
    assertThatThrownBy(() -> submit(OfstedTargeted2016Process.KEY, Map.of("framework", "jtai-2017",
        "reference", "OTA16-FORM-WRONG", "localAuthority", "Southshire", "deepDiveTheme", "cse-and-missing",
        "plannedFieldworkStart", "2026-10-05", "leadInspector", "ofsted-lead", "qaManager", "qa-manager")))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("framework"));
  }
}
