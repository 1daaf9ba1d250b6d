package org.graftwatch.ingest.domain;

import java.io.BufferedReader;
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
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IllegalArgumentException("code map line " + number + ": expected system,code,catalogue code");
            }
            String target = cells[2].trim();
            int at = number;
            Analyte analyte = CatalogueCodes.byCatalogueCode(target)
                    .orElseThrow(() -> new IllegalArgumentException("code map line " + at + ": " + target + " is not in the analyte catalogue"));
            entries.put(key(cells[0].trim(), cells[1].trim()), analyte);
        }
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
