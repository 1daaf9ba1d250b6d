package org.graftwatch.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class GvhdGradeTest {
    private static final Instant ONSET = Instant.parse("2025-04-02T09:00:00Z");

    static Finding gvhd(AlertKind kind, String summary) {
        return new Finding("ep-1", "P-1", "CASE-P-1", kind, Severity.WARNING, Finding.State.ACTIVE, ONSET, 30,
                new RuleRef("gvhd-onset-magic", "1"), summary, List.of(), null, ONSET, "surveillance");
    }

    @Test
    void eachMagicGradeIsReadFromTheSummarySurveillanceWrites() {
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_ONSET, "Acute GVHD onset on 2025-04-02 09:00: MAGIC grade I (skin stage 1); examine"))).hasValue(1);
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_ONSET, "Acute GVHD onset on 2025-04-02 09:00: MAGIC grade II (skin stage 3)"))).hasValue(2);
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_FLARE, "Acute GVHD flare on 2025-04-09 09:00: MAGIC grade III (liver stage 2)"))).hasValue(3);
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_FLARE, "Acute GVHD flare: MAGIC grade IV (lower GI stage 4)"))).hasValue(4);
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_FLARE, "MAGIC grade 0"))).hasValue(0);
    }

    @Test
    void noGradeIsGuessedWhereNoneIsStated() {
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_ONSET, "Acute GVHD onset, grade unknown"))).isEmpty();
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_ONSET, "MAGIC grade V"))).isEmpty();
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_ONSET, "MAGIC grade IIb"))).isEmpty();
        assertThat(GvhdGrade.of(gvhd(AlertKind.GVHD_ONSET, null))).isEmpty();
        assertThat(GvhdGrade.of(gvhd(AlertKind.SEPSIS, "Sepsis; MAGIC grade II mentioned in passing"))).isEmpty();
    }
}
