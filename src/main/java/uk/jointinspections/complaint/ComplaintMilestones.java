package uk.jointinspections.complaint;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.DeadlineDefinition;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * The working-day milestones of one complaint, read from the deployed diagrams (the {@code day} and {@code paragraph}
 * properties of the elements), so that the acknowledgement letter, the task due dates, the timers and the timeline
 * agree. Which milestones apply depends on the procedure and the kind of complaint.
 */
@Component
public class ComplaintMilestones {

  public record Milestone(String elementId, String title, int day, String paragraph, ZonedDateTime due) {
  }

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private static final List<String> PROCESS_2017 = List.of(ComplaintProcess.TASK_SEND_ACKNOWLEDGEMENT,
      ComplaintProcess.TASK_LEAD_INSPECTOR_COMMENTS, ComplaintProcess.TASK_DRAFT_RESPONSE,
      ComplaintProcess.TASK_COMMENT_ON_DRAFT, ComplaintProcess.TASK_FINALISE_RESPONSE,
      ComplaintProcess.TASK_SIGN_OFF_RESPONSE);
  private static final List<String> PROCESS_OTHER = List.of(ComplaintProcess.TASK_SEND_ACKNOWLEDGEMENT,
      ComplaintProcess.TASK_SIGN_OFF_RESPONSE);
  private static final List<String> CONDUCT = List.of(ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT,
      ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT);

  private final RepositoryService repositoryService;
  private final WorkingDays workingDays;
  private final WithoutAuthorization withoutAuthorization;

  public ComplaintMilestones(@Lazy RepositoryService repositoryService, WorkingDays workingDays,
      WithoutAuthorization withoutAuthorization) {
    this.repositoryService = repositoryService;
    this.workingDays = workingDays;
    this.withoutAuthorization = withoutAuthorization;
  }

  public List<Milestone> of(ComplaintEdition edition, ComplaintKind kind, LocalDate receivedOn) {
    return of(edition, kind, receivedOn, true);
  }

  /** @param jointProcess false for a challenge about one inspectorate's own work: no partner milestones */
  public List<Milestone> of(ComplaintEdition edition, ComplaintKind kind, LocalDate receivedOn, boolean jointProcess) {
    List<Milestone> milestones = new ArrayList<>();
    if (kind != ComplaintKind.CONDUCT) {
      BpmnModelInstance complaint = model(ComplaintProcess.KEY);
      for (String id : edition == ComplaintEdition.E2017 && jointProcess ? PROCESS_2017 : PROCESS_OTHER) {
        milestones.add(milestone(complaint, id, receivedOn));
      }
    }
    if (kind.concernsConduct()) {
      BpmnModelInstance conduct = model(ComplaintConductProcess.KEY);
      for (String id : CONDUCT) {
        milestones.add(milestone(conduct, id, receivedOn));
      }
    }
    return milestones;
  }

  /** Whether the milestone is a step of the confidential conduct investigation rather than of the complaint. */
  public boolean isConductMilestone(Milestone milestone) {
    return CONDUCT.contains(milestone.elementId());
  }

  /** For the acknowledgement letter: one line per milestone. */
  public String describe(List<Milestone> milestones) {
    StringBuilder text = new StringBuilder();
    for (Milestone m : milestones) {
      text.append("- ").append(m.title()).append(": working day ").append(m.day()).append(", ")
          .append(DATE.format(m.due())).append('\n');
    }
    return text.toString().strip();
  }

  /** The element of a deployed complaint or conduct diagram, for titles and deadlines of escalations. */
  public FlowElement element(String elementId) {
    FlowElement element = model(ComplaintProcess.KEY).getModelElementById(elementId);
    return element != null ? element : model(ComplaintConductProcess.KEY).getModelElementById(elementId);
  }

  private Milestone milestone(BpmnModelInstance model, String id, LocalDate receivedOn) {
    FlowElement element = model.getModelElementById(id);
    DeadlineDefinition definition = DeadlineDefinition.of(element);
    return new Milestone(id, element.getName(), definition.day(), definition.paragraph(),
        workingDays.deadline(receivedOn, definition.day(), definition.timeOfDay()));
  }

  private BpmnModelInstance model(String key) {
    return withoutAuthorization.call(() -> {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      return repositoryService.getBpmnModelInstance(definition.getId());
    });
  }
}
