package uk.jointinspections.inspection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The 2016 and 2017 JTAI editions, run by {@code processes/jtai.bpmn}, checked by {@link InspectionStartRules}. */
@Component
public class JtaiInspectionFramework implements InspectionFramework {

  /** The 2016 and 2017 frameworks: Ofsted, CQC, HMIC (HMICFRS) and HMI Probation inspect together (paragraph 1). */
  static final List<String> INSPECTORATES = Inspectorates.ALL;

  private final InspectionStartRules rules;

  public JtaiInspectionFramework(InspectionStartRules rules) {
    this.rules = rules;
  }

  @Override
  public Set<String> names() {
    return Arrays.stream(JtaiFramework.values()).map(f -> f.id).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String label(String name) {
    return JtaiFramework.ofId(name).map(f -> f.label)
        .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a JTAI edition"));
  }

  @Override
  public String processKey() {
    return JtaiProcess.KEY;
  }

  @Override
  public List<String> inspectorates() {
    return INSPECTORATES;
  }

  @Override
  public List<SubmissionItem> submissions() {
    return Arrays.stream(JtaiProcess.Submission.values()).map(SubmissionItem::message).toList();
  }

  @Override
  public Start validate(InspectionStartRequest request) {
    ValidatedStart start = rules.validate(request);
    StartFields.noticeIsGiven(request, request.framework());
    StartFields.noScope(request, request.framework());
    // The start listener validates these again (the Tasklist start form takes the same path) and sets the typed variables.
    Map<String, Object> variables = new HashMap<>(start.variables());
    variables.put("notificationDate", start.dayZero().toString());
    return new Start(start.reference(), variables);
  }
}
