package org.graftwatch.graftmonitor.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.PatientStateDocument;
import org.graftwatch.detector.SeriesPoint;

/** What the graft monitor knows of one patient: besides the common part, the count series its rules read. */
@MongoEntity(collection = "patient_graft_state")
public class PatientGraftState extends PatientStateDocument {
    /** Bound on stored points per series: about two years of daily counts. */
    static final int MAX_POINTS = 800;

    public List<SeriesPoint> anc = new ArrayList<>();

    public PatientGraftState() {
    }

    public PatientGraftState(String patientId) {
        this.patientId = patientId;
    }

    @Override
    public boolean apply(ObservationEvent event) {
        return event.analyte() == Analyte.ANC && SeriesPoint.apply(anc, event, MAX_POINTS);
    }
}
