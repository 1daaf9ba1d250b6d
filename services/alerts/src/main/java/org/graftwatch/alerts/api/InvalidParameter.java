package org.graftwatch.alerts.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A request parameter this API cannot read, answered 400 with an OperationOutcome naming it (see
 * {@link ProblemResponses}). JAX-RS answers a query parameter it cannot convert with 404, which tells a client
 * nothing about what it got wrong; so enum parameters are taken as text and read here.
 */
public class InvalidParameter extends RuntimeException {
    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The constant a parameter names (exactly, as the contract spells it), or null when the parameter is absent. */
    static <E extends Enum<E>> E constantOf(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        throw new InvalidParameter(parameter, parameter + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}
