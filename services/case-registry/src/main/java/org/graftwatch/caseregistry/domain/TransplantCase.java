package org.graftwatch.caseregistry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.graftwatch.caseregistry.domain.CaseRuleViolation.Problem;
import org.graftwatch.caseregistry.domain.CaseRuleViolation.Reason;
import org.graftwatch.contract.CaseEvent.GraftSource;
import org.graftwatch.contract.CaseEvent.Patient;
import org.graftwatch.contract.CaseEvent.Treatment;
import org.graftwatch.contract.CaseEvent.TreatmentType;

/**
 * A patient's transplant case and the rules a coordinator's entry must satisfy: graft sources are named
 * uniquely (chimerism results refer to them by id), a DLI comes from a registered source after its
 * transplant, systemic steroids carry a plausible daily dose, and no treatment predates the patient's birth or
 * lies in the future.
 */
public final class TransplantCase {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The highest daily corticosteroid dose accepted: a methylprednisolone pulse of 30 mg/kg. */
    private static final double MAX_STEROID_MG_PER_KG_PER_DAY = 30;

    private final String caseId;
    private final Patient patient;
    private final List<Treatment> treatments;
    private final long version;

    public TransplantCase(String caseId, Patient patient, List<Treatment> treatments, long version) {
        this.caseId = caseId;
        this.patient = patient;
        this.treatments = List.copyOf(treatments);
        this.version = version;
    }

    /** Opens the case of a newly registered patient (version 1). */
    public static TransplantCase register(Patient patient, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (patient == null) {
            throw CaseRuleViolation.of(Reason.INVALID, "Patient", "a patient is required");
        }
        if (patient.id() == null || !IDENTIFIER.matcher(patient.id()).matches()) {
            problems.add(new Problem("Patient.id", "an identifier of 1-64 letters, digits, '.', '_' or '-' is required"));
        }
        if (patient.birthDate() != null && patient.birthDate().isAfter(today)) {
            problems.add(new Problem("Patient.birthDate", "lies in the future"));
        }
        if (patient.ward() == null || patient.ward().isBlank()) {
            problems.add(new Problem("Patient.ward", "the ward is required: alerts are routed by ward"));
        }
        if (!problems.isEmpty()) {
            throw new CaseRuleViolation(Reason.INVALID, problems);
        }
        return new TransplantCase("CASE-" + patient.id(), patient, List.of(), 1);
    }

    /** The case with one more treatment, validated against what is already recorded. */
    public TransplantCase record(Treatment request, LocalDate today) {
        if (request == null || request.type() == null || request.date() == null) {
            throw CaseRuleViolation.of(Reason.INVALID, "Treatment", "type (HSCT, CAR_T, DLI or SYSTEMIC_STEROIDS) and date are required");
        }
        // A treatment already recorded is a conflict before anything else: a re-sent request must not read as invalid.
        String id = request.type() + "-" + request.date();
        if (treatments.stream().anyMatch(t -> t.id().equals(id))) {
            throw CaseRuleViolation.of(Reason.CONFLICT, "Treatment", "a " + request.type() + " on " + request.date() + " is already recorded");
        }
        List<Problem> problems = new ArrayList<>();
        if (request.date().isAfter(today)) {
            problems.add(new Problem("Treatment.date", "lies in the future"));
        }
        if (patient.birthDate() != null && request.date().isBefore(patient.birthDate())) {
            problems.add(new Problem("Treatment.date", "precedes the patient's birth date " + patient.birthDate()));
        }
        switch (request.type()) {
            case HSCT -> checkTransplant(request, problems);
            case CAR_T -> {
                if (blank(request.target())) {
                    problems.add(new Problem("Treatment.target", "the CAR-T target antigen is required"));
                }
            }
            case DLI -> checkDonorLymphocytes(request, problems);
            case SYSTEMIC_STEROIDS -> checkSteroids(request, problems);
        }
        if (request.type() != TreatmentType.SYSTEMIC_STEROIDS && request.doseMgPerKgPerDay() != null) {
            problems.add(new Problem("Treatment.doseMgPerKgPerDay", "a daily dose in mg/kg belongs to SYSTEMIC_STEROIDS only"));
        }
        if (!problems.isEmpty()) {
            throw new CaseRuleViolation(Reason.INVALID, problems);
        }
        Treatment recorded = new Treatment(id, request.type(), request.date(), request.conditioning(), request.sources(),
                request.target(), request.product(), request.source(), request.cd3PerKg(), request.doseMgPerKgPerDay());
        List<Treatment> next = new ArrayList<>(treatments);
        next.add(recorded);
        next.sort(Comparator.comparing(Treatment::date).thenComparing(Treatment::id));
        return new TransplantCase(caseId, patient, next, version + 1);
    }

