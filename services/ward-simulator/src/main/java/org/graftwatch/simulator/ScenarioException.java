package org.graftwatch.simulator;

/** The scenario file cannot be used: the message names the file and every problem found. */
public class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }
}
