package org.graftwatch.contract;

import java.util.Objects;

/** The clinical rule that decided a finding: its id and the version of its definition. */
public record RuleRef(String id, String version) {
    public RuleRef {
        Objects.requireNonNull(id, "rule id");
        Objects.requireNonNull(version, "rule version");
    }
}
