package org.graftwatch.ingest.domain;

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
        ConfigTable.read(source, "analyte table", 4, "code,molar mass,min,max", (number, cells) -> {
            Analyte analyte = CatalogueCodes.byCatalogueCode(cells[0]).orElseThrow(() -> new IllegalArgumentException(
                    "analyte table line " + number + ": unknown analyte code " + cells[0]));
            Double molarMass = cells[1].isBlank() ? null : Double.valueOf(cells[1]);
            profiles.put(analyte, new AnalyteProfile(analyte, molarMass, Double.parseDouble(cells[2]), Double.parseDouble(cells[3])));
        });
        return new AnalyteTable(profiles);
    }

    public Optional<AnalyteProfile> profile(Analyte analyte) {
        return Optional.ofNullable(profiles.get(analyte));
    }
}
