package org.graftwatch.ingest.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.graftwatch.contract.Analyte;

/**
 * The ingest-side analyte table: molar masses and plausible ranges as data (a CSV of
 * {@code code,molar mass g/mol,plausible min,plausible max}), so a laboratory can tighten a range or add a molar
 * mass without a code change. Lines starting with {@code #} are comments; an empty molar mass means none.
 */
public final class AnalyteTable {
    private final Map<Analyte, AnalyteProfile> profiles;

    private AnalyteTable(Map<Analyte, AnalyteProfile> profiles) {
        this.profiles = profiles;
    }

    public static AnalyteTable read(Reader source) throws IOException {
        Map<Analyte, AnalyteProfile> profiles = new EnumMap<>(Analyte.class);
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException("analyte table line " + number + ": expected 4 cells, got " + cells.length);
            }
            Analyte analyte = CatalogueCodes.byCatalogueCode(cells[0].trim())
                    .orElseThrow(() -> new IllegalArgumentException("analyte table line " + line(cells) + ": unknown analyte code"));
            Double molarMass = cells[1].isBlank() ? null : Double.valueOf(cells[1].trim());
            profiles.put(analyte, new AnalyteProfile(analyte, molarMass, Double.parseDouble(cells[2].trim()), Double.parseDouble(cells[3].trim())));
        }
        return new AnalyteTable(profiles);
    }

    private static String line(String[] cells) {
        return String.join(",", cells);
    }

    public Optional<AnalyteProfile> profile(Analyte analyte) {
        return Optional.ofNullable(profiles.get(analyte));
    }
}
