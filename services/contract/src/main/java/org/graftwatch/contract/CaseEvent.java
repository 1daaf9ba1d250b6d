package org.graftwatch.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A change to a patient's case on {@link Topics#CASE_EVENTS}. Each event carries the whole case as it stands
 * after the change, so a consumer rebuilds case state from the latest event of a patient alone.
 *
 * @param eventId    unique id of this change
 * @param type       what changed
 * @param patientId  whom it concerns (also the record key)
 * @param caseId     the transplant case
 * @param version    the case's version after the change (1 for the registration, +1 for each change)
 * @param recordedAt when the change was recorded
 * @param snapshot   the case after the change
 */
public record CaseEvent(
        String eventId,
        Type type,
        String patientId,
        String caseId,
        long version,
        Instant recordedAt,
        CaseSnapshot snapshot) {

    public enum Type { PATIENT_REGISTERED, HSCT_RECORDED, CAR_T_RECORDED, DLI_RECORDED }

    /** The case: who the patient is and every treatment recorded, in date order. */
    public record CaseSnapshot(Patient patient, List<Treatment> treatments) {
        public CaseSnapshot {
            treatments = treatments == null ? List.of() : List.copyOf(treatments);
        }
    }

    public record Patient(String id, String sex, LocalDate birthDate, String diagnosis, String ward) {
    }

    public enum TreatmentType { HSCT, CAR_T, DLI }

    public enum GraftKind { PBSC, BM, UCB }

    /** One graft source of an HSCT: its id names it in chimerism results. */
    public record GraftSource(String id, GraftKind kind, String donorRelation, String hlaMatch,
                              Double cd34PerKg, Double tncPerKg) {
    }

    /**
     * A treatment. HSCT: {@code date} is day 0, with conditioning and graft sources. CAR_T: date, target antigen,
     * product. DLI: date, the graft source it came from, CD3+ dose per kg.
     */
    public record Treatment(
            String id,
            TreatmentType type,
            LocalDate date,
            String conditioning,
            List<GraftSource> sources,
            String target,
            String product,
            String source,
            Double cd3PerKg) {
        public Treatment {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }
}
