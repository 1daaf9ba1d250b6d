package org.graftwatch.contract;

/** Alert severity, in increasing order of urgency. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
