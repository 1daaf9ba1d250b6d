package org.graftwatch.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CodeSystems;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.ingest.domain.AnalyteTable;
import org.graftwatch.ingest.domain.CodeMap;
import org.graftwatch.ingest.domain.Reason;
import org.graftwatch.ingest.domain.Rejections;
import org.graftwatch.ingest.domain.UnitConversion;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads FHIR R4 JSON (an Observation or a Bundle of them) with HAPI FHIR and translates each Observation into a
 * canonical {@link ObservationEvent}: coded by the analyte catalogue (directly or through the hospital
 * {@link CodeMap}), converted to the analyte's canonical unit by UCUM, checked against the plausible range of the
 * {@link AnalyteTable}, at its clinical time. Every problem is reported with its location, never only the first.
 */
public final class ObservationTranslator {
    private static final Set<String> BUNDLE_TYPES = Set.of("collection", "batch", "transaction", "message");
    private static final Set<String> ACCEPTED_STATUSES = Set.of("final", "amended", "corrected", "preliminary", "entered-in-error");
    /** A date-time with a time of day and an explicit UTC offset: event time must be unambiguous. */
    private static final Pattern ZONED_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
    /** The FHIR id datatype; ids end up in keys, logs and URLs, so nothing else is let through. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    public static final int MAX_PAYLOAD_CHARS = 4 * 1024 * 1024;

    private final FhirContext fhir;
    private final Clock clock;
    private final Duration futureSkew;
    private final CodeMap codes;
    private final UnitConversion units;
    private final AnalyteTable analytes;

    /** @param futureSkew how far ahead of our clock a result may be dated (clocks of ward systems drift) */
    public ObservationTranslator(FhirContext fhir, Clock clock, Duration futureSkew, CodeMap codes, UnitConversion units,
            AnalyteTable analytes) {
        this.fhir = fhir;
        this.clock = clock;
        this.futureSkew = futureSkew;
        this.codes = codes;
        this.units = units;
        this.analytes = analytes;
    }

