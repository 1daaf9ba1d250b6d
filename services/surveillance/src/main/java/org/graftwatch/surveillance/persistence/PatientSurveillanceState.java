package org.graftwatch.surveillance.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.PatientStateDocument;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.surveillance.SurveillanceMonitor;
import org.graftwatch.surveillance.domain.ChimerismDecline;
import org.graftwatch.surveillance.domain.PatientSeries;
import org.graftwatch.surveillance.domain.Reading;
import org.graftwatch.surveillance.domain.SteroidDose;

/**
 * What surveillance knows of one patient: besides the common part, the series its rules read and the graft monitor's
 * myeloid and progenitor chimerism declines.
 */
@MongoEntity(collection = "patient_surveillance_state")
public class PatientSurveillanceState extends PatientStateDocument {
    /** Bound per series: vital signs every few hours for several months. */
    static final int MAX_POINTS = 1500;

    /** Every analyte a surveillance rule reads besides temperature and ANC. */
    static final Set<Analyte> OBSERVED = EnumSet.of(Analyte.HEART_RATE, Analyte.RESPIRATORY_RATE, Analyte.SPO2,
            Analyte.OXYGEN_SUPPLEMENT, Analyte.SYSTOLIC_BP, Analyte.MEAN_ARTERIAL_PRESSURE, Analyte.GCS_TOTAL, Analyte.CONSCIOUSNESS,
            Analyte.LACTATE, Analyte.PROCALCITONIN, Analyte.PLATELETS, Analyte.BILIRUBIN, Analyte.CREATININE,
            Analyte.NOREPINEPHRINE_DOSE, Analyte.BLASTS_MARROW, Analyte.BLASTS_BLOOD, Analyte.MRD_FLOW, Analyte.WT1_TRANSCRIPTS,
            Analyte.GVHD_SKIN_BSA, Analyte.GVHD_SKIN_BULLAE, Analyte.STOOL_VOLUME, Analyte.STOOL_EPISODES, Analyte.NAUSEA_PERSISTENT,
            Analyte.ABDOMINAL_PAIN_SEVERE, Analyte.STOOL_BLOODY);

    public List<SeriesPoint> temperature = new ArrayList<>();
    public List<SeriesPoint> anc = new ArrayList<>();
    /** The other analytes' series; booleans stored as 1/0, ACVPU as 0 (alert) or 1 (C, V, P or U). */
    public List<AnalyteSeries> series = new ArrayList<>();
    /** The current MAGIC grade of acute GVHD and since when: improvements are recorded here, without an alert. */
    public int gvhdGrade;
    public Instant gvhdGradeSince;
    /** The graft monitor's CD33+/CD34+ chimerism declines: episode id → the finding as last received (JSON). */
    public Map<String, String> chimerismDeclines = new HashMap<>();
    /** Bound on the declines kept: the latest onsets, far more than a patient's course ever has. */
    static final int MAX_DECLINES = 100;

    public PatientSurveillanceState() {
    }

    public PatientSurveillanceState(String patientId) {
        this.patientId = patientId;
    }

    @Override
    public boolean apply(ObservationEvent event) {
        if (event.analyte() == Analyte.BODY_TEMPERATURE) {
            return SeriesPoint.apply(temperature, event, MAX_POINTS);
        }
        if (event.analyte() == Analyte.ANC) {
            return SeriesPoint.apply(anc, event, MAX_POINTS);
        }
        if (event.analyte() == null || !OBSERVED.contains(event.analyte())) {
            return false;
        }
        AnalyteSeries stored = series.stream().filter(a -> a.analyte.equals(event.analyte().name())).findFirst().orElseGet(() -> {
            AnalyteSeries created = new AnalyteSeries(event.analyte().name());
            series.add(created);
            return created;
        });
        return SeriesPoint.apply(stored.points, numeric(event), MAX_POINTS);
    }

    /**
     * Keeps a myeloid or progenitor chimerism decline of another detector (its latest state; a withdrawn one is
     * forgotten), ignores every other finding; returns whether anything changed.
     *
     * @throws IllegalArgumentException for a chimerism decline that lacks what the relapse rule needs
     */
    @Override
    public boolean apply(Finding finding) {
        if (ChimerismDecline.of(finding, SurveillanceMonitor.DETECTOR).isEmpty()) {
            return false;
        }
        if (finding.state() == Finding.State.WITHDRAWN) {
            return chimerismDeclines.remove(finding.episodeId()) != null;
        }
        String json = EventJson.write(finding);
        if (json.equals(chimerismDeclines.put(finding.episodeId(), json))) {
            return false;
        }
        if (chimerismDeclines.size() > MAX_DECLINES) {
            declines().stream().min(Comparator.comparing(ChimerismDecline::onsetAt))
                    .ifPresent(oldest -> chimerismDeclines.remove(oldest.episodeId()));
        }
        return true;
    }

    /** The systemic steroid doses of the case, as the steroid-refractory rule reads them. */
    public List<SteroidDose> steroids() {
        return knownCase.steroids == null ? List.of()
                : knownCase.steroids.stream().map(d -> new SteroidDose(LocalDate.parse(d.from), d.mgPerKgPerDay)).toList();
    }

    /** The declines kept, as the relapse rule reads them. */
    public List<ChimerismDecline> declines() {
        return chimerismDeclines.values().stream().map(json -> EventJson.read(json, Finding.class))
                .flatMap(f -> ChimerismDecline.of(f, SurveillanceMonitor.DETECTOR).stream()).toList();
    }

    /** The series point stores a number: a boolean or an ACVPU code becomes one (the detector kit keeps numbers only). */
    static ObservationEvent numeric(ObservationEvent event) {
        if (event.type() == ObservationEvent.Type.RETRACTION || event.value() != null) {
            return event;
        }
        Double value = null;
        if (event.valueBoolean() != null) {
            value = event.valueBoolean() ? 1.0 : 0.0;
        } else if (event.valueCode() != null) {
            value = "A".equals(event.valueCode()) ? 0.0 : 1.0;
        }
        return new ObservationEvent(event.eventId(), event.type(), event.patientId(), event.observationId(), event.sourceSystem(),
                event.status(), event.analyte(), event.code(), event.effectiveAt(), value, event.unit(), event.valueBoolean(),
                event.valueCode(), event.components(), event.receivedAt());
    }

    public PatientSeries patientSeries() {
        PatientSeries all = new PatientSeries().with(Analyte.BODY_TEMPERATURE, readings(temperature)).with(Analyte.ANC, readings(anc));
        series.forEach(a -> all.with(Analyte.valueOf(a.analyte), readings(a.points)));
        return all;
    }

    public static List<Reading> readings(List<SeriesPoint> series) {
        return series.stream().map(p -> new Reading(p.observationId, p.at, p.value)).toList();
    }
}
