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

    public enum Type { PATIENT_REGISTERED, HSCT_RECORDED, CAR_T_RECORDED, DLI_RECORDED, STEROIDS_RECORDED }

    /** The case: who the patient is and every treatment recorded, in date order. */
    public record CaseSnapshot(Patient patient, List<Treatment> treatments) {
        public CaseSnapshot {
            treatments = treatments == null ? List.of() : List.copyOf(treatments);
        }
    }

    public record Patient(String id, String sex, LocalDate birthDate, String diagnosis, String ward) {
    }

    /** {@code SYSTEMIC_STEROIDS}: systemic corticosteroids started, or their dose changed, on {@code date}. */
    public enum TreatmentType { HSCT, CAR_T, DLI, SYSTEMIC_STEROIDS }

    public enum GraftKind { PBSC, BM, UCB }

    /** One graft source of an HSCT: its id names it in chimerism results. */
    public record GraftSource(String id, GraftKind kind, String donorRelation, String hlaMatch,
                              Double cd34PerKg, Double tncPerKg) {
    }

    /**
     * A treatment. HSCT: {@code date} is day 0, with conditioning and graft sources. CAR_T: date, target antigen,
     * product. DLI: date, the graft source it came from, CD3+ dose per kg. SYSTEMIC_STEROIDS: the date a daily dose
     * starts (a course, or a change of its dose, e.g. a taper) and that dose in mg/kg/day of methylprednisolone
     * equivalent; it holds until the next SYSTEMIC_STEROIDS entry.
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
            Double cd3PerKg,
            Double doseMgPerKgPerDay) {
        public Treatment {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** A treatment other than steroids (no daily dose). */
        public Treatment(String id, TreatmentType type, LocalDate date, String conditioning, List<GraftSource> sources,
                         String target, String product, String source, Double cd3PerKg) {
            this(id, type, date, conditioning, sources, target, product, source, cd3PerKg, null);
        }

        /** Systemic corticosteroids from {@code date} at {@code doseMgPerKgPerDay} (methylprednisolone equivalent). */
        public static Treatment steroids(String id, LocalDate date, double doseMgPerKgPerDay) {
            return new Treatment(id, TreatmentType.SYSTEMIC_STEROIDS, date, null, null, null, null, null, null, doseMgPerKgPerDay);
        }
    }
}
