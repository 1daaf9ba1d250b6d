package org.graftwatch.alerts.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.graftwatch.alerts.domain.GvhdGrade;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.SeriesPoint;

/**
 * A patient's timeline as the dashboard plots it (public fields for the MongoDB POJO codec): blood counts, vital signs,
 * lactate and donor chimerism per lineage and graft source as bounded series, the treatments that anchor the time axis,
 * and the GVHD grade at each onset and flare. Projected from {@code tx.observations.v1}, {@code tx.case-events.v1} and
 * the GVHD findings of {@code tx.findings.v1}; every input applies idempotently (a result by its observation id and
 * version, the case by its version, a finding by its episode), so a redelivery or replay changes nothing.
 */
@MongoEntity(collection = "patient_timelines")
public class PatientTimelineDocument {
    /** Analytes plotted as one series each; every chimerism analyte (a lineage) is plotted per graft source. */
    public static final Set<Analyte> PLOTTED = Collections.unmodifiableSet(EnumSet.of(Analyte.ANC, Analyte.PLATELETS,
            Analyte.BODY_TEMPERATURE, Analyte.MEAN_ARTERIAL_PRESSURE, Analyte.LACTATE));

    /** Treatments marked on the time axis (steroid courses and dose changes are not). */
    public static final Set<CaseEvent.TreatmentType> MARKED = Collections.unmodifiableSet(EnumSet.of(CaseEvent.TreatmentType.HSCT,
            CaseEvent.TreatmentType.DLI, CaseEvent.TreatmentType.CAR_T));

    @BsonId
    public String patientId;
    public String caseId;
    public long caseVersion;
    public List<TreatmentMark> treatments = new ArrayList<>();
    public List<TimelineSeries> series = new ArrayList<>();
    public List<GvhdGradePoint> gvhd = new ArrayList<>();
    public Instant updatedAt;

    public PatientTimelineDocument() {
    }

    public PatientTimelineDocument(String patientId) {
        this.patientId = patientId;
    }

    /** Whether the timeline plots this observation's analyte. */
    public static boolean plots(ObservationEvent event) {
        return event.analyte() != null && (PLOTTED.contains(event.analyte()) || isChimerism(event.analyte()));
    }

    /** Applies a result or retraction; returns whether the timeline changed. */
    public boolean apply(ObservationEvent event, int maxPoints) {
        if (!plots(event)) {
            return false;
        }
        boolean changed = isChimerism(event.analyte()) ? applyChimerism(event, maxPoints)
                : SeriesPoint.apply(seriesOf(event.analyte().code(), null).points, event, maxPoints);
        series.removeIf(s -> s.points.isEmpty());
        return changed;
    }

    /** Takes the treatments of a newer case version; an older or repeated version changes nothing. */
    public boolean apply(CaseEvent event) {
        if (event.version() <= caseVersion) {
            return false;
        }
        caseVersion = event.version();
        caseId = event.caseId();
        treatments = new ArrayList<>(event.snapshot().treatments().stream().filter(t -> MARKED.contains(t.type()))
                .sorted(Comparator.comparing(CaseEvent.Treatment::date)).map(TreatmentMark::of).toList());
        return true;
    }

    /** Records the grade of a GVHD onset or flare; a withdrawn one is removed. Other findings change nothing. */
    public boolean apply(Finding finding, int maxPoints) {
        if (!GvhdGrade.KINDS.contains(finding.kind())) {
            return false;
        }
        Optional<GvhdGradePoint> stored = gvhd.stream().filter(p -> p.episodeId.equals(finding.episodeId())).findFirst();
        if (finding.state() == Finding.State.WITHDRAWN) {
            return stored.isPresent() && gvhd.remove(stored.get());
        }
        GvhdGradePoint point = new GvhdGradePoint();
        point.episodeId = finding.episodeId();
        point.kind = finding.kind().name();
        point.severity = finding.severity() == null ? null : finding.severity().name();
        point.at = finding.onsetAt();
        OptionalInt grade = GvhdGrade.of(finding);
        point.grade = grade.isPresent() ? grade.getAsInt() : null;
        point.ended = finding.state() == Finding.State.ENDED;
        if (stored.isPresent() && stored.get().sameAs(point)) {
            return false;
        }
        stored.ifPresent(gvhd::remove);
        gvhd.add(point);
        gvhd.sort(Comparator.comparing(p -> p.at));
        trim(gvhd, maxPoints);
        return true;
    }

    /**
     * A chimerism result is one point per graft source it reports (or its total without components); a new version
     * replaces every point of the old one, since a correction may drop or add a source.
     */
    private boolean applyChimerism(ObservationEvent event, int maxPoints) {
        String lineage = event.analyte().code();
        List<TimelineSeries> ofLineage = series.stream().filter(s -> s.code.equals(lineage)).toList();
        boolean result = event.type() == ObservationEvent.Type.RESULT;
        if (result && (event.value() == null && event.components().isEmpty()
                || ofLineage.stream().anyMatch(s -> s.points.stream().anyMatch(p -> Objects.equals(p.eventId, event.eventId()))))) {
            return false;
        }
        boolean changed = false;
        for (TimelineSeries s : ofLineage) {
            changed |= s.points.removeIf(p -> p.observationId.equals(event.observationId()));
        }
        if (!result) {
            return changed;
        }
        if (event.components().isEmpty()) {
            add(seriesOf(lineage, null), new SeriesPoint(event.observationId(), event.eventId(), event.effectiveAt(), event.value()), maxPoints);
        }
        for (ObservationEvent.SourceShare share : event.components()) {
            add(seriesOf(lineage, share.source()),
                    new SeriesPoint(event.observationId(), event.eventId(), event.effectiveAt(), share.value()), maxPoints);
        }
        return true;
    }

    private static void add(TimelineSeries series, SeriesPoint point, int maxPoints) {
        series.points.add(point);
        series.points.sort(Comparator.comparing(p -> p.at));
        trim(series.points, maxPoints);
    }

    /** Keeps the most recent {@code maxPoints} of a list in time order. */
    private static void trim(List<?> inTimeOrder, int maxPoints) {
        if (inTimeOrder.size() > maxPoints) {
            inTimeOrder.subList(0, inTimeOrder.size() - maxPoints).clear();
        }
    }

    private TimelineSeries seriesOf(String code, String source) {
        return series.stream().filter(s -> s.code.equals(code) && Objects.equals(s.source, source)).findFirst().orElseGet(() -> {
            TimelineSeries created = new TimelineSeries(code, source);
            series.add(created);
            return created;
        });
    }

    private static boolean isChimerism(Analyte analyte) {
        return analyte.valueType() == Analyte.ValueType.CHIMERISM;
    }
}
