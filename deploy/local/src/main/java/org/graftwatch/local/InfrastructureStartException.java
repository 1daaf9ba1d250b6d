package org.graftwatch.local;

/** An embedded server did not start; the message names it, says why, and ends with the tail of its log. */
public class InfrastructureStartException extends RuntimeException {

    public InfrastructureStartException(String message) {
        super(message);
    }

    public InfrastructureStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
