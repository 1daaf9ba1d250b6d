package org.graftwatch.simulator.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.CodeSystems;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.simulator.Scenario;
import org.graftwatch.simulator.ScenarioObservation;
import org.graftwatch.simulator.ScenarioObservation.Coding;

/**
 * A synthetic transplant cohort for load: every patient has an HSCT, daily counts (ANC, platelets, Hb) and vital-sign
 * rounds every 4 hours; a known share carry a planted episode (febrile neutropenia → sepsis → septic shock during
 * aplasia, skin then gut GVHD, or a myeloid chimerism decline) whose alerts are therefore known in advance.
 * Everything is a pure function of (seed, patient, day), so a run is reproducible and any day of any patient can be
 * produced on its own: a large cohort is streamed day by day, never held in memory.
 */
public final class SyntheticCohort {
    /** How one patient's transplant goes: the days of its milestones and the episode planted in it, if any. */
    public record PatientPlan(int index, String patientId, String ward, LocalDate dayZero, int neutrophilDay, int plateletDay,
                              PlantedEpisode episode, int episodeDay) {
    }

    public enum PlantedEpisode { NONE, FEBRILE_NEUTROPENIA_TO_SHOCK, GVHD_ONSET_AND_FLARE, CHIMERISM_DECLINE }

    /**
     * @param seed         makes the cohort reproducible
     * @param patients     cohort size
     * @param days         days of follow-up from each patient's day 0
     * @param plantedShare share of patients with a planted episode (0..1)
     * @param firstDayZero day 0 of the first patient; later patients follow, 28 transplants a day
     */
    public record Settings(long seed, int patients, int days, double plantedShare, LocalDate firstDayZero) {
        public Settings {
            if (patients < 1 || days < 1 || plantedShare < 0 || plantedShare > 1) {
                throw new IllegalArgumentException("patients and days must be positive, plantedShare within 0..1");
            }
        }
    }

    private static final String LOINC = CodeSystems.LOINC;
    private static final String LOCAL = CodeSystems.LOCAL;
    private static final String[] WARDS = {"HEM-1", "HEM-2", "HEM-3", "HEM-4"};
    private static final int[] ROUND_HOURS = {2, 6, 10, 14, 18, 22};

    private final Settings settings;

