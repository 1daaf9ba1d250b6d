package org.graftwatch.caseregistry.api;

import java.util.List;
import org.graftwatch.caseregistry.domain.TransplantCase;
import org.graftwatch.contract.CaseEvent;

/** A case as the API returns it. */
public record CaseView(String caseId, long version, CaseEvent.Patient patient, List<CaseEvent.Treatment> treatments) {
    static CaseView of(TransplantCase c) {
        return new CaseView(c.caseId(), c.version(), c.patient(), c.treatments());
    }
}
