package org.graftwatch.surveillance.persistence;

import java.util.ArrayList;
import java.util.List;
import org.graftwatch.detector.SeriesPoint;

/** One analyte's stored series (public fields for the MongoDB POJO codec). */
public class AnalyteSeries {
    /** The {@link org.graftwatch.contract.Analyte} name. */
    public String analyte;
    public List<SeriesPoint> points = new ArrayList<>();

    public AnalyteSeries() {
    }

    public AnalyteSeries(String analyte) {
        this.analyte = analyte;
    }
}
