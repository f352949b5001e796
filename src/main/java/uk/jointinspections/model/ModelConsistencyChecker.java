package uk.jointinspections.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import uk.jointinspections.calendar.DeadlineDefinition;

/**
 * The rules every diagram and form in processes/ and forms/ must keep so that it deploys, runs and opens
 * cleanly in the Modeler. Each problem is reported as "file: element: what is wrong".
 */
public class ModelConsistencyChecker {

  /**
   * The engine evaluates a user task's documentation as its description, so an expression there is either a mistake
   * in the prose or deliberate: a called building block describing its step by a variable it is given or by the call
   * activity that called it (inspection.CallingStep).
   */
  private static final java.util.regex.Pattern DELIBERATE_DESCRIPTION_EXPRESSIONS = java.util.regex.Pattern.compile(
      "\\$\\{(?:[A-Za-z][A-Za-z0-9]*|callingStep\\.(?:description|name)\\(execution\\))}");

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String ESCALATION_TIMER_TEMPLATE = "uk.jointinspections.escalation-timer";
  static final String AWAITS_SUBMISSION_TEMPLATE = "uk.jointinspections.awaits-submission";
  static final String DEADLINE_EXPRESSION = "${deadlines.due(execution)}";
  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  /** The Modeler picks the Camunda 7 properties panel and validation only for files that declare this platform. */
  static final String EXECUTION_PLATFORM = "Camunda Platform";
  static final String EXECUTION_PLATFORM_VERSION = "7.24.0";
  private static final Pattern MODELER_DEFAULT_ID = Pattern.compile(
      "^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|SequenceFlow|DataObjectReference|TextAnnotation"
          + "|Association|Process|Participant|Collaboration|Lane|LaneSet|Message|Signal|Error|Escalation"
          + "|Definitions|Decision|DecisionTable|DecisionRule|InputClause|OutputClause|UnaryTests"
          + "|LiteralExpression|InputData|KnowledgeSource|BusinessKnowledgeModel|Form|Field)_[0-9a-zA-Z]{5,}$");
  private static final Pattern DEADLINE_CALL = Pattern.compile("\\bdeadlines\\s*\\.\\s*due\\s*\\(");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern BEAN_CALL = Pattern.compile("(?<![\\w.'\"])([a-zA-Z_][\\w]*)\\s*\\.");
  private static final Pattern WHOLE_IDENTIFIER = Pattern.compile("^\\s*([a-zA-Z_][\\w]*)\\s*$");
  /** Names the engine itself puts into an expression's scope. */
  private static final Set<String> ENGINE_SCOPE = Set.of(
      "execution", "task", "externalTask", "variableScope", "authenticatedUserId", "caseExecution", "S", "XML", "JSON");
  private static final Map<Class<? extends BaseElement>, List<String>> ID_PREFIXES = Map.ofEntries(
      Map.entry(Task.class, List.of("task_")),
      Map.entry(CallActivity.class, List.of("call_")),
      Map.entry(SubProcess.class, List.of("sub_")),
      Map.entry(Gateway.class, List.of("gw_")),
      Map.entry(StartEvent.class, List.of("start_")),
      Map.entry(EndEvent.class, List.of("end_")),
      Map.entry(BoundaryEvent.class, List.of("boundary_", "timer_", "msg_", "error_", "escalation_")),
      Map.entry(IntermediateCatchEvent.class, List.of("timer_", "msg_", "event_", "signal_", "link_")),
      Map.entry(IntermediateThrowEvent.class, List.of("event_", "throw_", "link_", "signal_", "escalation_")),
      Map.entry(SequenceFlow.class, List.of("flow_")));

  private final Predicate<String> beanExists;
  private final Predicate<String> groupExists;
  private final ObjectMapper json = new ObjectMapper();

  public ModelConsistencyChecker(Predicate<String> beanExists, Predicate<String> groupExists) {
    this.beanExists = beanExists;
    this.groupExists = groupExists;
  }

  /** One file of a deployment: its name (as the Modeler sends it, or its path) and its content. */
  public record Resource(String name, byte[] content) {
  }

  /**
   * What the engine already holds, for references a deployment makes beyond its own files: a diagram deployed from
   * the Modeler on its own uses the forms, called processes and decisions deployed before it.
   */
  public interface Deployed {
    Deployed NOTHING = new Deployed() {
      @Override
      public boolean hasForm(String key) {
        return false;
      }

      @Override
      public boolean hasProcess(String key) {
        return false;
      }

      @Override
      public boolean hasDecision(String key) {
        return false;
      }
    };

