package org.graftwatch.graftmonitor.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.Severity;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.graftmonitor.config.GraftCriteriaConfig;
import org.graftwatch.graftmonitor.domain.Chimerism;
import org.graftwatch.graftmonitor.domain.GraftAssessment;
import org.graftwatch.graftmonitor.domain.GraftEpisode;
import org.graftwatch.graftmonitor.persistence.ChimerismPoint;
import org.graftwatch.graftmonitor.persistence.DominanceRecord;
import org.graftwatch.graftmonitor.persistence.PatientGraftState;
import org.graftwatch.graftmonitor.persistence.PatientGraftStateRepository;

@Path("/api/patients/{patientId}/engraftment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Engraftment", description = "A patient's graft status and the series behind it")
public class EngraftmentResource {

    @Inject
    PatientGraftStateRepository repository;

    @Inject
    GraftCriteriaConfig criteria;

    /**
     * The graft status as the monitor sees it: per transplant the engraftment days and graft-failure state, ICAHT
     * grades after each CAR-T, the dominant graft source per lineage, current findings, and the series to plot.
     */
    public record EngraftmentStatus(String patientId, String caseId, List<String> transplantDays, List<TransplantStatus> transplants,
                                    List<IcahtGrade> icaht, Integer icahtGrade, List<DominanceRecord> dominance,
                                    List<Finding> findings, List<Point> anc, List<Point> platelets,
                                    Map<String, List<ChimerismResult>> chimerism) {
    }

    public record TransplantStatus(LocalDate dayZero, boolean cordBloodOnly, int engraftmentDeadlineDay,
                                   Integer neutrophilEngraftmentDay, Integer plateletEngraftmentDay, GraftFailure graftFailure) {
    }

    /** The graft failure that holds, if any: which rule (primary, secondary, poor graft function) and how severe. */
    public record GraftFailure(String rule, Severity severity, Integer dayPostTransplant, String summary) {
    }

    public record IcahtGrade(LocalDate carTDay, int earlyGrade, int lateGrade, boolean relapseDocumented) {
    }

    public record Point(String observationId, Instant at, double value) {
    }

    /** One chimerism result of a lineage: total donor share, its status, and the share of each graft source. */
    public record ChimerismResult(String observationId, Instant at, double donorShare, Chimerism.Status status,
                                  Map<String, Double> bySource) {
    }

    @GET
    @Operation(summary = "Engraftment days, graft failure, ICAHT grade, source dominance, findings and the ANC, platelet and "
            + "chimerism series of a patient")
    public EngraftmentStatus status(@PathParam("patientId") String patientId) {
        PatientGraftState state = repository.findByIdOptional(patientId)
                .orElseThrow(() -> new NotFoundException("no graft data for patient " + patientId));
        GraftAssessment.GraftReport report = new GraftAssessment(criteria.criteria()).assess(state.history(criteria.platelet().senderIdle()));
        Chimerism chimerism = new Chimerism(criteria.chimerism().criteria());
        List<Finding> findings = state.published.values().stream()
                .map(p -> EventJson.read(p.findingJson, Finding.class))
                .filter(f -> f.state() == Finding.State.ACTIVE).toList();
        List<IcahtGrade> icaht = report.icaht().stream()
                .map(g -> new IcahtGrade(g.carTDay(), g.earlyGrade(), g.lateGrade(), g.relapseDocumented())).toList();
        Integer icahtGrade = icaht.stream().map(g -> Math.max(g.earlyGrade(), g.lateGrade())).max(Integer::compare).orElse(null);
        Map<String, List<ChimerismResult>> byLineage = new TreeMap<>();
        for (ChimerismPoint p : state.chimerism) {
            var sample = p.toSample();
            byLineage.computeIfAbsent(p.lineage, l -> new ArrayList<>())
                    .add(new ChimerismResult(p.observationId, p.at, p.donorShare, chimerism.status(sample), sample.bySource()));
        }
        return new EngraftmentStatus(state.patientId, state.knownCase.caseId, state.knownCase.transplantDays,
                report.transplants().stream().map(EngraftmentResource::transplant).toList(), icaht, icahtGrade, state.dominance,
                findings, points(state.anc), points(state.platelets), byLineage);
    }

    private static TransplantStatus transplant(GraftAssessment.TransplantStatus t) {
        GraftEpisode f = t.graftFailure();
        return new TransplantStatus(t.dayZero(), t.cordBloodOnly(), t.engraftmentDeadlineDay(), t.neutrophilEngraftmentDay(),
                t.plateletEngraftmentDay(), f == null ? null : new GraftFailure(f.rule().id(), f.severity(), f.dayPostTransplant(), f.summary()));
    }

    private static List<Point> points(List<SeriesPoint> series) {
        return series.stream().map(s -> new Point(s.observationId, s.at, s.value)).toList();
    }
}
