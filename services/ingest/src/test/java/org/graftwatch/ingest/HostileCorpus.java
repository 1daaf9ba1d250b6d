package org.graftwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The corpus of malformed and hostile ward payloads (test resources under /corpus) and what each must be rejected for. */
public final class HostileCorpus {
    /** One payload, the location its rejection must name ({@code null}: unreadable as a whole), a fragment of the reason. */
    public record Entry(String file, String payload, String location, String fragment) {
        public boolean isHl7() {
            return file.endsWith(".hl7");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private HostileCorpus() {
    }

    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String line : read("expected.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            entries.add(new Entry(cells[0], read(cells[0]), "-".equals(cells[1]) ? null : cells[1], cells[2]));
        }
        return entries;
    }

    private static String read(String name) {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
