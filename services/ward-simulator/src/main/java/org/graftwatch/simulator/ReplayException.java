package org.graftwatch.simulator;

/** The platform could not be reached or refused part of the replay. */
public class ReplayException extends RuntimeException {
    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
