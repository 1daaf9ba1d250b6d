package org.graftwatch.simulator;

import java.util.List;
import org.graftwatch.contract.AlertKind;

/** The outcome of checking a scenario's expected and forbidden alerts against the alerts raised, one row each. */
public record VerificationReport(List<Row> rows) {

    public enum Check { EXPECTED, MUST_NOT }

    /**
     * @param detail what was checked and, when it failed, what was raised instead, e.g.
     *               {@code must-not SEPSIS 2025-06-11..2025-06-24: raised SEPSIS CRITICAL onset 2025-06-12}
     */
    public record Row(AlertKind kind, Check check, boolean passed, String detail) {
        /** {@code PASS  <detail>} or {@code FAIL  <detail>}. */
        public String line() {
            return (passed ? "PASS" : "FAIL") + "  " + detail;
        }
    }

    public VerificationReport {
        rows = List.copyOf(rows);
    }

    public long passedCount() {
        return rows.stream().filter(Row::passed).count();
    }

    public long failedCount() {
        return rows.size() - passedCount();
    }

    public boolean passed() {
        return failedCount() == 0;
    }

    public List<Row> failures() {
        return rows.stream().filter(row -> !row.passed()).toList();
    }

    /** {@code N passed, M failed}. */
    public String summary() {
        return passedCount() + " passed, " + failedCount() + " failed";
    }

    /** Every row's line, then the summary. */
    public String text() {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(row.line()).append('\n'));
        return text.append(summary()).append('\n').toString();
    }
}
