package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.frameworks.OfstedTargeted2016Fixture.*;
import static uk.jointinspections.frameworks.OfstedTargeted2016Process.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.notification.Notification;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.testkit.WithEngineAssertions;
import uk.jointinspections.notification.NotificationStore;

/**
 * Paragraph 13 and Annex B of the 2016 targeted guidance: after the telephone call the lead inspector confirms the
 * start in writing, with this framework's own e-mail (Ofsted alone, its own guidance, the team named at start).
 */
@EngineTest
@WithEngineAssertions
class OfstedTargeted2016AnnexBTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired NotificationStore notificationStore;

  @Test
  void theDcsReceivesTheTargetedInspectionsAnnexB() {
    FrameworkScenario s = start(engine, starts, "OTA16-ANNEXB", "2026-09-15", "2026-09-11T10:00", List.of(INSPECTOR));
    completeUntil(s, TASK_NOTIFY_DCS);
    String notify = s.task(TASK_NOTIFY_DCS).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(notify, Map.of("dcsNotified", true)))
        .hasMessageContaining("dcsEmail");
    engine.getTaskService().complete(notify, Map.of("dcsNotified", true, "dcsEmail", DCS_EMAIL));

    Notification email = notificationStore.ofInspection("OTA16-ANNEXB").stream()
        .filter(notification -> NotificationProcess.PURPOSE_ANNEX_B.equals(notification.purpose()))
        .filter(notification -> notification.processInstanceId().equals(s.processInstanceId))
        .toList().get(0);
    Map<String, Object> variables = email.variables();
    assertThat(variables.get(NotificationProcess.VAR_RECIPIENT)).isEqualTo(DCS_EMAIL);
    assertThat(variables.get(NotificationProcess.VAR_SUBJECT))
        .isEqualTo("Ofsted Targeted Local Authority Inspection of services for children Westshire");
    assertThat((String) variables.get(NotificationProcess.VAR_BODY))
        .contains("inspectors from Ofsted will arrive on site in Westshire to begin fieldwork for a Targeted Local"
            + " Authority Inspection of services for children")
        .contains("on Monday 28 September 2026")
        .contains("www.gov.uk/government/publications/ofsted-inspection-of-local-authority-arrangements-and-services-for-children-in-need-of-help-and-protection")
        .contains("Quality Assurance Manager for this inspection: Quentin")
        .contains("Lead inspector (Ofsted): Olivia").contains("Inspector (Ofsted): Oscar")
        .doesNotContain("CQC", "HMIC", "HMI Probation", "joint targeted area");
  }
}
