package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;

/** The headers every answer of /api, /engine-rest and /actuator carries ({@code web.ApiSecurityHeaders}). */
public final class SecurityHeadersAssert {

  private SecurityHeadersAssert() {
  }

  public static void assertNotCachedNorFramed(HttpHeaders headers) {
    assertThat(headers.allValues("Cache-Control")).as(headers.map().toString()).containsExactly("no-store");
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
  }
}
