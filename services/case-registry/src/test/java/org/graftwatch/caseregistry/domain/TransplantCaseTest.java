package org.graftwatch.caseregistry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.CaseEvent.GraftKind;
import org.graftwatch.contract.CaseEvent.GraftSource;
import org.graftwatch.contract.CaseEvent.Patient;
import org.graftwatch.contract.CaseEvent.Treatment;
import org.graftwatch.contract.CaseEvent.TreatmentType;
import org.junit.jupiter.api.Test;

class TransplantCaseTest {
    private static final LocalDate TODAY = LocalDate.parse("2025-12-01");
    private static final Patient PATIENT = new Patient("P-SEED-01", "male", LocalDate.parse("1989-05-14"), "AML", "HEM-3");

    private static Treatment carT(String date) {
        return new Treatment(null, TreatmentType.CAR_T, LocalDate.parse(date), null, null, "CLL1", "CAR-CLL1", null, null);
    }

    private static Treatment hsct(String date, GraftSource... sources) {
        return new Treatment(null, TreatmentType.HSCT, LocalDate.parse(date), "myeloablative", List.of(sources), null, null, null, null);
    }

    private static Treatment dli(String date, String source) {
        return new Treatment(null, TreatmentType.DLI, LocalDate.parse(date), null, null, null, null, source, 1.0e7);
    }

    private static GraftSource source(String id, GraftKind kind) {
        return new GraftSource(id, kind, "unrelated", "5/8", null, null);
    }

