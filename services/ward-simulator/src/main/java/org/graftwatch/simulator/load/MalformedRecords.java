package org.graftwatch.simulator.load;

import java.util.Random;

/** Ways a ward record goes wrong in practice, each of which the ingest must dead-letter with a reason. */
final class MalformedRecords {
    private MalformedRecords() {
    }

    static String corrupt(String fhirJson, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> fhirJson.substring(0, fhirJson.length() / 2);                                  // truncated
            case 1 -> fhirJson.replaceFirst("\"code\":\"[^\"]+\"", "\"code\":\"XX-UNKNOWN\"");       // unmapped code
            case 2 -> fhirJson.replaceFirst("\"effectiveDateTime\":\"[^\"]+\",?", "");               // no clinical time
            case 3 -> fhirJson.replaceFirst("\"value\":[0-9.]+", "\"value\":-999");                 // impossible value
            default -> fhirJson.replace("\"resourceType\":\"Observation\"", "\"resourceType\":\"Patient\"");
        };
    }
}
