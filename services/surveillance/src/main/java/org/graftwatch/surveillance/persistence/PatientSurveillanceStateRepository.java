package org.graftwatch.surveillance.persistence;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import org.graftwatch.detector.PatientStates;

@ApplicationScoped
public class PatientSurveillanceStateRepository implements PanacheMongoRepositoryBase<PatientSurveillanceState, String> {

    public Map<String, PatientSurveillanceState> load(Collection<String> patientIds) {
        return PatientStates.load(mongoCollection(), patientIds);
    }

    public void saveAll(Collection<PatientSurveillanceState> states) {
        PatientStates.saveAll(mongoCollection(), states);
    }
}
