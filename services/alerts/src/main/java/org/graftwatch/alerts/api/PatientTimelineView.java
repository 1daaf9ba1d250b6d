package org.graftwatch.alerts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.graftwatch.alerts.persistence.GvhdGradePoint;
import org.graftwatch.alerts.persistence.PatientTimelineDocument;
import org.graftwatch.alerts.persistence.TimelineSeries;
import org.graftwatch.alerts.persistence.TreatmentMark;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Severity;

/** What the dashboard plots for one patient; every time is event time (when it happened to the patient). */
@Schema(description = "A patient's timeline: treatments marking the time axis, plotted series, GVHD grades and alert onsets")
public record PatientTimelineView(
        String patientId,
        String caseId,
        @Schema(description = "HSCT (day 0), DLI and CAR-T infusions, in date order") List<Treatment> treatments,
        @Schema(description = "ANC, platelets, body temperature, mean arterial pressure and lactate, one series each") List<Series> series,
        @Schema(description = "Donor chimerism, one series per lineage and graft source") List<Series> chimerism,
        @Schema(description = "The MAGIC grade of acute GVHD at each onset and flare") List<GvhdGrade> gvhd,
        @Schema(description = "The patient's alerts, by onset") List<AlertOnset> alerts) {

    public record Treatment(@Schema(enumeration = {"HSCT", "DLI", "CAR_T"}) String type, LocalDate date, String detail) {
    }

    public record Series(
            @Schema(description = "Catalogue code of the analyte (e.g. 751-8, chimerism-cd3)") String code,
            String name,
            @Schema(description = "UCUM unit of the values") String unit,
            @Schema(description = "Chimerism only: the graft source (e.g. PBSC-A); absent for the total of a single-source result")
            String source,
            List<Point> points) {
    }

    public record Point(Instant at, double value) {
    }

    public record GvhdGrade(String episodeId, AlertKind kind, Severity severity, Instant at,
                            @Schema(description = "0–4 for grades 0–IV; absent when the finding stated none") Integer grade,
                            @Schema(description = "The course has returned to grade 0 since") boolean ended) {
    }

    public record AlertOnset(String alertId, AlertKind kind, Severity severity, AlertStatus status, Instant onsetAt, String summary) {
    }

    static PatientTimelineView of(String patientId, PatientTimelineDocument timeline, List<AlertEvent> alerts) {
        PatientTimelineDocument t = timeline == null ? new PatientTimelineDocument(patientId) : timeline;
        return new PatientTimelineView(patientId, t.caseId,
                t.treatments.stream().map(PatientTimelineView::treatment).toList(),
                t.series.stream().filter(s -> !chimerism(s)).map(PatientTimelineView::series).toList(),
                t.series.stream().filter(PatientTimelineView::chimerism)
                        .sorted(Comparator.comparing((TimelineSeries s) -> s.code).thenComparing(s -> s.source == null ? "" : s.source))
                        .map(PatientTimelineView::series).toList(),
                t.gvhd.stream().map(PatientTimelineView::grade).toList(),
                alerts.stream().sorted(Comparator.comparing(AlertEvent::onsetAt))
                        .map(a -> new AlertOnset(a.alertId(), a.kind(), a.severity(), a.status(), a.onsetAt(), a.summary())).toList());
    }

    private static Treatment treatment(TreatmentMark mark) {
        return new Treatment(mark.type, LocalDate.parse(mark.date), mark.detail);
    }

    private static Series series(TimelineSeries s) {
        Analyte analyte = analyte(s.code);
        return new Series(s.code, analyte == null ? s.code : analyte.display(), analyte == null ? null : analyte.canonicalUnit(), s.source,
                s.points.stream().map(p -> new Point(p.at, p.value)).toList());
    }

    private static GvhdGrade grade(GvhdGradePoint p) {
        return new GvhdGrade(p.episodeId, p.kind == null ? null : AlertKind.valueOf(p.kind), p.severity == null ? null : Severity.valueOf(p.severity),
                p.at, p.grade, p.ended);
    }

    private static boolean chimerism(TimelineSeries s) {
        Analyte analyte = analyte(s.code);
        return analyte != null && analyte.valueType() == Analyte.ValueType.CHIMERISM;
    }

    private static Analyte analyte(String code) {
        for (Analyte a : Analyte.values()) {
            if (a.code().equals(code)) {
                return a;
            }
        }
        return null;
    }
}
