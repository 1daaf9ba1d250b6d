package org.graftwatch.simulator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.graftwatch.contract.Topics;

/**
 * One result of a scenario, as a ward system would send it. A value is {@code value} + {@code unit} (UCUM),
 * {@code valueBoolean} or {@code valueCode}; {@code components} carry chimerism per graft source.
 * Numbers are kept as decimals so the FHIR we send shows them exactly as the scenario wrote them.
 *
 * @param effective    the clinical time exactly as written, offset included
 * @param deliverAfter id of the observation this late result is delivered right after
 */
public record ScenarioObservation(
        String id,
        String status,
        String topic,
        String effective,
        Coding code,
        BigDecimal value,
        String unit,
        Boolean valueBoolean,
        String valueCode,
        List<Component> components,
        String deliverAfter) {

    public static final String DEFAULT_STATUS = "final";
    /** Scenario observations are sent as FHIR R4, which these ward topics carry. */
    static final List<String> FHIR_TOPICS = List.of(Topics.WARD_LABS, Topics.WARD_VITALS);
    private static final Set<String> STATUSES = Set.of(DEFAULT_STATUS, "amended", "corrected", "preliminary", "entered-in-error");

    public ScenarioObservation {
        components = components == null ? List.of() : List.copyOf(components);
    }

    public record Coding(String system, String code) {
    }

    /** Donor share of one graft source, {@code source} being the id registered with the transplant. */
    public record Component(String source, BigDecimal value, String unit) {
    }

    public String statusOrDefault() {
        return status == null ? DEFAULT_STATUS : status;
    }

    List<String> problems(int index) {
        String name = id == null || id.isBlank() ? "observations[" + index + "]" : "observation " + id;
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add(name + ": id is missing");
        }
        if (!FHIR_TOPICS.contains(topic)) {
            problems.add(name + ": topic must be ward.labs.v1 or ward.vitals.v1, was '" + topic + "'");
        }
        if (status != null && !STATUSES.contains(status)) {
            problems.add(name + ": unknown status '" + status + "'");
        }
        if (!hasOffset(effective)) {
            problems.add(name + ": effective must be a date-time with a UTC offset, was '" + effective + "'");
        }
        if (code == null || code.system() == null || code.code() == null) {
            problems.add(name + ": code needs system and code");
        }
        int values = (value != null ? 1 : 0) + (valueBoolean != null ? 1 : 0) + (valueCode != null ? 1 : 0);
        if (values > 1) {
            problems.add(name + ": give one of value, valueBoolean, valueCode");
        }
        if (value != null && (unit == null || unit.isBlank())) {
            problems.add(name + ": value without unit");
        }
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            if (component.source() == null || component.value() == null || component.unit() == null) {
                problems.add(name + ": components[" + i + "] needs source, value and unit");
            }
        }
        return problems;
    }

    private static boolean hasOffset(String dateTime) {
        if (dateTime == null) {
            return false;
        }
        try {
            OffsetDateTime.parse(dateTime);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
