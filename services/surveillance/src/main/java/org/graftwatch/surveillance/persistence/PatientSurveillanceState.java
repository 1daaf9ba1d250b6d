package org.graftwatch.surveillance.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.PatientStateDocument;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.surveillance.domain.Reading;

/** What surveillance knows of one patient: besides the common part, the series its rules read. */
@MongoEntity(collection = "patient_surveillance_state")
public class PatientSurveillanceState extends PatientStateDocument {
    /** Bound per series: vital signs every few hours for several months. */
    static final int MAX_POINTS = 1500;

    public List<SeriesPoint> temperature = new ArrayList<>();
    public List<SeriesPoint> anc = new ArrayList<>();

    public PatientSurveillanceState() {
    }

    public PatientSurveillanceState(String patientId) {
        this.patientId = patientId;
    }

    @Override
    public boolean apply(ObservationEvent event) {
        if (event.analyte() == Analyte.BODY_TEMPERATURE) {
            return SeriesPoint.apply(temperature, event, MAX_POINTS);
        }
        return event.analyte() == Analyte.ANC && SeriesPoint.apply(anc, event, MAX_POINTS);
    }

    public static List<Reading> readings(List<SeriesPoint> series) {
        return series.stream().map(p -> new Reading(p.observationId, p.at, p.value)).toList();
    }
}
