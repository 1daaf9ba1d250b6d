package org.graftwatch.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Severity;

/**
 * One patient's replayable timeline with the alerts a correct platform raises and the ones it must not, in the
 * shape of {@code shared/scenarios/README.md}. Unknown fields are tolerated.
 *
 * @param events treatments as the scenario states them: each is sent to the case registry as it is
 */
public record Scenario(
        String id,
        String description,
        CaseEvent.Patient patient,
        List<ObjectNode> events,
        List<ScenarioObservation> observations,
        List<ExpectedAlert> expectedAlerts,
        List<ForbiddenAlert> mustNotAlert) {

    private static final List<String> TREATMENT_TYPES =
            Arrays.stream(CaseEvent.TreatmentType.values()).map(Enum::name).toList();

    public Scenario {
        events = events == null ? List.of() : List.copyOf(events);
        observations = observations == null ? List.of() : List.copyOf(observations);
        expectedAlerts = expectedAlerts == null ? List.of() : List.copyOf(expectedAlerts);
        mustNotAlert = mustNotAlert == null ? List.of() : List.copyOf(mustNotAlert);
    }

    /** An alert the platform must raise: kind and severity, onset on {@code onsetDate} ± tolerance, day +N if given. */
    public record ExpectedAlert(AlertKind kind, Severity severity, LocalDate onsetDate, Integer toleranceDays, Integer day,
                                String why) {
        public int tolerance() {
            return toleranceDays == null ? 0 : toleranceDays;
        }
    }

    /** No alert of {@code kind} may have its onset within [from, to]; an absent end is open. */
    public record ForbiddenAlert(AlertKind kind, LocalDate from, LocalDate to, String why) {
    }

    public static Scenario read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(json, file.toString());
    }

    /** Reads and checks a scenario; every problem found is named in one {@link ScenarioException}. */
    public static Scenario parse(String json, String name) {
        Scenario scenario;
        try {
            scenario = EventJson.mapper().readValue(json, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(name + ": " + describe(e));
        }
        if (scenario == null) {
            throw new ScenarioException(name + ": empty file");
        }
        List<String> problems = scenario.problems();
        if (!problems.isEmpty()) {
            throw new ScenarioException(name + ": " + String.join("; ", problems));
        }
        return scenario;
    }

    /** Observations in the order they reach the platform: a {@code deliverAfter} one right after the one it names. */
    public List<ScenarioObservation> deliveryOrder() {
        return DeliveryOrder.of(observations);
    }

    public String patientId() {
        return patient.id();
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(id)) {
            problems.add("id is missing");
        }
        if (patient == null || blank(patient.id())) {
            problems.add("patient.id is missing");
        }
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = events.get(i);
            String type = event.path("type").asText();
            if (!TREATMENT_TYPES.contains(type)) {
                problems.add("events[" + i + "].type must be one of " + TREATMENT_TYPES + ", was '" + type + "'");
            }
            if (!isDate(event.path("date").asText())) {
                problems.add("events[" + i + "].date must be a date (yyyy-mm-dd)");
            }
        }
        for (int i = 0; i < observations.size(); i++) {
            problems.addAll(observations.get(i).problems(i));
        }
        if (problems.isEmpty()) {
            try {
                deliveryOrder();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        for (int i = 0; i < expectedAlerts.size(); i++) {
            ExpectedAlert expected = expectedAlerts.get(i);
            if (expected.kind() == null || expected.severity() == null || expected.onsetDate() == null) {
                problems.add("expectedAlerts[" + i + "] needs kind, severity and onsetDate");
            }
            if (expected.tolerance() < 0) {
                problems.add("expectedAlerts[" + i + "].toleranceDays must not be negative");
            }
        }
        for (int i = 0; i < mustNotAlert.size(); i++) {
            ForbiddenAlert forbidden = mustNotAlert.get(i);
            if (forbidden.kind() == null) {
                problems.add("mustNotAlert[" + i + "].kind is missing");
            } else if (forbidden.from() != null && forbidden.to() != null && forbidden.from().isAfter(forbidden.to())) {
                problems.add("mustNotAlert[" + i + "]: from is after to");
            }
        }
        return problems;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String describe(JsonProcessingException e) {
        StringBuilder text = new StringBuilder(e.getOriginalMessage().lines().findFirst().orElse("malformed JSON"));
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            text.append(" at ").append(jsonPath(mapping.getPath()));
        }
        if (e.getLocation() != null) {
            text.append(" (line ").append(e.getLocation().getLineNr())
                    .append(", column ").append(e.getLocation().getColumnNr()).append(')');
        }
        return text.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.toString();
    }
}
