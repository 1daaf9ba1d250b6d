package org.graftwatch.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.graftwatch.contract.CodeSystems;

/** Scenario observations as FHIR R4 Observation resources, the shape ward systems send (contract.md). */
public final class FhirObservations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FhirObservations() {
    }

    public static String json(Scenario scenario, ScenarioObservation observation) {
        return resource(scenario, observation).toString();
    }

    public static ObjectNode resource(Scenario scenario, ScenarioObservation o) {
        ObjectNode resource = JSON.objectNode();
        resource.put("resourceType", "Observation");
        resource.put("id", o.id());
        // Names the scenario so a result on the topic can be traced back to the file that produced it.
        resource.putObject("meta").put("source", "urn:graftwatch:scenario:" + scenario.id());
        resource.put("status", o.statusOrDefault());
        resource.set("code", codeableConcept(o.code().system(), o.code().code()));
        resource.putObject("subject").put("reference", "Patient/" + scenario.patientId());
        // Verbatim: the offset is part of what the platform must handle.
        resource.put("effectiveDateTime", o.effective());
        if (o.value() != null) {
            resource.set("valueQuantity", quantity(o.value(), o.unit()));
        } else if (o.valueBoolean() != null) {
            resource.put("valueBoolean", o.valueBoolean());
        } else if (o.valueCode() != null) {
            resource.set("valueCodeableConcept", codeableConcept(CodeSystems.LOCAL, o.valueCode()));
        }
        if (!o.components().isEmpty()) {
            ArrayNode components = resource.putArray("component");
            for (ScenarioObservation.Component c : o.components()) {
                ObjectNode component = components.addObject();
                component.set("code", codeableConcept(CodeSystems.GRAFT_SOURCE, c.source()));
                component.set("valueQuantity", quantity(c.value(), c.unit()));
            }
        }
        return resource;
    }

    private static ObjectNode codeableConcept(String system, String code) {
        ObjectNode concept = JSON.objectNode();
        concept.putArray("coding").addObject().put("system", system).put("code", code);
        return concept;
    }

    private static ObjectNode quantity(BigDecimal value, String unit) {
        return JSON.objectNode()
                .put("value", value)
                .put("unit", unit)
                .put("system", CodeSystems.UCUM)
                .put("code", unit);
    }
}
