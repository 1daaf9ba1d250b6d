package org.graftwatch.surveillance.domain;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How values and times read in a finding's summary. */
final class ClinicalText {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ClinicalText() {
    }

    /** A value as measured, without trailing zeros: 0.10 → "0.1", 1150.0 → "1150". */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
