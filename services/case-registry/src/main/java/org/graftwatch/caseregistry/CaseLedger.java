package org.graftwatch.caseregistry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.graftwatch.caseregistry.domain.CaseRuleViolation;
import org.graftwatch.caseregistry.domain.CaseRuleViolation.Reason;
import org.graftwatch.caseregistry.domain.TransplantCase;
import org.graftwatch.caseregistry.messaging.CaseEventPublisher;
import org.graftwatch.caseregistry.persistence.CaseDocument;
import org.graftwatch.caseregistry.persistence.CaseRepository;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.EventJson;

/**
 * Registration and treatment recording: validate against the case, store the change together with its event,
 * then publish the event. Once stored, the change is never lost: an unpublished event stays in the outbox
 * until the relay gets it to the broker.
 */
@ApplicationScoped
public class CaseLedger {

    @Inject
    CaseRepository repository;

    @Inject
    CaseEventPublisher publisher;

    Clock clock = Clock.systemUTC();

    public TransplantCase register(CaseEvent.Patient patient) {
        TransplantCase registered = TransplantCase.register(patient, today());
        CaseDocument.PendingEvent event = eventOf(CaseEvent.Type.PATIENT_REGISTERED, registered);
        repository.insertNew(registered, event);
        publisher.publish(registered.patient().id(), event);
        return registered;
    }

    public TransplantCase recordTreatment(String patientId, CaseEvent.Treatment treatment) {
        CaseDocument current = repository.findByIdOptional(patientId).orElseThrow(() -> unknown(patientId));
        TransplantCase changed = CaseRepository.toCase(current).record(treatment, today());
        CaseDocument.PendingEvent event = eventOf(typeOf(treatment.type()), changed);
        List<CaseDocument.PendingEvent> outbox = new ArrayList<>(current.outbox);
        outbox.add(event);
        repository.replaceIfUnchanged(changed, current.version, outbox);
        publisher.publish(patientId, event);
        return changed;
    }

    public Optional<TransplantCase> find(String patientId) {
        return repository.findByIdOptional(patientId).map(CaseRepository::toCase);
    }

    private CaseDocument.PendingEvent eventOf(CaseEvent.Type type, TransplantCase c) {
        CaseEvent event = new CaseEvent(UUID.randomUUID().toString(), type, c.patient().id(), c.caseId(), c.version(),
                Instant.now(clock), new CaseEvent.CaseSnapshot(c.patient(), c.treatments()));
        return new CaseDocument.PendingEvent(event.eventId(), c.version(), EventJson.write(event));
    }

    private static CaseEvent.Type typeOf(CaseEvent.TreatmentType type) {
        return switch (type) {
            case HSCT -> CaseEvent.Type.HSCT_RECORDED;
            case CAR_T -> CaseEvent.Type.CAR_T_RECORDED;
            case DLI -> CaseEvent.Type.DLI_RECORDED;
            case SYSTEMIC_STEROIDS -> CaseEvent.Type.STEROIDS_RECORDED;
        };
    }

    private static CaseRuleViolation unknown(String patientId) {
        return CaseRuleViolation.of(Reason.UNKNOWN, "Patient.id", "no patient " + patientId + " is registered");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
