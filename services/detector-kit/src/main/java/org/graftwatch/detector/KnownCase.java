package org.graftwatch.detector;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.graftwatch.contract.CaseEvent;

/**
 * What a detector keeps of a patient's case, rebuilt from the latest case event (public fields for the MongoDB
 * POJO codec). Case events carry the whole case, so a newer version simply replaces what was known.
 */
public class KnownCase {
    public String caseId;
    public long version;
    /** Day 0 of every HSCT, ISO dates in order. */
    public List<String> transplantDays = new ArrayList<>();
    public List<String> carTDays = new ArrayList<>();
    public List<String> dliDays = new ArrayList<>();
    /** Every HSCT with its graft sources, in date order: which kinds of graft were given decides some deadlines. */
    public List<Transplant> transplantGrafts = new ArrayList<>();
    /** Systemic steroid doses in date order: each holds from its date until the next. */
    public List<SteroidDose> steroids = new ArrayList<>();

    /** One HSCT as known: day 0 and its graft sources. */
    public static class Transplant {
        public String dayZero;
        public List<Graft> sources = new ArrayList<>();

        public Transplant() {
        }

        public Transplant(String dayZero, List<Graft> sources) {
            this.dayZero = dayZero;
            this.sources = new ArrayList<>(sources);
        }
    }

    /** One graft source of a transplant: its id (as named in chimerism results) and kind (PBSC, BM, UCB). */
    public static class Graft {
        public String sourceId;
        public String kind;

        public Graft() {
        }

        public Graft(String sourceId, String kind) {
            this.sourceId = sourceId;
            this.kind = kind;
        }
    }

    /** A daily dose of systemic steroids from {@code from} (ISO date), mg/kg methylprednisolone equivalent. */
    public static class SteroidDose {
        public String from;
        public double mgPerKgPerDay;

        public SteroidDose() {
        }

        public SteroidDose(String from, double mgPerKgPerDay) {
            this.from = from;
            this.mgPerKgPerDay = mgPerKgPerDay;
        }
    }

    /** Takes a newer case version; returns false for a version already known (a redelivery or replay). */
    public boolean apply(CaseEvent event) {
        if (event.version() <= version) {
            return false;
        }
        version = event.version();
        caseId = event.caseId();
        transplantDays = datesOf(event, CaseEvent.TreatmentType.HSCT);
        carTDays = datesOf(event, CaseEvent.TreatmentType.CAR_T);
        dliDays = datesOf(event, CaseEvent.TreatmentType.DLI);
        transplantGrafts = new ArrayList<>(event.snapshot().treatments().stream().filter(t -> t.type() == CaseEvent.TreatmentType.HSCT)
                .sorted(Comparator.comparing(CaseEvent.Treatment::date))
                .map(t -> new Transplant(t.date().toString(), t.sources().stream()
                        .map(s -> new Graft(s.id(), s.kind() == null ? null : s.kind().name())).toList()))
                .toList());
        steroids = new ArrayList<>(event.snapshot().treatments().stream()
                .filter(t -> t.type() == CaseEvent.TreatmentType.SYSTEMIC_STEROIDS && t.doseMgPerKgPerDay() != null)
                .sorted(Comparator.comparing(CaseEvent.Treatment::date))
                .map(t -> new SteroidDose(t.date().toString(), t.doseMgPerKgPerDay())).toList());
        return true;
    }

    public List<LocalDate> transplants() {
        return transplantDays.stream().map(LocalDate::parse).toList();
    }

    /** Day +N of a date after the latest transplant on or before it, or null when no transplant precedes it. */
    public Integer dayPostTransplant(LocalDate date) {
        LocalDate dayZero = null;
        for (LocalDate d : transplants()) {
            if (!d.isAfter(date)) {
                dayZero = d;
            }
        }
        return dayZero == null ? null : (int) ChronoUnit.DAYS.between(dayZero, date);
    }

    private static List<String> datesOf(CaseEvent event, CaseEvent.TreatmentType type) {
        return event.snapshot().treatments().stream().filter(t -> t.type() == type)
                .map(t -> t.date().toString()).sorted().toList();
    }
}
