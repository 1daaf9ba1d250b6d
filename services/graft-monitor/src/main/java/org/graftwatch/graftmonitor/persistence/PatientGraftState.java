package org.graftwatch.graftmonitor.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.KnownCase;
import org.graftwatch.detector.PatientStateDocument;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.graftmonitor.domain.CountSample;
import org.graftwatch.graftmonitor.domain.GraftHistory;
import org.graftwatch.graftmonitor.domain.Lineage;
import org.graftwatch.graftmonitor.domain.Transplant;

/**
 * What the graft monitor knows of one patient: besides the common part, the bounded series its rules read, the
 * latest event time seen (clinical "now" for deadlines) and the dominant graft sources as last established.
 */
@MongoEntity(collection = "patient_graft_state")
public class PatientGraftState extends PatientStateDocument {
    /** Bound on stored points per series: about two years of daily counts. */
    static final int MAX_POINTS = 800;
    /** Bound on stored chimerism results: five lineages, weekly for about two years. */
    static final int MAX_CHIMERISM = 500;
    /** Bound on transfusions and blast counts, which are sparser than counts. */
    static final int MAX_EVENTS = 300;

    public List<SeriesPoint> anc = new ArrayList<>();
    public List<SeriesPoint> platelets = new ArrayList<>();
    public List<SeriesPoint> haemoglobin = new ArrayList<>();
    public List<SeriesPoint> plateletTransfusions = new ArrayList<>();
    public List<SeriesPoint> marrowBlasts = new ArrayList<>();
    public List<SeriesPoint> bloodBlasts = new ArrayList<>();
    public List<ChimerismPoint> chimerism = new ArrayList<>();
    /** The latest event time of any observation of the patient, never moved back (not even by a retraction). */
    public Instant clinicalNow;
    public List<DominanceRecord> dominance = new ArrayList<>();
    /**
     * Input stream (source system and whether laboratory or bedside documentation) → how far it has reported: the
     * event-time watermark of the patient's inputs. One sender may relay both kinds, which reach the platform through
     * separate ward topics, so they are tracked apart.
     */
    public Map<String, SenderMark> senders = new HashMap<>();

    /** Results of the laboratory; everything else (vital signs, transfusions, clinical signs) is bedside documentation. */
    private static final Set<Analyte> LABORATORY = EnumSet.of(Analyte.ANC, Analyte.WBC, Analyte.PLATELETS, Analyte.HAEMOGLOBIN,
            Analyte.BILIRUBIN, Analyte.CREATININE, Analyte.LACTATE, Analyte.CRP, Analyte.PROCALCITONIN, Analyte.CHIMERISM_WB,
            Analyte.CHIMERISM_CD3, Analyte.CHIMERISM_CD33, Analyte.CHIMERISM_CD34, Analyte.CHIMERISM_BM, Analyte.MRD_FLOW,
            Analyte.BLASTS_MARROW, Analyte.BLASTS_BLOOD, Analyte.WT1_TRANSCRIPTS);

    public PatientGraftState() {
    }

    public PatientGraftState(String patientId) {
        this.patientId = patientId;
    }

    @Override
    public boolean apply(ObservationEvent event) {
        boolean advanced = false;
        if (event.type() == ObservationEvent.Type.RESULT && event.effectiveAt() != null) {
            if (clinicalNow == null || event.effectiveAt().isAfter(clinicalNow)) {
                clinicalNow = event.effectiveAt();
                advanced = true;
            }
            if (event.sourceSystem() != null && event.analyte() != null) {
                String stream = event.sourceSystem() + (LABORATORY.contains(event.analyte()) ? " laboratory" : " bedside");
                advanced |= senders.computeIfAbsent(stream, s -> new SenderMark())
                        .advance(event.effectiveAt(), event.receivedAt());
            }
        }
        if (event.analyte() == null) {
            return advanced;
        }
        boolean changed = switch (event.analyte()) {
            case ANC -> SeriesPoint.apply(anc, event, MAX_POINTS);
            case PLATELETS -> SeriesPoint.apply(platelets, event, MAX_POINTS);
            case HAEMOGLOBIN -> SeriesPoint.apply(haemoglobin, event, MAX_POINTS);
            case PLATELET_TRANSFUSION -> SeriesPoint.apply(plateletTransfusions, event, MAX_EVENTS);
            case BLASTS_MARROW -> SeriesPoint.apply(marrowBlasts, event, MAX_EVENTS);
            case BLASTS_BLOOD -> SeriesPoint.apply(bloodBlasts, event, MAX_EVENTS);
            default -> Lineage.of(event.analyte()).isPresent() && ChimerismPoint.apply(chimerism, event, MAX_CHIMERISM);
        };
        return changed || advanced;
    }

    /**
     * The event time up to which every active input stream of the patient has reported: a result from a stream that
     * is still delivering may yet arrive before it. A stream from which nothing was received within {@code senderIdle}
     * of the latest arrival has gone quiet (e.g. ward documentation after discharge) and no longer holds it back.
     * <p>
     * Why arrival time decides idleness, when every rule works in event time: platelet engraftment and primary graft
     * failure conclude from the absence of a record (no transfusion in the window, no engraftment by the deadline), and
     * the record that would contradict them comes from another stream than the counts, which may lag by hours. In
     * event time a lagging stream and a finished one look the same (both stopped at some effective time); waiting for
     * every stream's own event time would hold the conclusion back for ever once a stream ends, and cutting the wait
     * by how far another stream's event time has run ahead would conclude, then withdraw, whenever a stream is late by
     * more than the cut. Only arrivals tell them apart: a stream still delivering is waited for however late it is.
     * The arrival times are the ingest's {@code receivedAt} stamped into each record, never this process's clock, so
     * a replay decides the same. What remains: a record that arrives after its stream was quiet for {@code senderIdle}
     * while others kept delivering, or a stream's own out-of-order result, raises the finding and then withdraws it.
     */
    public Instant reportedUntil(Duration senderIdle) {
        Instant latestArrival = senders.values().stream().map(m -> m.lastReceived).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return senders.values().stream()
                .filter(m -> latestArrival == null || m.lastReceived == null || !m.lastReceived.isBefore(latestArrival.minus(senderIdle)))
                .map(m -> m.latestEffective).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(clinicalNow);
    }

    /** The history the graft rules read. */
    public GraftHistory history(Duration senderIdle) {
        List<Transplant> transplants = knownCase.transplantGrafts == null || knownCase.transplantGrafts.isEmpty()
                ? knownCase.transplants().stream().map(d -> new Transplant(d, List.of())).toList()
                : knownCase.transplantGrafts.stream().map(PatientGraftState::transplant).toList();
        return new GraftHistory(transplants, knownCase.carTDays.stream().map(LocalDate::parse).toList(), samples(anc),
                samples(platelets), samples(haemoglobin), samples(plateletTransfusions), samples(marrowBlasts), samples(bloodBlasts),
                chimerism.stream().map(ChimerismPoint::toSample).toList(), clinicalNow, reportedUntil(senderIdle));
    }

    private static Transplant transplant(KnownCase.Transplant t) {
        return new Transplant(LocalDate.parse(t.dayZero), t.sources.stream().filter(s -> s.kind != null)
                .map(s -> CaseEvent.GraftKind.valueOf(s.kind)).toList());
    }

    private static List<CountSample> samples(List<SeriesPoint> series) {
        return series.stream().map(p -> new CountSample(p.observationId, p.at, p.value)).toList();
    }
}
