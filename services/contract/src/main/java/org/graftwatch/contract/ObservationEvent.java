package org.graftwatch.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A canonical observation on {@link Topics#OBSERVATIONS}: one validated result of one patient, coded by the
 * {@link Analyte} catalogue and in the analyte's canonical unit, or the retraction of an earlier result.
 *
 * @param eventId       deterministic id of this version of this result (re-sent input yields the same id)
 * @param type          a result, or the retraction of the result with the same {@code observationId}
 * @param patientId     whom it concerns (also the record key)
 * @param observationId the sender's id, unique per sending system
 * @param sourceSystem  who sent it (the ward topic or the HTTP client)
 * @param status        FHIR status as sent: final, amended, corrected, preliminary, entered-in-error
 * @param analyte       catalogue entry
 * @param code          the catalogue code of the analyte (e.g. {@code 751-8}, {@code chimerism-wb})
 * @param effectiveAt   clinical time of the result (event time)
 * @param value         numeric value in {@code unit}, for quantities and chimerism totals
 * @param unit          canonical UCUM unit of the analyte
 * @param valueBoolean  for boolean analytes
 * @param valueCode     for coded analytes (ACVPU)
 * @param components    chimerism per graft source
 * @param receivedAt    when the platform accepted it
 */
public record ObservationEvent(
        String eventId,
        Type type,
        String patientId,
        String observationId,
        String sourceSystem,
        String status,
        Analyte analyte,
        String code,
        Instant effectiveAt,
        Double value,
        String unit,
        Boolean valueBoolean,
        String valueCode,
        List<SourceShare> components,
        Instant receivedAt) {

    public enum Type { RESULT, RETRACTION }

    /** Donor share of one graft source in a chimerism result. */
    public record SourceShare(String source, double value) {
    }

    public ObservationEvent {
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** Id of one content version of a sender's observation: the same content always gives the same id. */
    public static String eventIdFor(String sourceSystem, String observationId, String contentFingerprint) {
        return UUID.nameUUIDFromBytes((sourceSystem + "\n" + observationId + "\n" + contentFingerprint)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
