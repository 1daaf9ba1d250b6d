package org.graftwatch.alerts.persistence;

import java.util.ArrayList;
import java.util.List;
import org.graftwatch.detector.SeriesPoint;

/**
 * One plotted series of a patient's timeline (public fields for the MongoDB POJO codec): an analyte by its catalogue
 * code and, for chimerism, the graft source the donor share belongs to (null: the total of a result without
 * per-source components). Points in event-time order, bounded to the most recent.
 */
public class TimelineSeries {
    public String code;
    public String source;
    public List<SeriesPoint> points = new ArrayList<>();

    public TimelineSeries() {
    }

    public TimelineSeries(String code, String source) {
        this.code = code;
        this.source = source;
    }
}