    boolean hasForm(String key);

    boolean hasProcess(String key);

    boolean hasDecision(String key);
  }

  /**
   * One problem: the file, the element it is about (if any) and what is wrong. {@code refusedAtDeployment} marks the
   * rules whose breach breaks inspections (an unknown bean, group, form, called process or decision; an escalation
   * without its timer; no history time to live; a Modeler default id; an inline script): the engine refuses such a
   * deployment. The others (layout, id prefixes, documentation, execution platform) keep the files readable in the
   * Modeler and are the build's to enforce.
   */
  public record Problem(String resource, String elementId, String message, boolean refusedAtDeployment) {
    @Override
    public String toString() {
      return message;
    }
  }

  /** Checks every file below the two folders together, since a diagram's formRef may name any form. */
  public List<String> check(Path processesDir, Path formsDir) throws IOException {
    return check(processesDir, formsDir, Deployed.NOTHING);
  }

  /** As {@link #check(Path, Path)}, for files that will join what is deployed already. */
  public List<String> check(Path processesDir, Path formsDir, Deployed deployed) throws IOException {
    List<Resource> resources = new ArrayList<>();
    for (Path file : filesEndingWith(formsDir, ".form")) {
      resources.add(new Resource(file.getFileName().toString(), Files.readAllBytes(file)));
    }
    for (Path file : filesEndingWith(processesDir, ".bpmn")) {
      resources.add(new Resource(file.getFileName().toString(), Files.readAllBytes(file)));
    }
    for (Path file : filesEndingWith(processesDir, ".dmn")) {
      resources.add(new Resource(file.getFileName().toString(), Files.readAllBytes(file)));
    }
    return check(resources, deployed).stream().map(Problem::message).toList();
  }

