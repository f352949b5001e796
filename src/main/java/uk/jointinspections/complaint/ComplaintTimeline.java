package uk.jointinspections.complaint;

import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.OverdueStepDescriber;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.inspection.TimelineEntry.Status;
import uk.jointinspections.inspection.TimelineExtension;

/**
 * The milestones of an inspection's complaints on its timeline (JSON and iCalendar): each with its title, working day
 * and due date from the deployed diagrams, and whether it is done, open, overdue or upcoming. Titles and dates only:
 * what a complaint says, and anything of a conduct investigation beyond which milestone is due, stay off the timeline.
 * A complaint not considered, or a milestone its path no longer reaches, shows nothing. A milestone of the conduct
 * investigation is guarded by that investigation: the timeline shows it only to those who may read it (the
 * investigating inspectorate, admin).
 */
@Component
public class ComplaintTimeline implements TimelineExtension {

  /** Prefix of a complaint milestone's entry id: {@code complaint:<complaint instance id>:<element id>}. */
  public static final String ENTRY_PREFIX = "complaint:";

  private final HistoryService historyService;
  private final ComplaintMilestones milestones;

  public ComplaintTimeline(@Lazy HistoryService historyService, ComplaintMilestones milestones) {
    this.historyService = historyService;
    this.milestones = milestones;
  }

  @Override
  public List<Entry> entries(HistoricProcessInstance inspection) {
    String reference = inspection.getBusinessKey();
    List<Entry> entries = new ArrayList<>();
    int number = 0;
    for (HistoricProcessInstance complaint : historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(reference).orderByProcessInstanceStartTime().asc().list()) {
      number++;
      ComplaintEdition edition = ComplaintEdition.ofId(text(complaint.getId(), VAR_EDITION)).orElse(null);
      ComplaintKind kind = ComplaintKind.ofId(text(complaint.getId(), VAR_KIND)).orElse(null);
      Object receivedOn = value(complaint.getId(), VAR_RECEIVED_ON);
      if (edition == null || kind == null || !(receivedOn instanceof Date day0)) {
        continue;
      }
      List<String> instances = new ArrayList<>(List.of(complaint.getId()));
      String conduct = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(complaint.getId())
          .processDefinitionKey(ComplaintConductProcess.KEY).list().stream().map(HistoricProcessInstance::getId)
          .findFirst().orElse(null);
      if (conduct != null) {
        instances.add(conduct);
      }
      boolean running = complaint.getEndTime() == null;
      LocalDate made = day0.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
      for (ComplaintMilestones.Milestone milestone : milestones.of(edition, kind, made)) {
        boolean ofConduct = milestones.isConductMilestone(milestone);
        if (ofConduct && conduct == null) {
          continue; // no conduct investigation whose readers could be told of it
        }
        Status status = status(instances, milestone, running);
        if (status != null) {
          TimelineEntry entry = new TimelineEntry(ENTRY_PREFIX + complaint.getId() + ":" + milestone.elementId(),
              milestone.day(), "Complaint " + number + " (" + kind.title.toLowerCase() + "): " + milestone.title(),
              ofConduct ? "the investigating inspectorate" : "Ofsted", milestone.paragraph(), milestone.due(), status,
              OverdueStepDescriber.countedFrom(VAR_RECEIVED_ON, null), made);
          entries.add(ofConduct ? new Entry(entry, conduct) : Entry.forInspectionReaders(entry));
        }
      }
    }
    return entries;
  }

  private Status status(List<String> instances, ComplaintMilestones.Milestone milestone, boolean running) {
    List<HistoricTaskInstance> tasks = new ArrayList<>();
    for (String instance : instances) {
      tasks.addAll(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance)
          .taskDefinitionKey(milestone.elementId()).list());
    }
    boolean open = tasks.stream().anyMatch(t -> t.getEndTime() == null);
    boolean done = !tasks.isEmpty() && !open && tasks.stream().allMatch(t -> "completed".equals(t.getDeleteReason()));
    if (done) {
      return Status.done;
    }
    if (!running) {
      return null;
    }
    if (milestone.due().toInstant().isBefore(ClockUtil.getCurrentTime().toInstant())) {
      return Status.overdue;
    }
    return open ? Status.open : Status.upcoming;
  }

  private Object value(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).disableCustomObjectDeserialization().list().stream()
        .findFirst().orElse(null);
    return variable == null ? null : variable.getValue();
  }

  private String text(String processInstanceId, String name) {
    Object value = value(processInstanceId, name);
    return value == null ? null : value.toString();
  }
}
