package org.graftwatch.ingest.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The small CSV tables ops keep outside the build (analyte table, code map): one row per line, {@code #} comments
 * and blank lines skipped, a fixed number of cells; a bad line names the table and its line number.
 */
final class ConfigTable {

    /** Receives one row: its line number (for messages) and its trimmed cells. */
    interface Row {
        void accept(int lineNumber, String[] cells);
    }

    private ConfigTable() {
    }

    static void read(Reader source, String table, int cellCount, String layout, Row row) throws IOException {
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != cellCount) {
                throw new IllegalArgumentException(table + " line " + number + ": expected " + layout + ", got " + cells.length + " cells");
            }
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            row.accept(number, cells);
        }
    }
}