  /** Checks the files of one deployment together; references they make beyond themselves go to {@code deployed}. */
  public List<Problem> check(List<Resource> resources, Deployed deployed) {
    Problems problems = new Problems();
    Contents contents = new Contents(deployed);
    List<Resource> diagrams = new ArrayList<>();
    List<Resource> decisions = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource.name().endsWith(".form")) {
        checkForm(resource, contents, problems);
      } else if (resource.name().endsWith(".bpmn") || resource.name().endsWith(".bpmn20.xml")) {
        diagrams.add(resource);
      } else if (resource.name().endsWith(".dmn") || resource.name().endsWith(".dmn11.xml")) {
        decisions.add(resource);
      }
    }
    List<BpmnModelInstance> models = new ArrayList<>();
    for (Resource diagram : diagrams) {
      BpmnModelInstance model = readBpmn(diagram, problems);
      models.add(model);
      if (model != null) {
        model.getModelElementsByType(Process.class).forEach(process -> contents.processes.add(process.getId()));
      }
    }
    for (Resource dmn : decisions) {
      checkDmn(dmn, contents, problems);
    }
    for (int i = 0; i < diagrams.size(); i++) {
      if (models.get(i) != null) {
        checkBpmn(diagrams.get(i), models.get(i), contents, problems);
      }
    }
    return problems.all;
  }

  /** The forms, processes and decisions of the deployment being checked, and what is deployed already. */
  private static final class Contents {
    final Set<String> forms = new HashSet<>();
    final Set<String> processes = new HashSet<>();
    final Set<String> decisions = new HashSet<>();
    final Deployed deployed;

    Contents(Deployed deployed) {
      this.deployed = deployed;
    }

    /** Binding {@code deployment} looks in the same deployment only; {@code latest} and {@code version} anywhere. */
    boolean hasForm(String key, String binding) {
      return forms.contains(key) || !"deployment".equals(binding) && deployed.hasForm(key);
    }

    boolean hasProcess(String key, String binding) {
      return processes.contains(key) || !"deployment".equals(binding) && deployed.hasProcess(key);
    }

    boolean hasDecision(String key, String binding) {
      return decisions.contains(key) || !"deployment".equals(binding) && deployed.hasDecision(key);
    }
  }

  /** Collects problems; the text of each starts with the file and names the element in quotes, as the build prints it. */
  private static final class Problems {
    private static final Pattern QUOTED_ID = Pattern.compile("^[^:]+: (?:process |decision )?'([^']+)'");
    final List<Problem> all = new ArrayList<>();

    void refuse(String text) {
      add(text, true);
    }

    void build(String text) {
      add(text, false);
    }

    private void add(String text, boolean refusedAtDeployment) {
      int colon = text.indexOf(": ");
      Matcher quoted = QUOTED_ID.matcher(text);
      all.add(new Problem(colon < 0 ? "" : text.substring(0, colon), quoted.find() ? quoted.group(1) : null, text,
          refusedAtDeployment));
    }
  }

  static List<Path> filesEndingWith(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private void checkForm(Resource form, Contents contents, Problems problems) {
    String file = form.name();
    try {
      JsonNode root = json.readTree(form.content());
      String id = root.path("id").asText("");
      if (id.isBlank()) {
        problems.refuse(file + ": the form has no id");
      } else if (!contents.forms.add(id)) {
        problems.refuse(file + ": form id '" + id + "' is used by another form");
      }
      if (!EXECUTION_PLATFORM.equals(root.path("executionPlatform").asText())) {
        problems.build(file + ": executionPlatform is not '" + EXECUTION_PLATFORM + "'");
      }
      if (!EXECUTION_PLATFORM_VERSION.equals(root.path("executionPlatformVersion").asText())) {
        problems.build(file + ": executionPlatformVersion is not '" + EXECUTION_PLATFORM_VERSION + "'");
      }
      checkModelerDefaultIds(file, root, problems);
    } catch (IOException e) {
      problems.refuse(file + ": does not parse: " + e.getMessage());
    }
  }

  private void checkModelerDefaultIds(String file, JsonNode node, Problems problems) {
    if (node.has("id") && MODELER_DEFAULT_ID.matcher(node.get("id").asText()).matches()) {
      problems.refuse(file + ": '" + node.get("id").asText() + "' is a Modeler default id");
    }
    node.forEach(child -> checkModelerDefaultIds(file, child, problems));
  }

  private static BpmnModelInstance readBpmn(Resource diagram, Problems problems) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(diagram.content()));
    } catch (RuntimeException e) {
      problems.refuse(diagram.name() + ": does not parse: " + e.getMessage());
      return null;
    }
  }

  private void checkBpmn(Resource file, BpmnModelInstance model, Contents contents, Problems problems) {
    String name = file.name();
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));

    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.refuse(name + ": process '" + process.getId() + "' has no camunda:historyTimeToLive");
      }
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String id = element.getId();
      if (id == null) {
        continue;
      }
      if (MODELER_DEFAULT_ID.matcher(id).matches()) {
        problems.refuse(name + ": '" + id + "' is a Modeler default id; give it a hand-written id with a type prefix");
      } else {
        checkPrefix(name, element, problems);
      }
      if (element instanceof FlowNode && !shapes.contains(id)) {
        problems.build(name + ": '" + id + "' has no diagram shape (DI)");
      }
      if (element instanceof SequenceFlow && !edges.contains(id)) {
        problems.build(name + ": '" + id + "' has no diagram edge (DI)");
      }
      if (element instanceof UserTask userTask) {
        checkUserTask(name, userTask, contents, problems);
      }
      checkReferences(name, element, contents, problems);
      checkDeadlineProperties(name, element, problems);
      checkTemplateBuilt(name, element, problems);
    }
    checkOverdueEscalations(name, model, problems);
    try {
      Element definitions = parseXml(file.content());
      checkExecutionPlatform(name, definitions, problems);
      checkExpressions(name, definitions, null, problems);
    } catch (IOException e) {
      problems.refuse(name + ": does not parse: " + e.getMessage());
    }
  }

  private static void checkExecutionPlatform(String file, Element definitions, Problems problems) {
    String platform = definitions.getAttributeNS(MODELER_NS, "executionPlatform");
    if (!EXECUTION_PLATFORM.equals(platform)) {
      problems.build(file + ": modeler:executionPlatform is '" + platform + "', not '" + EXECUTION_PLATFORM + "'");
    }
    String version = definitions.getAttributeNS(MODELER_NS, "executionPlatformVersion");
    if (!EXECUTION_PLATFORM_VERSION.equals(version)) {
      problems.build(file + ": modeler:executionPlatformVersion is '" + version + "', not '"
          + EXECUTION_PLATFORM_VERSION + "'");
    }
  }

  private static void checkPrefix(String file, BaseElement element, Problems problems) {
    ID_PREFIXES.entrySet().stream()
        .filter(rule -> rule.getKey().isInstance(element))
        .findFirst()
        .filter(rule -> rule.getValue().stream().noneMatch(element.getId()::startsWith))
        .ifPresent(rule -> problems.build(file + ": '" + element.getId() + "' should start with one of "
            + rule.getValue() + " (" + element.getElementType().getTypeName() + ")"));
  }

  private void checkUserTask(String file, UserTask task, Contents contents, Problems problems) {
    // The documentation is the task's description in the Tasklist: what to do, by when, and which paragraph requires it.
    String description = task.getDocumentations().stream().map(d -> d.getTextContent().strip())
        .filter(text -> !text.isEmpty()).findFirst().orElse(null);
    String paragraph = camundaProperty(task, "paragraph");
    if (description == null) {
      problems.build(file + ": '" + task.getId() + "' has no documentation (the Tasklist's description of the step)");
    } else if (paragraph != null && !description.contains(paragraph.strip())) {
      problems.build(file + ": '" + task.getId() + "' documentation does not mention its paragraph '" + paragraph + "'");
    } else if (!DELIBERATE_DESCRIPTION_EXPRESSIONS.matcher(description).replaceAll("").matches("(?s)(?!.*[$#]\\{).*")) {
      problems.build(file + ": '" + task.getId() + "' documentation contains an expression; the engine would evaluate it"
          + " (only a variable, ${name}, or the calling step's ${callingStep.description(execution)} or"
          + " ${callingStep.name(execution)} is meant to be)");
    }
    checkChildSelection(file, task, problems);
    checkRequiredWhen(file, task, problems);
    String candidateGroups = task.getCamundaCandidateGroups();
    if (candidateGroups != null && !candidateGroups.contains("${")) {
      for (String group : candidateGroups.split(",")) {
        if (!groupExists.test(group.trim())) {
          problems.refuse(file + ": '" + task.getId() + "' offers the task to unknown group '" + group.trim() + "'");
        }
      }
    }
  }

  /**
   * A selection step's rule (how many children, from which earlier list) is read from its {@code children.*}
   * properties by {@code childSelectionValidator}: either without the other checks nothing, and a rule that is not a
   * whole number would refuse every inspector's completion.
   */
  private static void checkChildSelection(String file, UserTask task, Problems problems) {
    Map<String, String> rules = rulesReadByListener(file, task, "children.", "childSelectionValidator", problems);
    rules.forEach((name, value) -> {
      if ((name.endsWith(".min") || name.endsWith(".max")) && !value.strip().matches("\\d+")) {
        problems.refuse(file + ": '" + task.getId() + "' property " + name + " is '" + value + "', not a whole number");
      }
    });
  }

  /**
   * An answer needed only in some cases is held by {@code requiredWhen}, reading the step's {@code required.*}
   * properties: a rule without the listener is silently not enforced when the form is bypassed, and a condition not
   * written {@code <variable>=<value>} would refuse every completion of the step.
   */
  private static void checkRequiredWhen(String file, UserTask task, Problems problems) {
    Map<String, String> rules = rulesReadByListener(file, task, "required.", "requiredWhen", problems);
    rules.forEach((name, value) -> {
      if (name.endsWith(".when") && !value.matches("\\s*[^=\\s]+\\s*=.*")) {
        problems.refuse(file + ": '" + task.getId() + "' property " + name + " is '" + value + "', not"
            + " <variable>=<value>");
      }
    });
  }

  /** The step's properties under {@code prefix}, refusing them without the task listener {@code bean} and vice versa. */
  private static Map<String, String> rulesReadByListener(String file, UserTask task, String prefix, String bean,
      Problems problems) {
    String expression = "${" + bean + "}";
    boolean listening = task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaTaskListener.class).list().stream()
        .anyMatch(listener -> expression.equals(listener.getCamundaDelegateExpression()));
    Map<String, String> rules = new LinkedHashMap<>();
    camundaProperties(task).forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        rules.put(name, value);
      }
    });
    if (listening && rules.isEmpty()) {
      problems.refuse(file + ": '" + task.getId() + "' calls " + bean + " but states no " + prefix + "<variable>.*"
          + " rule");
    }
    if (!listening && !rules.isEmpty()) {
      problems.refuse(file + ": '" + task.getId() + "' states " + prefix + "* rules but has no complete listener "
          + expression + " to apply them");
    }
    return rules;
  }

  /**
   * A form, called process or decision named by a constant must exist when the step runs: in this deployment for
   * binding {@code deployment}, otherwise in this deployment or among those already deployed. Without this check a
   * diagram deployed alone from the Modeler deploys, and the Tasklist shows inspectors an error instead of a form.
   */
  private static void checkReferences(String file, BaseElement element, Contents contents, Problems problems) {
    String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
    if (formRef != null && !formRef.contains("${") && !formRef.contains("#{")) {
      String binding = bindingOr(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"), "latest");
      if (!contents.hasForm(formRef, binding)) {
        problems.refuse(file + ": '" + element.getId() + "' refers to form '" + formRef + "', which is not in forms/"
            + where(binding, "form"));
      }
    }
    if (element instanceof CallActivity call) {
      String called = call.getCalledElement();
      String binding = bindingOr(call.getCamundaCalledElementBinding(), "latest");
      if (called != null && !called.contains("${") && !called.contains("#{") && !contents.hasProcess(called, binding)) {
        problems.refuse(file + ": '" + element.getId() + "' calls process '" + called + "', which is not deployed"
            + where(binding, "process"));
      }
    }
    if (element instanceof BusinessRuleTask rule) {
      String decision = rule.getCamundaDecisionRef();
      String binding = bindingOr(rule.getCamundaDecisionRefBinding(), "latest");
      if (decision != null && !decision.contains("${") && !decision.contains("#{")
          && !contents.hasDecision(decision, binding)) {
        problems.refuse(file + ": '" + element.getId() + "' evaluates decision '" + decision + "', which is not deployed"
            + where(binding, "decision"));
      }
    }
  }

  /**
   * A step whose due date or timer is {@code ${deadlines.due(...)}} needs its day (and a well-formed time and anchor)
   * on the element that carries the properties: the step itself, or for a boundary timer the step it is attached to.
   */
  private static void checkDeadlineProperties(String file, BaseElement element, Problems problems) {
    BaseElement owner = null;
    if (element instanceof UserTask task && (usesDeadlineProperties(task.getCamundaDueDate())
        || usesDeadlineProperties(task.getCamundaFollowUpDate()))) {
      owner = task;
    } else if (element instanceof CatchEvent event && event.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
        .anyMatch(timer -> timer.getTimeDate() != null && usesDeadlineProperties(timer.getTimeDate().getTextContent()))) {
      owner = event instanceof BoundaryEvent boundary ? boundary.getAttachedTo() : event;
    }
    if (owner == null) {
      return;
    }
    try {
      DeadlineDefinition.of(owner);
    } catch (ProcessEngineException e) {
      String what = e.getMessage().replaceFirst("^BPMN element '[^']*' ", "");
      problems.refuse(file + ": '" + element.getId() + "' " + (owner == element ? what
          : "fires at the deadline of its step '" + owner.getId() + "', which " + what));
    }
  }

  private static boolean usesDeadlineProperties(String expression) {
    return expression != null && DEADLINE_CALL.matcher(expression).find();
  }

  private static String bindingOr(String binding, String engineDefault) {
    return binding == null || binding.isBlank() ? engineDefault : binding;
  }

  private static String where(String binding, String what) {
    return "deployment".equals(binding)
        ? " nor in this deployment (binding 'deployment' looks in the same deployment only; deploy the " + what
            + " with the diagram, or bind 'latest')"
        : " nor in this deployment";
  }

  /**
   * Camunda 7 element templates cannot write timer or message definitions; the process owner adds them by hand
   * after applying the template (README), so the hand-made part is checked here.
   */
  private static void checkTemplateBuilt(String file, BaseElement element, Problems problems) {
    String template = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
    String id = element.getId();
    if (ESCALATION_TIMER_TEMPLATE.equals(template)) {
      TimerEventDefinition timer = element instanceof BoundaryEvent boundary
          ? boundary.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
              .map(TimerEventDefinition.class::cast).findFirst().orElse(null)
          : null;
      if (timer == null || timer.getTimeDate() == null
          || !DEADLINE_EXPRESSION.equals(timer.getTimeDate().getTextContent().strip())) {
        problems.refuse(file + ": '" + id + "' (escalation timer template) needs a boundary timer of type Date with "
            + DEADLINE_EXPRESSION);
      } else if (((BoundaryEvent) element).cancelActivity()) {
        problems.refuse(file + ": '" + id + "' (escalation timer template) must not interrupt the overdue step");
      }
    }
    if (AWAITS_SUBMISSION_TEMPLATE.equals(template)) {
      String wanted = camundaProperty(element, "message");
      MessageEventDefinition message = element instanceof CatchEvent event
          ? event.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
              .map(MessageEventDefinition.class::cast).findFirst().orElse(null)
          : null;
      String actual = message == null || message.getMessage() == null ? null : message.getMessage().getName();
      if (wanted == null || !wanted.equals(actual)) {
        problems.refuse(file + ": '" + id + "' (awaits-submission template) must catch the message '" + wanted
            + "', but catches " + (actual == null ? "none" : "'" + actual + "'"));
      }
    }
    String notify = camundaProperty(element, "notify");
    if (notify != null && !notify.equals("inspectorate") && !notify.equals("none")) {
      problems.refuse(file + ": '" + id + "' has notify = '" + notify + "'; use 'inspectorate' or 'none'");
    }
  }

  /**
   * A diagram that follows up overdue steps (an event subprocess started by an escalation) must escalate every step
   * that has a deadline: a non-interrupting boundary timer at the step's own deadline leading to an escalation whose
   * code is the step's id, which the follow-up task describes. A step without one would pass its deadline unnoticed.
   */
  private static void checkOverdueEscalations(String file, BpmnModelInstance model, Problems problems) {
    if (!escalatesOverdueSteps(model)) {
      return;
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (!hasDeadline(task)) {
        continue;
      }
      boolean escalated = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(boundary -> boundary.getAttachedTo() != null && task.getId().equals(boundary.getAttachedTo().getId())
              && !boundary.cancelActivity())
          .filter(ModelConsistencyChecker::firesAtTheDeadline)
          // By sourceRef: getOutgoing() reads <bpmn:outgoing> children, which hand-written diagrams may leave out.
          .anyMatch(boundary -> model.getModelElementsByType(SequenceFlow.class).stream()
              .filter(flow -> flow.getSource() != null && boundary.getId().equals(flow.getSource().getId()))
              .anyMatch(flow -> throwsEscalation(flow.getTarget(), task.getId())));
      if (!escalated) {
        problems.refuse(file + ": '" + task.getId() + "' has a deadline but no non-interrupting boundary timer at "
            + DEADLINE_EXPRESSION + " throwing the escalation '" + task.getId() + "' (e.g. 'boundary_overdue_"
            + task.getId().replaceFirst("^task_", "") + "')");
      }
    }
  }

  /** Whether the diagram has an event subprocess started by an escalation (the overdue follow-up). */
  public static boolean escalatesOverdueSteps(BpmnModelInstance model) {
    return model.getModelElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> sub.getChildElementsByType(StartEvent.class).stream())
        .anyMatch(start -> start.getEventDefinitions().stream().anyMatch(EscalationEventDefinition.class::isInstance));
  }

  /** A step with a working-day deadline: property {@code day}, or only an edition's {@code day.<edition>}. */
  static boolean hasDeadline(UserTask task) {
    if (task.getExtensionElements() == null) {
      return false;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .map(CamundaProperty::getCamundaName)
        .anyMatch(name -> name != null && (name.equals("day") || name.startsWith("day.")));
  }

  private static boolean firesAtTheDeadline(BoundaryEvent boundary) {
    return boundary.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
        .map(TimerEventDefinition.class::cast)
        .anyMatch(timer -> timer.getTimeDate() != null
            && DEADLINE_EXPRESSION.equals(timer.getTimeDate().getTextContent().strip()));
  }

  private static boolean throwsEscalation(FlowNode node, String code) {
    return node instanceof ThrowEvent event && event.getEventDefinitions().stream()
        .filter(EscalationEventDefinition.class::isInstance).map(EscalationEventDefinition.class::cast)
        .anyMatch(definition -> definition.getEscalation() != null
            && code.equals(definition.getEscalation().getEscalationCode()));
  }

  private static Map<String, String> camundaProperties(BaseElement element) {
    Map<String, String> all = new LinkedHashMap<>();
    if (element.getExtensionElements() != null) {
      element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(properties -> properties.getCamundaProperties().stream())
          .forEach(property -> all.putIfAbsent(property.getCamundaName(), property.getCamundaValue()));
    }
    return all;
  }

  private static String camundaProperty(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        // A template field left empty is written without a value: it reads as empty, not as missing.
        .map(property -> property.getCamundaValue() == null ? "" : property.getCamundaValue())
        .findFirst().orElse(null);
  }

  /** Walks every attribute and text node, because expressions hide in listeners, timers, I/O mappings and more. */
  private void checkExpressions(String file, Element element, String enclosingId, Problems problems) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : null;
    // A listener or mapping has no id of its own: name the element it belongs to, so the process owner can find it.
    String owner = id != null ? "'" + id + "'" : enclosingId == null ? "'" + element.getLocalName() + "'"
        : "'" + enclosingId + "' (" + element.getLocalName() + ")";
    String ownerId = id != null ? id : enclosingId;
    boolean camundaElement = CAMUNDA_NS.equals(element.getNamespaceURI());
    String delegateExpression = camundaAttribute(element, camundaElement, "delegateExpression");
    if (delegateExpression != null) {
      Matcher whole = EXPRESSION.matcher(delegateExpression.trim());
      Matcher identifier = whole.matches() ? WHOLE_IDENTIFIER.matcher(whole.group(1)) : null;
      if (identifier != null && identifier.matches() && !beanExists.test(identifier.group(1))) {
        problems.refuse(file + ": " + owner + " delegates to bean '" + identifier.group(1) + "', which does not exist");
      }
    }
    String className = camundaAttribute(element, camundaElement, "class");
    if (className != null && !className.isBlank()) {
      try {
        Class.forName(className.trim());
      } catch (ClassNotFoundException e) {
        problems.refuse(file + ": " + owner + " names class '" + className + "', which does not exist");
      }
    }
    if (element.getLocalName().equals("script") || element.getLocalName().equals("scriptTask")) {
      problems.refuse(file + ": " + owner + " is an inline script; use a delegate bean instead");
    }
    List<String> texts = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      texts.add(attributes.item(i).getNodeValue());
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        texts.add(child.getNodeValue());
      }
    }
    for (String candidate : texts) {
      Matcher expression = EXPRESSION.matcher(candidate);
      while (expression.find()) {
        Matcher call = BEAN_CALL.matcher(expression.group(1));
        while (call.find()) {
          String name = call.group(1);
          if (!ENGINE_SCOPE.contains(name) && !beanExists.test(name)) {
            problems.refuse(file + ": " + owner + " calls '" + name + ".', but there is no bean '" + name + "'");
          }
        }
      }
    }
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        checkExpressions(file, child, ownerId, problems);
      }
    }
  }

  /** Camunda's own elements (listeners) carry plain attributes; BPMN elements carry camunda: ones. */
  private static String camundaAttribute(Element element, boolean camundaElement, String name) {
    String value = camundaElement ? element.getAttribute(name) : element.getAttributeNS(CAMUNDA_NS, name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static Element parseXml(byte[] content) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private void checkDmn(Resource file, Contents contents, Problems problems) {
    String name = file.name();
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (RuntimeException e) {
      problems.refuse(name + ": does not parse: " + e.getMessage());
      return;
    }
    try {
      checkExecutionPlatform(name, parseXml(file.content()), problems);
    } catch (IOException e) {
      problems.refuse(name + ": does not parse: " + e.getMessage());
    }
    model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
        .forEach(decision -> contents.decisions.add(decision.getId()));
    for (ModelElementInstance element : model.getModelElementsByType(
        model.getModel().getType(org.camunda.bpm.model.dmn.instance.DmnElement.class))) {
      String id = ((org.camunda.bpm.model.dmn.instance.DmnElement) element).getId();
      if (id != null && MODELER_DEFAULT_ID.matcher(id).matches()) {
        problems.refuse(name + ": '" + id + "' is a Modeler default id; give it a hand-written id");
      }
    }
    for (org.camunda.bpm.model.dmn.instance.Decision decision
        : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.refuse(name + ": decision '" + decision.getId() + "' has no camunda:historyTimeToLive");
      }
    }
  }
}
