package uk.jointinspections.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import uk.jointinspections.identity.StaffGroup;
import uk.jointinspections.model.ModelConsistencyChecker.Deployed;
import uk.jointinspections.model.ModelConsistencyChecker.Resource;

/**
 * Runs the model-consistency rules that protect running inspections on every new deployment, however it arrives: the
 * Modeler's "Deploy" (REST), any other REST client, or the application's own start. A deployment that breaks one is
 * refused before anything is stored, so the version before it stays the latest; the answer names each file, element
 * and rule (a {@link ParseException}, which the REST API answers with 400 and the Modeler shows in its deploy dialog).
 * The build runs the same {@link ModelConsistencyChecker} over {@code processes/} and {@code forms/}, with the
 * layout, naming and documentation rules besides.
 */
@Component
public class ModelConsistencyDeployer extends AbstractProcessEnginePlugin implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelConsistencyDeployer.class);
  static final String REFUSED = "Not deployed, nothing changed: ";

  private final ModelConsistencyChecker checker;

  public ModelConsistencyDeployer(ApplicationContext context) {
    Set<String> ourGroups = StaffGroup.idsWithAdministrators();
    this.checker = new ModelConsistencyChecker(context::containsBean,
        group -> ourGroups.contains(group) || groupInIdentityService(group));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(this);
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // The cache deploys stored deployments again after a restart or an eviction; those were checked when they arrived.
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<Resource> resources = deployment.getResources().values().stream()
        .map(resource -> new Resource(resource.getName(), resource.getBytes())).toList();
    List<ModelConsistencyChecker.Problem> refused = checker.check(resources, deployedDefinitions()).stream()
        .filter(ModelConsistencyChecker.Problem::refusedAtDeployment).toList();
    if (refused.isEmpty()) {
      return;
    }
    LOG.warn("Deployment '{}' from {} refused: {} problem(s) would break inspections", deployment.getName(),
        deployment.getSource(), refused.size());
    throw refusal(refused);
  }

  static ParseException refusal(List<ModelConsistencyChecker.Problem> refused) {
    String message = REFUSED + refused.size() + (refused.size() == 1 ? " problem" : " problems")
        + " would break inspections.\n" + refused.stream().map(ModelConsistencyChecker.Problem::message)
            .collect(Collectors.joining("\n"));
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    refused.forEach(problem -> byResource.computeIfAbsent(problem.resource(), name -> new ArrayList<>())
        .add(new DeploymentProblem(problem.message(), problem.elementId())));
    List<Map.Entry<String, List<Problem>>> entries = new ArrayList<>(byResource.entrySet());
    ParseException exception = new ParseException(message, entries.get(0).getKey(), entries.get(0).getValue(),
        List.of());
    List<ResourceReport> reports = exception.getResorceReports();
    entries.stream().skip(1).forEach(entry ->
        reports.add(new ResourceReportImpl(entry.getKey(), entry.getValue(), List.of())));
    return exception;
  }

  private static Deployed deployedDefinitions() {
    CommandContext command = Context.getCommandContext();
    return new Deployed() {
      @Override
      public boolean hasForm(String key) {
        return command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
      }

      @Override
      public boolean hasProcess(String key) {
        return command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
      }

      @Override
      public boolean hasDecision(String key) {
        return command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
      }
    };
  }

  /** A group an administrator created in Admin after start-up is as good as ours. */
  private static boolean groupInIdentityService(String groupId) {
    CommandContext command = Context.getCommandContext();
    return command != null && command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider()
        .createGroupQuery().groupId(groupId).count() > 0);
  }

  /** A rule's breach as the engine reports parse problems: the message, and the element it is about. */
  private record DeploymentProblem(String message, String mainElementId) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return mainElementId == null ? List.of() : List.of(mainElementId);
    }
  }
}
