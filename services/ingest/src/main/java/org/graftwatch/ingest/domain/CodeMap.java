package org.graftwatch.ingest.domain;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.graftwatch.contract.Analyte;

/**
 * Hospital code systems mapped onto the catalogue: a CSV of {@code system,code,catalogue code} (a LOINC code or a
 * code of {@code urn:graftwatch:code}), kept outside the build so operations can add a laboratory's local codes.
 * LOINC and the local system are always understood and need no entry.
 */
public final class CodeMap {
    public static final CodeMap EMPTY = new CodeMap(Map.of());

    private final Map<String, Analyte> bySystemAndCode;

    private CodeMap(Map<String, Analyte> bySystemAndCode) {
        this.bySystemAndCode = bySystemAndCode;
    }

    public static CodeMap read(Reader source) throws IOException {
        Map<String, Analyte> entries = new HashMap<>();
        ConfigTable.read(source, "code map", 3, "system,code,catalogue code", (number, cells) -> {
            if (cells[0].isBlank() || cells[1].isBlank()) {
                throw new IllegalArgumentException("code map line " + number + ": expected system,code,catalogue code");
            }
            Analyte analyte = CatalogueCodes.byCatalogueCode(cells[2]).orElseThrow(() -> new IllegalArgumentException(
                    "code map line " + number + ": " + cells[2] + " is not in the analyte catalogue"));
            entries.put(key(cells[0], cells[1]), analyte);
        });
        return new CodeMap(Map.copyOf(entries));
    }

    /** The analyte a coding names: in LOINC or the local system directly, otherwise through the map. */
    public Optional<Analyte> analyteOf(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        Optional<Analyte> direct = Analyte.byCoding(system, code);
        return direct.isPresent() ? direct : Optional.ofNullable(bySystemAndCode.get(key(system, code)));
    }

    private static String key(String system, String code) {
        return system + "|" + code;
    }
}
