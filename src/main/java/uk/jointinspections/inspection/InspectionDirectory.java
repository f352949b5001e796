package uk.jointinspections.inspection;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.frameworks.Slac2009Process;

/**
 * Finds an inspection of any framework by its reference (the business key of its process instance), running or
 * finished, with the facts other processes need: framework, lead inspector, QA manager and whether, and when, its
 * findings were published. The lookup is the application's, not the caller's: it runs without authorization checks
 * and returns only these facts.
 *
 * <p>A new framework adds its process key and its publication step to {@link #PUBLICATION_STEPS}; nothing else.
 */
@Component
public class InspectionDirectory {

  /** Process key of each inspection framework → the step whose completion publishes the findings. */
  public static final Map<String, String> PUBLICATION_STEPS = Map.of(JtaiProcess.KEY, JtaiProcess.TASK_PUBLISH_LETTER,
      Jtai2024Process.KEY, Jtai2024Process.TASK_PUBLISH_LETTER,
      OfstedTargeted2016Process.KEY, OfstedTargeted2016Process.TASK_PUBLISH_LETTER,
      Slac2009Process.KEY, Slac2009Process.TASK_PUBLISH_REPORT);
  /**
   * Process key → the step whose completion finalises the findings: the final (pre-publication) letter to the local
   * area, from which a complaint may be made (Annex D 2017: "publication or finalisation"; 2024 Annex C 120).
   */
  public static final Map<String, String> FINALISATION_STEPS =
      Map.of(JtaiProcess.KEY, JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER,
          Jtai2024Process.KEY, Jtai2024Process.TASK_SEND_FINAL_LETTER,
          OfstedTargeted2016Process.KEY, OfstedTargeted2016Process.TASK_SEND_PRE_PUBLICATION_LETTER,
          Slac2009Process.KEY, Slac2009Process.TASK_SEND_FINAL_REPORT);

  /** The process keys of every inspection framework: a reference is unique across all of them. */
  public static String[] processKeys() {
    return PUBLICATION_STEPS.keySet().toArray(String[]::new);
  }

  private final HistoryService historyService;
  private final WithoutAuthorization withoutAuthorization;
  private final InspectionReferences references;

  public InspectionDirectory(@Lazy HistoryService historyService, WithoutAuthorization withoutAuthorization,
      InspectionReferences references) {
    this.historyService = historyService;
    this.withoutAuthorization = withoutAuthorization;
    this.references = references;
  }

  /**
   * The reference as the inspection was started with it, for a reference given in any case ({@code sec-1} for the
   * inspection started as {@code SEC-1}); the reference as given when no inspection holds it. References are unique
   * ignoring case ({@link InspectionReferences}), and every lookup of ours by reference goes through here, so that
   * they ignore case too. Camunda's own queries by business key ({@code /engine-rest/...?businessKey=}) do not.
   */
  public String startedAs(String reference) {
    if (reference == null || reference.isBlank()) {
      return reference;
    }
    String given = reference.strip();
    return references.holder(given)
        .map(id -> withoutAuthorization.call(() -> historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(id).singleResult()))
        .map(HistoricProcessInstance::getBusinessKey)
        .filter(businessKey -> businessKey.equalsIgnoreCase(given))
        .orElse(given);
  }

  /**
   * @param processInstanceId the inspection's process instance
   * @param processKey which framework's process it is
   * @param framework the framework edition (variable {@code framework}), e.g. {@code jtai-2017}
   * @param localAuthority the local authority area inspected, as given at the start
   * @param publishedOn when the publication step completed; null while unpublished
   * @param finalisedOn when the finalisation step (final letter to the local area) completed; null until then
   * @param team the inspection team named at its start besides the lead inspector and the QA manager
   */
  public record Inspection(String reference, String processInstanceId, String processKey, String framework,
      String localAuthority, String leadInspector, String qaManager, boolean running, Date publishedOn, Date finalisedOn,
      InspectionTeam team) {

    /** The lead inspector, the QA manager or a member of the team. */
    public boolean onTeam(String userId) {
      return userId != null && (userId.equals(leadInspector) || userId.equals(qaManager) || team.includes(userId));
    }

    public boolean published() {
      return publishedOn != null;
    }

    public boolean finalised() {
      return finalisedOn != null;
    }
  }

  /** The most recently started inspection with this reference, if there is one. */
  public Optional<Inspection> find(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    String startedAs = startedAs(reference);
    return withoutAuthorization.call(() -> lookUp(startedAs));
  }

  private Optional<Inspection> lookUp(String reference) {
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference)
        .processDefinitionKeyIn(PUBLICATION_STEPS.keySet().toArray(String[]::new))
        .orderByProcessInstanceStartTime().desc()
        .listPage(0, 1);
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    HistoricProcessInstance instance = instances.get(0);
    String id = instance.getId();
    return Optional.of(new Inspection(reference, id, instance.getProcessDefinitionKey(),
        text(id, JtaiProcess.VAR_FRAMEWORK), text(id, JtaiProcess.VAR_LOCAL_AUTHORITY),
        text(id, JtaiProcess.VAR_LEAD_INSPECTOR), text(id, JtaiProcess.VAR_QA_MANAGER),
        instance.getEndTime() == null, publishedOn(id, PUBLICATION_STEPS.get(instance.getProcessDefinitionKey())),
        publishedOn(id, FINALISATION_STEPS.get(instance.getProcessDefinitionKey())),
        InspectionTeam.parse(text(id, InspectionTeam.VARIABLE))));
  }

  /** The first completion of the step; null if it has not completed (or the framework has no such step). */
  private Date publishedOn(String processInstanceId, String publicationStep) {
    if (publicationStep == null) {
      return null;
    }
    return historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .activityId(publicationStep)
        .finished()
        .list().stream()
        .filter(activity -> !activity.isCanceled())
        .map(HistoricActivityInstance::getEndTime)
        .min(Date::compareTo)
        .orElse(null);
  }

  private String text(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).activityInstanceIdIn(processInstanceId).variableName(name)
        .disableCustomObjectDeserialization()
        .list().stream().findFirst().orElse(null);
    return variable != null && variable.getValue() instanceof String value ? value : null;
  }
}
