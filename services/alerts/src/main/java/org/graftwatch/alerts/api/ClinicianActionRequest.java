package org.graftwatch.alerts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of an acknowledgement or resolution. {@code actor} is TEMPORARY: until bearer-token security lands, the
 * clinician is named here or in the {@code X-Actor} header; it will then come from the verified token.
 */
@Schema(description = "Who acts and why. actor (or the X-Actor header) is temporary, until the caller is taken from a verified JWT.")
public record ClinicianActionRequest(
        @Schema(description = "The clinician acting (temporary: will come from the bearer token)", examples = "dr.meyer")
        String actor,
        @Schema(description = "Why; required to resolve", examples = "Blood cultures taken, piperacillin-tazobactam started")
        String reason) {
}
