package org.graftwatch.alerts.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/** A patient's ward at the given case version. */
@MongoEntity(collection = "patient_wards")
public class PatientWardDocument {
    @BsonId
    public String patientId;
    public String ward;
    public long caseVersion;
}