    /** @param sourceSystem where the payload came from when the Observation does not name its sender */
    public Intake translate(String payload, String sourceSystem) {
        if (payload == null || payload.isBlank()) {
            return Intake.rejected(Reason.UNREADABLE, null, "empty payload: expected a FHIR R4 Observation or Bundle");
        }
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            return Intake.rejected(Reason.UNREADABLE, null, "payload of " + payload.length() + " characters exceeds the limit of " + MAX_PAYLOAD_CHARS);
        }
        IBaseResource resource;
        try {
            IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            resource = parser.parseResource(payload);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException | IllegalStateException
                 | IndexOutOfBoundsException e) { // HAPI's JSON parser throws the last one on some truncated input (found by the property test)
            return Intake.rejected(Reason.UNREADABLE, null, "not valid FHIR R4 JSON: " + e.getMessage());
        }
        List<Located> observations = new ArrayList<>();
        Rejections problems = new Rejections();
        if (resource instanceof Observation observation) {
            observations.add(new Located("Observation", observation));
        } else if (resource instanceof Bundle bundle) {
            collectEntries(bundle, observations, problems);
        } else {
            problems.add(Reason.STRUCTURE, resource.fhirType(), "expected an Observation or a Bundle of Observations, got " + resource.fhirType());
        }
        return translate(observations, sourceSystem, problems);
    }

    /** Translates Observations already read (from FHIR JSON or built from another format), adding to {@code problems}. */
    public Intake translate(List<Located> observations, String sourceSystem, Rejections problems) {
        List<ObservationEvent> accepted = new ArrayList<>();
        Instant now = Instant.now(clock);
        java.util.Map<String, String> firstAt = new java.util.HashMap<>();
        for (Located located : observations) {
            translate(located, sourceSystem, now, problems).ifPresent(event -> {
                // Two results under one id in one payload: which one is the result? The sender must say.
                String earlier = firstAt.putIfAbsent(event.sourceSystem() + "|" + event.observationId(), located.path());
                if (earlier != null) {
                    problems.add(Reason.IDENTITY, located.path() + ".id", "id " + event.observationId() + " is already used by " + earlier);
                } else {
                    accepted.add(event);
                }
            });
        }
        return problems.isEmpty() ? Intake.accepted(accepted) : Intake.rejected(problems);
    }

    /** An Observation and where it stands in its payload, for problem locations. */
    public record Located(String path, Observation observation) {
    }

    private static void collectEntries(Bundle bundle, List<Located> out, Rejections problems) {
        String type = bundle.getType() == null ? null : bundle.getType().toCode();
        if (type == null || !BUNDLE_TYPES.contains(type)) {
            problems.add(Reason.STRUCTURE, "Bundle.type", "Bundle type must be one of " + BUNDLE_TYPES + ", got " + type);
            return;
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource r = bundle.getEntry().get(i).getResource();
            String at = "Bundle.entry[" + i + "].resource";
            if (r instanceof Observation o) {
                out.add(new Located(at, o));
            } else if (!(type.equals("message") && r != null && r.fhirType().equals("MessageHeader"))) {
                problems.add(Reason.STRUCTURE, at, "expected an Observation, got " + (r == null ? "nothing" : r.fhirType()));
            }
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(Reason.STRUCTURE, "Bundle.entry", "the Bundle holds no Observation");
        }
    }

    private Optional<ObservationEvent> translate(Located located, String defaultSource, Instant now, Rejections problems) {
        Observation o = located.observation();
        String at = located.path();
        int before = problems.size();

        String observationId = o.getIdElement().getIdPart();
        if (blank(observationId) && o.hasIdentifier()) {
            observationId = o.getIdentifierFirstRep().getValue();
        }
        if (blank(observationId)) {
            problems.add(Reason.IDENTITY, at + ".id", "an id (or identifier) unique per sending system is required");
        } else if (!FHIR_ID.matcher(observationId).matches()) {
            problems.add(Reason.IDENTITY, at + ".id", "an id must be 1 to 64 letters, digits, '-' or '.'");
        }
        String status = o.getStatus() == null ? null : o.getStatus().toCode();
        if (status == null || !ACCEPTED_STATUSES.contains(status)) {
            problems.add(Reason.STATUS, at + ".status", "status must be one of " + ACCEPTED_STATUSES + ", got " + status);
        }
        String patientId = patientOf(o, at, problems);
        Analyte analyte = analyteOf(o, at, problems);
        Instant effectiveAt = effectiveOf(o, at, now, problems);
        boolean retraction = "entered-in-error".equals(status);

        Double value = null;
        String unit = null;
        Boolean valueBoolean = null;
        String valueCode = null;
        List<ObservationEvent.SourceShare> components = List.of();
        if (analyte != null && !retraction) {
            switch (analyte.valueType()) {
                case QUANTITY -> {
                    value = quantityOf(o.hasValueQuantity() ? o.getValueQuantity() : null, analyte, at + ".valueQuantity", problems);
                    unit = analyte.canonicalUnit();
                }
                case CHIMERISM -> {
                    value = quantityOf(o.hasValueQuantity() ? o.getValueQuantity() : null, analyte, at + ".valueQuantity", problems);
                    unit = analyte.canonicalUnit();
                    components = sourceSharesOf(o, at, problems);
                }
                case BOOLEAN -> {
                    if (o.hasValueBooleanType()) {
                        valueBoolean = o.getValueBooleanType().booleanValue();
                    } else {
                        problems.add(Reason.VALUE, at + ".valueBoolean", analyte.code() + " needs a valueBoolean");
                    }
                }
                case CODE -> {
                    valueCode = o.hasValueCodeableConcept() ? o.getValueCodeableConcept().getCodingFirstRep().getCode() : null;
                    if (valueCode == null || !analyte.allowedValueCodes().contains(valueCode)) {
                        problems.add(Reason.VALUE, at + ".valueCodeableConcept", analyte.code() + " needs a code among "
                                + analyte.allowedValueCodes() + ", got " + valueCode);
                    }
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String source = o.getMeta().hasSource() ? o.getMeta().getSource() : defaultSource;
        String fingerprint = String.join("|", status, analyte.code(), effectiveAt.toString(), String.valueOf(value),
                String.valueOf(valueBoolean), String.valueOf(valueCode), components.toString());
        return Optional.of(new ObservationEvent(ObservationEvent.eventIdFor(source, observationId, fingerprint),
                retraction ? ObservationEvent.Type.RETRACTION : ObservationEvent.Type.RESULT, patientId, observationId, source,
                status, analyte, analyte.code(), effectiveAt, value, unit, valueBoolean, valueCode, components, now));
    }

    private static String patientOf(Observation o, String at, Rejections problems) {
        if (!o.hasSubject()) {
            problems.add(Reason.SUBJECT, at + ".subject", "a subject (Patient reference or identifier) is required");
            return null;
        }
        var subject = o.getSubject();
        if (subject.hasReference()) {
            String ref = subject.getReference();
            if (ref.startsWith("Patient/") && ref.length() > "Patient/".length()) {
                return ref.substring("Patient/".length());
            }
            problems.add(Reason.SUBJECT, at + ".subject.reference", "must be Patient/{id}, got " + ref);
            return null;
        }
        if (subject.hasIdentifier() && !blank(subject.getIdentifier().getValue())) {
            return subject.getIdentifier().getValue();
        }
        problems.add(Reason.SUBJECT, at + ".subject", "a Patient reference or identifier value is required");
        return null;
    }

    private Analyte analyteOf(Observation o, String at, Rejections problems) {
        List<String> seen = new ArrayList<>();
        for (Coding coding : o.getCode().getCoding()) {
            Optional<Analyte> analyte = codes.analyteOf(coding.getSystem(), coding.getCode());
            if (analyte.isPresent()) {
                return analyte.get();
            }
            seen.add(coding.getSystem() + "|" + coding.getCode());
        }
        problems.add(Reason.UNMAPPED_CODE, at + ".code.coding", seen.isEmpty() ? "a code is required"
                : "no LOINC, " + CodeSystems.LOCAL + " or mapped hospital code (unmapped: " + String.join(", ", seen) + ")");
        return null;
    }

    private Instant effectiveOf(Observation o, String at, Instant now, Rejections problems) {
        if (!o.hasEffectiveDateTimeType()) {
            problems.add(Reason.EVENT_TIME, at + ".effectiveDateTime", "the clinical time of the result (effectiveDateTime) is required");
            return null;
        }
        DateTimeType effective = o.getEffectiveDateTimeType();
        String text = effective.getValueAsString();
        if (text == null || !ZONED_DATE_TIME.matcher(text).matches()) {
            problems.add(Reason.EVENT_TIME, at + ".effectiveDateTime", "needs a time of day and a UTC offset, got " + text);
            return null;
        }
        Instant instant = effective.getValue().toInstant();
        if (instant.isAfter(now.plus(futureSkew))) {
            problems.add(Reason.EVENT_TIME, at + ".effectiveDateTime", text + " lies in the future (more than " + futureSkew + " ahead)");
            return null;
        }
        return instant;
    }

    private Double quantityOf(Quantity quantity, Analyte analyte, String at, Rejections problems) {
        if (quantity == null || !quantity.hasValue()) {
            problems.add(Reason.VALUE, at, analyte.code() + " needs a valueQuantity with a value");
            return null;
        }
        if (quantity.hasSystem() && !CodeSystems.UCUM.equals(quantity.getSystem())) {
            problems.add(Reason.UNIT, at + ".system", "units must be UCUM (" + CodeSystems.UCUM + "), got " + quantity.getSystem());
            return null;
        }
        String code = quantity.hasCode() ? quantity.getCode() : null;
        if (code == null) {
            problems.add(Reason.UNIT, at + ".code", "a UCUM unit code is required");
            return null;
        }
        UnitConversion.Converted converted = units.toCanonical(analyte, quantity.getValue(), code);
        if (!converted.isConverted()) {
            problems.add(Reason.UNIT, at + ".code", converted.problem());
            return null;
        }
        double value = converted.value();
        var profile = analytes.profile(analyte);
        if (!Double.isFinite(value) || profile.isPresent() && !profile.get().isPlausible(value)) {
            String range = profile.map(p -> " (possible: " + p.plausibleMin() + " to " + p.plausibleMax() + " " + analyte.canonicalUnit() + ")").orElse("");
            problems.add(Reason.IMPLAUSIBLE, at + ".value", quantity.getValue().toPlainString() + " " + code + " is not a possible "
                    + analyte.display() + range);
            return null;
        }
        return value;
    }

    private static List<ObservationEvent.SourceShare> sourceSharesOf(Observation o, String at, Rejections problems) {
        List<ObservationEvent.SourceShare> shares = new ArrayList<>();
        for (int i = 0; i < o.getComponent().size(); i++) {
            var component = o.getComponent().get(i);
            String cat = at + ".component[" + i + "]";
            String source = component.getCode().getCoding().stream()
                    .filter(c -> CodeSystems.GRAFT_SOURCE.equals(c.getSystem())).map(Coding::getCode).findFirst().orElse(null);
            if (blank(source)) {
                problems.add(Reason.VALUE, cat + ".code", "a graft source code in " + CodeSystems.GRAFT_SOURCE + " is required");
                continue;
            }
            Quantity q = component.hasValueQuantity() ? component.getValueQuantity() : null;
            if (q == null || !q.hasValue() || !"%".equals(q.getCode())) {
                problems.add(Reason.VALUE, cat + ".valueQuantity", "the donor share of " + source + " in % is required");
                continue;
            }
            double share = q.getValue().doubleValue();
            if (share < 0 || share > 100) {
                problems.add(Reason.IMPLAUSIBLE, cat + ".valueQuantity.value", share + " % is not a possible donor share");
                continue;
            }
            shares.add(new ObservationEvent.SourceShare(source, share));
        }
        return shares;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
