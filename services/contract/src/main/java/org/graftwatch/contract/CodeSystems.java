package org.graftwatch.contract;

/** Code system URIs of the contract. */
public final class CodeSystems {
    public static final String LOINC = "http://loinc.org";
    public static final String LOCAL = "urn:graftwatch:code";
    public static final String GRAFT_SOURCE = "urn:graftwatch:graft-source";
    public static final String UCUM = "http://unitsofmeasure.org";

    private CodeSystems() {
    }
}
