package org.graftwatch.alerts.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.graftwatch.contract.CaseEvent;

/**
 * A treatment marked on the time axis (public fields for the MongoDB POJO codec): an HSCT's day 0, a donor lymphocyte
 * infusion, a CAR-T infusion, with what a clinician needs to recognise it.
 */
public class TreatmentMark {
    public String type;
    /** ISO date. */
    public String date;
    public String detail;

    public TreatmentMark() {
    }

    static TreatmentMark of(CaseEvent.Treatment treatment) {
        TreatmentMark mark = new TreatmentMark();
        mark.type = treatment.type().name();
        mark.date = treatment.date().toString();
        List<String> parts = new ArrayList<>();
        switch (treatment.type()) {
            case HSCT -> {
                if (!treatment.sources().isEmpty()) {
                    parts.add(treatment.sources().stream().map(s -> s.kind() == null ? s.id() : s.id() + " (" + s.kind() + ")")
                            .collect(Collectors.joining(", ")));
                }
                addIfPresent(parts, treatment.conditioning());
            }
            case DLI -> {
                addIfPresent(parts, treatment.source() == null ? null : "from " + treatment.source());
                addIfPresent(parts, treatment.cd3PerKg() == null ? null
                        : String.format(Locale.ROOT, "%.1e CD3+/kg", treatment.cd3PerKg()));
            }
            case CAR_T -> {
                addIfPresent(parts, treatment.target() == null ? null : "anti-" + treatment.target());
                addIfPresent(parts, treatment.product());
            }
            default -> {
                // not marked on the time axis (see PatientTimelineDocument.MARKED)
            }
        }
        mark.detail = String.join("; ", parts);
        return mark;
    }

    private static void addIfPresent(List<String> parts, String part) {
        if (part != null && !part.isBlank()) {
            parts.add(part);
        }
    }
}
