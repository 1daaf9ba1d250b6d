package org.graftwatch.alerts.domain;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Finding;

/**
 * The overall MAGIC grade of acute GVHD that a GVHD finding reports. The contract carries no grade field, so it is read
 * from the summary surveillance writes ("… MAGIC grade III (skin stage 3, …)"); a summary without it yields no grade
 * rather than a guess from the severity (critical covers grade III and IV alike).
 */
public final class GvhdGrade {
    public static final List<AlertKind> KINDS = List.of(AlertKind.GVHD_ONSET, AlertKind.GVHD_FLARE);
    private static final Pattern GRADE = Pattern.compile("\\bMAGIC grade (IV|III|II|I|0)\\b");
    private static final List<String> ROMAN = List.of("0", "I", "II", "III", "IV");

    private GvhdGrade() {
    }

    /** The grade (0–IV as 0–4) a GVHD onset or flare reports; empty for other findings or a summary without one. */
    public static OptionalInt of(Finding finding) {
        if (!KINDS.contains(finding.kind()) || finding.summary() == null) {
            return OptionalInt.empty();
        }
        Matcher m = GRADE.matcher(finding.summary());
        return m.find() ? OptionalInt.of(ROMAN.indexOf(m.group(1))) : OptionalInt.empty();
    }
}
