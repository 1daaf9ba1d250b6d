package org.graftwatch.simulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.simulator.Scenario.ExpectedAlert;
import org.graftwatch.simulator.Scenario.ForbiddenAlert;
import org.graftwatch.simulator.VerificationReport.Check;
import org.graftwatch.simulator.VerificationReport.Row;

/**
 * Checks the alert records raised for a scenario's patient against its {@code expectedAlerts} and
 * {@code mustNotAlert}. Any revision of an alert counts; calendar dates are the UTC dates of {@code onsetAt}.
 */
public final class ScenarioVerifier {

    private ScenarioVerifier() {
    }

    /** @param alerts the alert records raised for the scenario's patient, every revision */
    public static VerificationReport verify(Scenario scenario, List<AlertEvent> alerts) {
        List<Row> rows = new ArrayList<>();
        scenario.expectedAlerts().forEach(expected -> rows.add(expected(expected, alerts)));
        scenario.mustNotAlert().forEach(forbidden -> rows.add(mustNot(forbidden, alerts)));
        return new VerificationReport(rows);
    }

    static Row expected(ExpectedAlert expected, List<AlertEvent> alerts) {
        StringBuilder detail = new StringBuilder("expected ")
                .append(expected.kind()).append(' ').append(expected.severity()).append(" on ").append(expected.onsetDate());
        if (expected.tolerance() > 0) {
            detail.append(" ±").append(expected.tolerance()).append('d');
        }
        if (expected.day() != null) {
            detail.append(" (").append(dayLabel(expected.day())).append(')');
        }
        List<AlertEvent> ofKind = alerts.stream().filter(a -> a.kind() == expected.kind()).toList();
        boolean passed = ofKind.stream().anyMatch(a -> matches(expected, a));
        if (!passed) {
            detail.append(": ").append(ofKind.isEmpty() ? "nothing raised" : "raised " + describe(ofKind, true));
        }
        return new Row(expected.kind(), Check.EXPECTED, passed, detail.toString());
    }

    static Row mustNot(ForbiddenAlert forbidden, List<AlertEvent> alerts) {
        StringBuilder detail = new StringBuilder("must-not ").append(forbidden.kind());
        if (forbidden.from() != null || forbidden.to() != null) {
            detail.append(' ').append(forbidden.from() == null ? "" : forbidden.from())
                    .append("..").append(forbidden.to() == null ? "" : forbidden.to());
        }
        List<AlertEvent> raised = alerts.stream()
                .filter(a -> a.kind() == forbidden.kind() && within(forbidden, onsetDate(a)))
                .toList();
        if (!raised.isEmpty()) {
            detail.append(": raised ").append(describe(raised, false));
        }
        return new Row(forbidden.kind(), Check.MUST_NOT, raised.isEmpty(), detail.toString());
    }

    private static boolean matches(ExpectedAlert expected, AlertEvent alert) {
        LocalDate onset = onsetDate(alert);
        return alert.severity() == expected.severity()
                && onset != null
                && !onset.isBefore(expected.onsetDate().minusDays(expected.tolerance()))
                && !onset.isAfter(expected.onsetDate().plusDays(expected.tolerance()))
                && (expected.day() == null || expected.day().equals(alert.dayPostTransplant()));
    }

    // A record without an onset cannot be placed in time, so it is inside every window.
    private static boolean within(ForbiddenAlert forbidden, LocalDate onset) {
        return onset == null
                || (forbidden.from() == null || !onset.isBefore(forbidden.from()))
                && (forbidden.to() == null || !onset.isAfter(forbidden.to()));
    }

    private static LocalDate onsetDate(AlertEvent alert) {
        return alert.onsetAt() == null ? null : LocalDate.ofInstant(alert.onsetAt(), ZoneOffset.UTC);
    }

    /** Distinct descriptions only: several revisions of one alert read the same. */
    private static String describe(List<AlertEvent> alerts, boolean withDay) {
        Set<String> descriptions = new LinkedHashSet<>();
        for (AlertEvent alert : alerts) {
            LocalDate onset = onsetDate(alert);
            String text = alert.kind() + " " + alert.severity() + " onset " + (onset == null ? "unknown" : onset);
            if (withDay && alert.dayPostTransplant() != null) {
                text += " (" + dayLabel(alert.dayPostTransplant()) + ")";
            }
            descriptions.add(text);
        }
        return String.join("; ", descriptions);
    }

    static String dayLabel(int day) {
        return day == 0 ? "day 0" : String.format("day %+d", day);
    }
}
