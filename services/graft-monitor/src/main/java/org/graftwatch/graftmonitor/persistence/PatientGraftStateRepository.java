package org.graftwatch.graftmonitor.persistence;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import org.graftwatch.detector.PatientStates;

@ApplicationScoped
public class PatientGraftStateRepository implements PanacheMongoRepositoryBase<PatientGraftState, String> {

    public Map<String, PatientGraftState> load(Collection<String> patientIds) {
        return PatientStates.load(mongoCollection(), patientIds);
    }

    public void saveAll(Collection<PatientGraftState> states) {
        PatientStates.saveAll(mongoCollection(), states);
    }
}