    public SyntheticCohort(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public PatientPlan plan(int index) {
        Random random = new Random(settings.seed() * 1_000_003L + index);
        int neutrophilDay = 11 + random.nextInt(9);
        int plateletDay = neutrophilDay + 2 + random.nextInt(8);
        PlantedEpisode episode = PlantedEpisode.NONE;
        int episodeDay = -1;
        if (random.nextDouble() < settings.plantedShare()) {
            episode = PlantedEpisode.values()[1 + random.nextInt(3)];
            episodeDay = switch (episode) {
                case FEBRILE_NEUTROPENIA_TO_SHOCK -> 4 + random.nextInt(Math.max(1, neutrophilDay - 6));
                case GVHD_ONSET_AND_FLARE -> neutrophilDay + 5 + random.nextInt(5);
                case CHIMERISM_DECLINE -> 35;
                default -> -1;
            };
        }
        return new PatientPlan(index, String.format("P-LOAD-%06d", index), WARDS[index % WARDS.length],
                settings.firstDayZero().plusDays(index / 28), neutrophilDay, plateletDay, episode, episodeDay);
    }

    /** The patient as a scenario without observations: registration, the transplant, and the alerts it must raise. */
    public Scenario header(int index) {
        PatientPlan plan = plan(index);
        ObjectNode hsct = JsonNodeFactory.instance.objectNode()
                .put("type", "HSCT").put("date", plan.dayZero().toString()).put("conditioning", "myeloablative");
        var sources = hsct.putArray("sources");
        sources.addObject().put("id", "PBSC-1").put("kind", "PBSC").put("donorRelation", "unrelated").put("hlaMatch", "10/10");
        if (plan.episode() == PlantedEpisode.CHIMERISM_DECLINE) {
            sources.addObject().put("id", "UCB-1").put("kind", "UCB").put("donorRelation", "unrelated").put("hlaMatch", "5/8");
        }
        return new Scenario("load-" + plan.patientId(), "synthetic patient " + index,
                new CaseEvent.Patient(plan.patientId(), index % 2 == 0 ? "female" : "male",
                        LocalDate.of(1960 + index % 40, 1 + index % 12, 1 + index % 28), "AML", plan.ward()),
                List.of(hsct), List.of(), expected(plan), List.of());
    }

    private List<Scenario.ExpectedAlert> expected(PatientPlan plan) {
        List<Scenario.ExpectedAlert> expected = new ArrayList<>();
        if (plan.neutrophilDay() + 2 < settings.days()) {
            expected.add(new Scenario.ExpectedAlert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO,
                    plan.dayZero().plusDays(plan.neutrophilDay()), null, plan.neutrophilDay(), "planted"));
        }
        if (plan.plateletDay() + 2 < settings.days()) {
            expected.add(new Scenario.ExpectedAlert(AlertKind.PLATELET_ENGRAFTMENT, Severity.INFO,
                    plan.dayZero().plusDays(plan.plateletDay()), null, plan.plateletDay(), "planted"));
        }
        LocalDate on = plan.dayZero().plusDays(Math.max(plan.episodeDay(), 0));
        if (plan.episodeDay() >= 0 && plan.episodeDay() + 3 < settings.days()) {
            switch (plan.episode()) {
                case FEBRILE_NEUTROPENIA_TO_SHOCK -> {
                    expected.add(new Scenario.ExpectedAlert(AlertKind.FEBRILE_NEUTROPENIA, Severity.CRITICAL, on, null, plan.episodeDay(), "planted"));
                    expected.add(new Scenario.ExpectedAlert(AlertKind.SEPSIS, Severity.CRITICAL, on, null, plan.episodeDay(), "planted"));
                    expected.add(new Scenario.ExpectedAlert(AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, on, null, plan.episodeDay(), "planted"));
                }
                case GVHD_ONSET_AND_FLARE -> {
                    expected.add(new Scenario.ExpectedAlert(AlertKind.GVHD_ONSET, Severity.WARNING, on, null, plan.episodeDay(), "planted"));
                    expected.add(new Scenario.ExpectedAlert(AlertKind.GVHD_FLARE, Severity.CRITICAL, on.plusDays(3), null,
                            plan.episodeDay() + 3, "planted"));
                }
                case CHIMERISM_DECLINE -> expected.add(new Scenario.ExpectedAlert(AlertKind.CHIMERISM_DECLINE, Severity.CRITICAL,
                        on, null, plan.episodeDay(), "planted"));
                default -> {
                }
            }
        }
        return expected;
    }

