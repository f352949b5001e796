package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * What the local partnership has counts from the day a letter was actually sent: the DCS's 10 working days from the
 * draft (J9, the sending day the first of the ten, reading R5) and the 70 working days from the final letter (J10).
 */
@EngineTest
@WithEngineAssertions
class JtaiLetterSentTest {

  private static final LocalDate DAY_ZERO = LocalDate.of(2027, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired Timeline timeline;

  private int sequence;

  private Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private static Instant endOf(int day) {
    return JtaiSeedDayTable.workingDay(DAY_ZERO, day).atTime(23, 59).atZone(WorkingDayCalendar.LONDON).toInstant();
  }

  private static void clockAt(int day) {
    EngineClock.set(JtaiSeedDayTable.workingDay(DAY_ZERO, day), LocalTime.of(10, 0));
  }

  @Test
  void aDraftSentLateStillGivesTheDcsTenWorkingDays() {
    ProcessInstance pi = JtaiScenario.startBefore(engine, "JTAI-SENT-" + System.nanoTime() + "-" + ++sequence,
        TASK_SEND_DRAFT_TO_DCS, Map.of());
    TimelineEntry planned = timeline.of(pi.getBusinessKey()).stream()
        .filter(e -> e.id().equals(Submission.FACTUAL_ACCURACY_RESPONSE.subProcessId)).findFirst().orElseThrow();
    assertThat(planned.day()).isEqualTo(33);
    assertThat(planned.dueAt().toInstant()).as("before the draft goes: day 33 of the table").isEqualTo(endOf(33));

    clockAt(27);
    String send = task(pi, TASK_SEND_DRAFT_TO_DCS).getId();
    String tomorrow = JtaiSeedDayTable.workingDay(DAY_ZERO, 28).toString();
    assertThatThrownBy(() -> tasks.complete(send, Map.of("draftLetterSentOn", tomorrow)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("is after today");
    // Sent on day 26, recorded on day 27: the ten working days are days 26 to 35.
    tasks.complete(send, Map.of("draftLetterSentOn", JtaiSeedDayTable.workingDay(DAY_ZERO, 26).toString()));

    Task record = task(pi, Submission.FACTUAL_ACCURACY_RESPONSE.recordTaskId);
    assertThat(record.getDueDate().toInstant()).isEqualTo(endOf(35));
    TimelineEntry entry = timeline.of(pi.getBusinessKey()).stream()
        .filter(e -> e.id().equals(Submission.FACTUAL_ACCURACY_RESPONSE.subProcessId)).findFirst().orElseThrow();
    assertThat(entry.dueAt().toInstant()).isEqualTo(endOf(35));
  }

  @Test
  void theStatementOfActionCountsFromTheDayTheFinalLetterWasSentNotFromTheTasksCompletion() {
    ProcessInstance pi = JtaiScenario.startBefore(engine, "JTAI-SENT-" + System.nanoTime() + "-" + ++sequence,
        TASK_SEND_PRE_PUBLICATION_LETTER, Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, true));
    clockAt(42);
    // Sent on day 41, recorded the next working day.
    tasks.complete(task(pi, TASK_SEND_PRE_PUBLICATION_LETTER).getId(),
        Map.of("finalLetterSentOn", JtaiSeedDayTable.workingDay(DAY_ZERO, 41).toString()));

    Task record = task(pi, Submission.STATEMENT_OF_ACTION.recordTaskId);
    assertThat(record.getDueDate().toInstant()).isEqualTo(endOf(111));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("boundary_overdue_statement_of_action").singleResult().getDuedate().toInstant()).isEqualTo(endOf(111));
    assertThat(timeline.of(pi.getBusinessKey()).stream()
        .filter(e -> e.id().equals(Submission.STATEMENT_OF_ACTION.subProcessId)).findFirst().orElseThrow()
        .dueAt().toInstant()).isEqualTo(endOf(111));
  }
}
