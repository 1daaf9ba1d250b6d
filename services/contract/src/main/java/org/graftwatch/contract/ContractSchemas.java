package org.graftwatch.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a produced record against the JSON Schema of its topic ({@code /schemas/<topic>.schema.json} in
 * this jar). Tests of every producer use it; the schema validator is an optional dependency of this module,
 * so a test module adds {@code com.networknt:json-schema-validator} to use it.
 */
public final class ContractSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The schema text of a topic, as published in this jar. */
    public static InputStream schemaOf(String topic) {
        InputStream in = ContractSchemas.class.getResourceAsStream(resourceOf(topic));
        if (in == null) {
            throw new IllegalArgumentException("no schema for topic " + topic);
        }
        return in;
    }

    /** Every violation of the topic's schema by a JSON record; empty when the record conforms. */
    public static List<String> violations(String topic, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(topic, t -> {
            try (InputStream in = schemaOf(t)) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(json, InputFormat.JSON).stream().map(ContractSchemas::describe).toList();
    }

    /** Throws {@link AssertionError} listing every violation: the one-line check producer tests call. */
    public static void assertConforms(String topic, String json) {
        List<String> violations = violations(topic, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("record on " + topic + " violates its schema: " + violations + "\n" + json);
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static String resourceOf(String topic) {
        return "/schemas/" + topic + ".schema.json";
    }
}
