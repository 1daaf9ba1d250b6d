package org.graftwatch.contract;

import java.util.List;

/** The Kafka topics of the public contract. Every record on a {@code tx.*} topic is keyed by patient id. */
public final class Topics {
    /** FHIR R4 Observations (or Bundles of them) from laboratory systems. */
    public static final String WARD_LABS = "ward.labs.v1";
    /** FHIR R4 Observations (or Bundles of them) from bedside charting. */
    public static final String WARD_VITALS = "ward.vitals.v1";
    /** HL7 v2.5.1 ORU^R01 result messages (ER7, pipe-delimited) from laboratory systems. */
    public static final String WARD_HL7V2 = "ward.hl7v2.v1";
    /** Ward records the ingest rejected, with the reasons and the original payload untouched. */
    public static final String WARD_DLQ = "ward.dlq.v1";
    /** Canonical observations: validated, coded, in canonical units. */
    public static final String OBSERVATIONS = "tx.observations.v1";
    /** Every change to a patient's case (registration, HSCT, CAR-T, DLI), with the case as it stands after it. */
    public static final String CASE_EVENTS = "tx.case-events.v1";
    /** What the detectors concluded, one record per change of a clinical episode. */
    public static final String FINDINGS = "tx.findings.v1";
    /** Alert state changes, the clinicians' side of the contract. */
    public static final String ALERTS = "tx.alerts.v1";

    /** Every topic of the contract, in flow order. */
    public static final List<String> ALL = List.of(WARD_LABS, WARD_VITALS, WARD_HL7V2, WARD_DLQ, OBSERVATIONS, CASE_EVENTS, FINDINGS, ALERTS);

    /** The topics a ward system may publish to. */
    public static final List<String> WARD_INPUT = List.of(WARD_LABS, WARD_VITALS, WARD_HL7V2);

    private Topics() {
    }
}