    /** The observations of one patient on day {@code day} after day 0, in event-time order. */
    public List<ScenarioObservation> day(int index, int day) {
        PatientPlan plan = plan(index);
        Random random = new Random((settings.seed() * 31 + index) * 1_000_033L + day);
        LocalDate date = plan.dayZero().plusDays(day);
        List<ScenarioObservation> out = new ArrayList<>(48);
        String prefix = plan.patientId() + "-d" + day + "-";
        boolean shockDay = plan.episode() == PlantedEpisode.FEBRILE_NEUTROPENIA_TO_SHOCK && day == plan.episodeDay();

        // Morning labs.
        String labs = date + "T06:00:00+00:00";
        out.add(quantity(prefix + "anc", Topics.WARD_LABS, labs, LOINC, "751-8", anc(plan, day, random), "10*9/L"));
        out.add(quantity(prefix + "plt", Topics.WARD_LABS, labs, LOINC, "777-3", platelets(plan, day, random), "10*9/L"));
        out.add(quantity(prefix + "hb", Topics.WARD_LABS, labs, LOINC, "718-7", 85 + random.nextInt(20), "g/L"));
        if (day == 5) {
            out.add(quantity(prefix + "ptx", Topics.WARD_VITALS, date + "T09:00:00+00:00", LOCAL, "platelet-transfusion", 1, "{unit}"));
        }
        if (plan.episode() == PlantedEpisode.CHIMERISM_DECLINE && day >= 14 && day % 7 == 0) {
            double cd33 = day >= plan.episodeDay() ? 88 : 99 - (day - 14) / 7.0;
            out.add(chimerism(prefix + "cd33", date + "T08:00:00+00:00", cd33));
        }
        // Vital-sign rounds every 4 hours.
        for (int hour : ROUND_HOURS) {
            String at = date + "T" + String.format("%02d", hour) + ":00:00+00:00";
            String round = prefix + "r" + hour + "-";
            boolean fever = shockDay && hour >= 14;
            boolean septic = shockDay && hour >= 18;
            out.add(quantity(round + "temp", Topics.WARD_VITALS, at, LOINC, "8310-5", fever ? 38.6 + random.nextInt(5) / 10.0
                    : 36.5 + random.nextInt(9) / 10.0, "Cel"));
            out.add(quantity(round + "hr", Topics.WARD_VITALS, at, LOINC, "8867-4", septic ? 118 : 70 + random.nextInt(20), "/min"));
            out.add(quantity(round + "rr", Topics.WARD_VITALS, at, LOINC, "9279-1", septic ? 24 : 14 + random.nextInt(4), "/min"));
            out.add(quantity(round + "sbp", Topics.WARD_VITALS, at, LOINC, "8480-6", septic ? 95 : 115 + random.nextInt(15), "mm[Hg]"));
            out.add(quantity(round + "spo2", Topics.WARD_VITALS, at, LOINC, "59408-5", 96 + random.nextInt(4), "%"));
            out.add(coded(round + "acvpu", at, "A"));
            out.add(flag(round + "o2", at, "oxygen-supplement", false));
        }
        if (shockDay) {
            String dusk = date + "T22:00:00+00:00";
            out.add(quantity(prefix + "map", Topics.WARD_VITALS, dusk, LOINC, "8478-0", 60, "mm[Hg]"));
            out.add(quantity(prefix + "ne", Topics.WARD_VITALS, date + "T22:15:00+00:00", LOCAL, "norepinephrine-dose", 0.1, "ug/kg/min"));
            out.add(quantity(prefix + "lac", Topics.WARD_LABS, date + "T22:30:00+00:00", LOINC, "2524-7", 3.5, "mmol/L"));
        }
        if (plan.episode() == PlantedEpisode.GVHD_ONSET_AND_FLARE && day >= plan.episodeDay()) {
            String at = date + "T12:00:00+00:00";
            out.add(quantity(prefix + "bsa", Topics.WARD_VITALS, at, LOCAL, "gvhd-skin-bsa", 10, "%"));
            out.add(quantity(prefix + "stool", Topics.WARD_VITALS, at, LOCAL, "stool-volume",
                    day >= plan.episodeDay() + 3 ? 1200 : 200, "mL/d"));
        }
        out.sort(java.util.Comparator.comparing(ScenarioObservation::effective));
        return out;
    }

    private static double anc(PatientPlan plan, int day, Random random) {
        if (day <= 2) {
            return 2.0 - 0.8 * day;                                   // conditioning: falling
        }
        if (day < plan.neutrophilDay()) {
            return 0.01 + random.nextInt(9) / 100.0;                  // aplasia, nadir < 0.1
        }
        return 0.6 + 0.15 * (day - plan.neutrophilDay()) + random.nextInt(10) / 100.0;  // engrafting
    }

    private static double platelets(PatientPlan plan, int day, Random random) {
        if (day <= 2) {
            return 60 - 15 * day;
        }
        if (day < plan.plateletDay()) {
            return 8 + random.nextInt(10);                            // < 20 until platelet engraftment
        }
        return 22 + 4 * (day - plan.plateletDay()) + random.nextInt(3);
    }

    private static ScenarioObservation quantity(String id, String topic, String at, String system, String code, double value, String unit) {
        return new ScenarioObservation(id, null, topic, at, new Coding(system, code),
                BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros(), unit, null, null, null, null);
    }

    private static ScenarioObservation coded(String id, String at, String value) {
        return new ScenarioObservation(id, null, Topics.WARD_VITALS, at, new Coding(LOCAL, "consciousness"), null, null, null, value, null, null);
    }

    private static ScenarioObservation flag(String id, String at, String code, boolean value) {
        return new ScenarioObservation(id, null, Topics.WARD_VITALS, at, new Coding(LOCAL, code), null, null, value, null, null, null);
    }

    private static ScenarioObservation chimerism(String id, String at, double total) {
        BigDecimal pbsc = BigDecimal.valueOf(total - 3).setScale(1, RoundingMode.HALF_UP);
        return new ScenarioObservation(id, null, Topics.WARD_LABS, at, new Coding(LOCAL, "chimerism-cd33"),
                BigDecimal.valueOf(total).setScale(1, RoundingMode.HALF_UP), "%", null, null,
                List.of(new ScenarioObservation.Component("PBSC-1", pbsc, "%"),
                        new ScenarioObservation.Component("UCB-1", BigDecimal.valueOf(3), "%")), null);
    }
}