    private void checkTransplant(Treatment request, List<Problem> problems) {
        if (request.sources().isEmpty()) {
            problems.add(new Problem("Treatment.sources", "an HSCT needs at least one graft source"));
            return;
        }
        Set<String> recorded = new HashSet<>();
        treatments.stream().flatMap(t -> t.sources().stream()).forEach(s -> recorded.add(s.id()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.sources().size(); i++) {
            GraftSource source = request.sources().get(i);
            String at = "Treatment.sources[" + i + "]";
            if (source.id() == null || !IDENTIFIER.matcher(source.id()).matches()) {
                problems.add(new Problem(at + ".id", "a graft source id such as PBSC-A or UCB-1 is required"));
            } else if (!seen.add(source.id()) || recorded.contains(source.id())) {
                problems.add(new Problem(at + ".id", "graft source id " + source.id() + " is used twice in this case"));
            }
            if (source.kind() == null) {
                problems.add(new Problem(at + ".kind", "the graft kind (PBSC, BM or UCB) is required"));
            }
            if (nonPositive(source.cd34PerKg()) || nonPositive(source.tncPerKg())) {
                problems.add(new Problem(at, "cell doses must be positive"));
            }
        }
    }

    private void checkDonorLymphocytes(Treatment request, List<Problem> problems) {
        if (blank(request.source())) {
            problems.add(new Problem("Treatment.source", "the graft source the DLI came from is required"));
            return;
        }
        var transplant = treatments.stream()
                .filter(t -> t.type() == TreatmentType.HSCT && t.sources().stream().anyMatch(s -> s.id().equals(request.source())))
                .findFirst();
        if (transplant.isEmpty()) {
            problems.add(new Problem("Treatment.source", "graft source " + request.source() + " is not registered for this patient"));
        } else if (!request.date().isAfter(transplant.get().date())) {
            problems.add(new Problem("Treatment.date", "a DLI must follow the transplant of its source (" + transplant.get().date() + ")"));
        }
        if (nonPositive(request.cd3PerKg())) {
            problems.add(new Problem("Treatment.cd3PerKg", "the CD3+ dose must be positive"));
        }
    }

    /**
     * Systemic corticosteroids: the daily dose (mg/kg/day, methylprednisolone equivalent) decides whether GVHD can be
     * judged steroid-refractory, so it is required and must be plausible: above 0, at most a pulse of 30 mg/kg/day.
     */
    private static void checkSteroids(Treatment request, List<Problem> problems) {
        Double dose = request.doseMgPerKgPerDay();
        if (dose == null) {
            problems.add(new Problem("Treatment.doseMgPerKgPerDay", "the daily dose in mg/kg (methylprednisolone equivalent) is required"));
        } else if (!(dose > 0) || dose > MAX_STEROID_MG_PER_KG_PER_DAY) {
            problems.add(new Problem("Treatment.doseMgPerKgPerDay", "the daily dose must be above 0 and at most "
                    + (int) MAX_STEROID_MG_PER_KG_PER_DAY + " mg/kg (a methylprednisolone pulse), was " + dose));
        }
        if (!request.sources().isEmpty() || !blank(request.source()) || request.cd3PerKg() != null) {
            problems.add(new Problem("Treatment", "graft sources and cell doses do not belong to SYSTEMIC_STEROIDS"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean nonPositive(Double d) {
        return d != null && !(d > 0);
    }

    public String caseId() {
        return caseId;
    }

    public Patient patient() {
        return patient;
    }

    public List<Treatment> treatments() {
        return treatments;
    }

    public long version() {
        return version;
    }
}
