package org.graftwatch.graftmonitor.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;

/** How values appear in summaries and evidence: as the laboratory reported them, without float noise. */
final class ClinicalText {
    private ClinicalText() {
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String values(List<CountSample> samples) {
        return samples.stream().map(s -> number(s.value())).collect(Collectors.joining(", "));
    }

    static List<Evidence> evidence(Analyte analyte, List<CountSample> samples) {
        return samples.stream().map(s -> new Evidence(s.observationId(), analyte.code(), s.value(), analyte.canonicalUnit(), s.at()))
                .toList();
    }

    static Evidence evidence(ChimerismSample sample) {
        return new Evidence(sample.observationId(), sample.lineage().analyte().code(), sample.donorShare(),
                sample.lineage().analyte().canonicalUnit(), sample.at());
    }
}