    @Test
    void motivatingCaseCordPlusPbscThenDli() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY)
                .record(carT("2025-01-06"), TODAY)
                .record(hsct("2025-03-03", source("UCB-1", GraftKind.UCB), source("PBSC-A", GraftKind.PBSC)), TODAY)
                .record(dli("2025-05-02", "PBSC-A"), TODAY);
        assertThat(c.version()).isEqualTo(4);
        assertThat(c.caseId()).isEqualTo("CASE-P-SEED-01");
        assertThat(c.treatments()).extracting(Treatment::id).containsExactly("CAR_T-2025-01-06", "HSCT-2025-03-03", "DLI-2025-05-02");
        assertThat(c.treatments().get(1).sources()).extracting(GraftSource::id).containsExactly("UCB-1", "PBSC-A");
    }

    @Test
    void treatmentsAreKeptInDateOrderWhateverTheEntryOrder() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY)
                .record(hsct("2025-03-03", source("PBSC-A", GraftKind.PBSC)), TODAY)
                .record(carT("2025-01-06"), TODAY);
        assertThat(c.treatments()).extracting(Treatment::type).containsExactly(TreatmentType.CAR_T, TreatmentType.HSCT);
    }

    @Test
    void duplicateSourceIdsInOneTransplantAreRejected() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY);
        assertThatThrownBy(() -> c.record(hsct("2025-03-03", source("UCB-1", GraftKind.UCB), source("UCB-1", GraftKind.UCB)), TODAY))
                .isInstanceOfSatisfying(CaseRuleViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo(CaseRuleViolation.Reason.INVALID);
                    assertThat(v.problems()).extracting(CaseRuleViolation.Problem::location).containsExactly("Treatment.sources[1].id");
                });
    }

    @Test
    void sourceIdReusedByASecondTransplantIsRejected() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY).record(hsct("2025-03-03", source("PBSC-A", GraftKind.PBSC)), TODAY);
        assertThatThrownBy(() -> c.record(hsct("2025-09-03", source("PBSC-A", GraftKind.PBSC)), TODAY))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("PBSC-A");
    }

    @Test
    void dliFromAnUnregisteredSourceIsRejected() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY).record(hsct("2025-03-03", source("PBSC-A", GraftKind.PBSC)), TODAY);
        assertThatThrownBy(() -> c.record(dli("2025-05-02", "PBSC-B"), TODAY))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("not registered");
    }

    @Test
    void dliOnTheDayOfItsTransplantIsRejectedAndTheDayAfterAccepted() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY).record(hsct("2025-03-03", source("PBSC-A", GraftKind.PBSC)), TODAY);
        assertThatThrownBy(() -> c.record(dli("2025-03-03", "PBSC-A"), TODAY)).hasMessageContaining("must follow the transplant");
        assertThat(c.record(dli("2025-03-04", "PBSC-A"), TODAY).version()).isEqualTo(3);
    }

    @Test
    void datesInImpossibleOrderAreRejected() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY);
        assertThatThrownBy(() -> c.record(carT("1989-05-13"), TODAY)).hasMessageContaining("birth date");
        assertThatThrownBy(() -> c.record(carT("2025-12-02"), TODAY)).hasMessageContaining("future");
        assertThat(c.record(carT("2025-12-01"), TODAY).version()).isEqualTo(2);
    }

    @Test
    void theSameTreatmentTwiceIsAConflict() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY).record(carT("2025-01-06"), TODAY);
        assertThatThrownBy(() -> c.record(carT("2025-01-06"), TODAY))
                .isInstanceOfSatisfying(CaseRuleViolation.class, v -> assertThat(v.reason()).isEqualTo(CaseRuleViolation.Reason.CONFLICT));
    }

    @Test
    void reSendingTheSameTransplantIsAConflictNotASourceClash() {
        Treatment transplant = hsct("2025-03-03", source("UCB-1", GraftKind.UCB), source("PBSC-A", GraftKind.PBSC));
        TransplantCase c = TransplantCase.register(PATIENT, TODAY).record(transplant, TODAY);
        assertThatThrownBy(() -> c.record(transplant, TODAY))
                .isInstanceOfSatisfying(CaseRuleViolation.class, v -> assertThat(v.reason()).isEqualTo(CaseRuleViolation.Reason.CONFLICT));
    }

    @Test
    void registrationNeedsAnIdentifierAndAWard() {
        assertThatThrownBy(() -> TransplantCase.register(new Patient("bad id!", null, null, "AML", " "), TODAY))
                .isInstanceOfSatisfying(CaseRuleViolation.class, v -> assertThat(v.problems())
                        .extracting(CaseRuleViolation.Problem::location).containsExactly("Patient.id", "Patient.ward"));
    }

    @Test
    void everyMissingPieceIsReportedAtOnce() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY);
        Treatment bad = new Treatment(null, TreatmentType.HSCT, LocalDate.parse("2025-03-03"), null,
                List.of(new GraftSource("", null, null, null, -1.0, null)), null, null, null, null);
        assertThatThrownBy(() -> c.record(bad, TODAY)).isInstanceOfSatisfying(CaseRuleViolation.class,
                v -> assertThat(v.problems()).hasSize(3));
    }

    @Test
    void steroidsAreRecordedWithTheirDailyDoseAndATaperIsANewEntry() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY)
                .record(hsct("2025-03-03", source("PBSC-A", GraftKind.PBSC)), TODAY)
                .record(Treatment.steroids(null, LocalDate.parse("2025-05-20"), 2.0), TODAY)
                .record(Treatment.steroids(null, LocalDate.parse("2025-06-03"), 1.0), TODAY);
        assertThat(c.treatments()).extracting(Treatment::id)
                .containsExactly("HSCT-2025-03-03", "SYSTEMIC_STEROIDS-2025-05-20", "SYSTEMIC_STEROIDS-2025-06-03");
        assertThat(c.treatments()).extracting(Treatment::doseMgPerKgPerDay).containsExactly(null, 2.0, 1.0);
    }

    @Test
    void steroidsNeedAPlausibleDoseAndNothingOfAGraft() {
        TransplantCase c = TransplantCase.register(PATIENT, TODAY);
        Treatment noDose = new Treatment(null, TreatmentType.SYSTEMIC_STEROIDS, LocalDate.parse("2025-05-20"), null, null, null, null,
                null, null, null);
        assertThatThrownBy(() -> c.record(noDose, TODAY)).isInstanceOfSatisfying(CaseRuleViolation.class, v -> {
            assertThat(v.reason()).isEqualTo(CaseRuleViolation.Reason.INVALID);
            assertThat(v.problems()).extracting(CaseRuleViolation.Problem::location).containsExactly("Treatment.doseMgPerKgPerDay");
        });
        assertThatThrownBy(() -> c.record(Treatment.steroids(null, LocalDate.parse("2025-05-20"), 0), TODAY)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> c.record(Treatment.steroids(null, LocalDate.parse("2025-05-20"), 30.1), TODAY))
                .hasMessageContaining("at most 30");
        assertThat(c.record(Treatment.steroids(null, LocalDate.parse("2025-05-20"), 30), TODAY).version()).isEqualTo(2);
        Treatment withSource = new Treatment(null, TreatmentType.SYSTEMIC_STEROIDS, LocalDate.parse("2025-05-20"), null, null, null, null,
                "PBSC-A", null, 2.0);
        assertThatThrownBy(() -> c.record(withSource, TODAY)).hasMessageContaining("do not belong");
        Treatment carTWithDose = new Treatment(null, TreatmentType.CAR_T, LocalDate.parse("2025-01-06"), null, null, "CLL1", null, null,
                null, 2.0);
        assertThatThrownBy(() -> c.record(carTWithDose, TODAY)).isInstanceOfSatisfying(CaseRuleViolation.class,
                v -> assertThat(v.problems()).extracting(CaseRuleViolation.Problem::location).containsExactly("Treatment.doseMgPerKgPerDay"));
    }
}
