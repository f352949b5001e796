package uk.jointinspections.frameworks;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.jointinspections.web.FreeText;

/** What the other frameworks add to {@code /api/inspections}: the 2024 deferral request. */
@RestController
@RequestMapping("/api/inspections")
public class FrameworksApi {

  private final Jtai2024Deferrals deferrals;

  public FrameworksApi(Jtai2024Deferrals deferrals) {
    this.deferrals = deferrals;
  }

  public record DeferralRequest(@FreeText String reason) {
  }

  /** 202: the inspectorates will decide; 404 unknown 2024 JTAI; 409 outside notification to fieldwork; 400 no reason. */
  @PostMapping("/{reference}/deferral-request")
  public ResponseEntity<Void> requestDeferral(@PathVariable String reference, @RequestBody DeferralRequest request) {
    deferrals.request(reference, request == null ? null : request.reason());
    return ResponseEntity.accepted().build();
  }
}
