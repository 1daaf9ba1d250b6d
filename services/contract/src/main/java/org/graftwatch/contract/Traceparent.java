package org.graftwatch.contract;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The W3C trace context every record may carry in its {@value #HEADER} Kafka header
 * ({@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>}): a record produced because of another continues
 * the other's trace, so one observation can be followed from the ward to the alert it raised.
 */
public final class Traceparent {
    public static final String HEADER = "traceparent";

    private Traceparent() {
    }

    /** A new sampled trace context, as a ward system that starts a trace would send it. */
    public static String random() {
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        ThreadLocalRandom.current().nextBytes(traceId);
        ThreadLocalRandom.current().nextBytes(spanId);
        traceId[0] |= 1;
        spanId[0] |= 1;
        return "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
    }

    /** The trace id of a {@code traceparent}. */
    public static String traceId(String traceparent) {
        String[] parts = traceparent.split("-");
        if (parts.length != 4 || parts[1].length() != 32) {
            throw new IllegalArgumentException("not a W3C traceparent: " + traceparent);
        }
        return parts[1];
    }
}
