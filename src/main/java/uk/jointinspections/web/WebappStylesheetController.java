package uk.jointinspections.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves one stylesheet as the user stylesheet of every Camunda webapp, so that the four apps cannot drift
 * apart. Controller mappings take precedence over the webjar's static resources.
 */
@RestController
public class WebappStylesheetController {

  private static final Resource STYLESHEET = new ClassPathResource("webapp/user-styles.css");

  @GetMapping(path = {
      "/camunda/app/tasklist/styles/user-styles.css",
      "/camunda/app/cockpit/styles/user-styles.css",
      "/camunda/app/admin/styles/user-styles.css",
      "/camunda/app/welcome/styles/user-styles.css"})
  public ResponseEntity<Resource> userStyles() {
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("text/css"))
        .cacheControl(CacheControl.noCache())
        .body(STYLESHEET);
  }
}
