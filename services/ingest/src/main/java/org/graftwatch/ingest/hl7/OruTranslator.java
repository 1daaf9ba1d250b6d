package org.graftwatch.ingest.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graftwatch.contract.CodeSystems;
import org.graftwatch.contract.DeadLetter.Problem;
import org.graftwatch.ingest.domain.Reason;
import org.graftwatch.ingest.domain.Rejections;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.ObservationTranslator;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Reads HL7 v2.5.1 ORU^R01 result messages with HAPI HL7v2 and turns every OBX segment into the FHIR Observation it
 * stands for, which then passes the very same validation, coding, unit conversion and plausibility checks as FHIR
 * input. Problems are located in HL7 terms ({@code OBX[2]-6} is the units field of the second OBX).
 *
 * <p>Mapping: PID-3 → subject; OBX-3 → code (coding system {@code LN} is LOINC, any other name is looked up in the
 * hospital code map under that name); OBX-5 (type NM) → value; OBX-6 → UCUM unit; OBX-11 → status (F final,
 * C corrected, P preliminary, D/W entered-in-error); OBX-14, else OBR-7 → effective time; OBR-3 (filler order
 * number) + OBX-3 + OBX-4 → the observation id, stable across corrections of the same result.
 */
public final class OruTranslator {
    static final String LOINC_CODING_SYSTEM = "LN";
    /** HL7 TS: YYYYMMDDHHMM[SS[.S+]][+/-ZZZZ]; a time of day is required, the offset checked downstream. */
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?(\\.\\d{1,4})?([+-]\\d{2})?(\\d{2})?");
    private static final Map<String, String> STATUS = Map.of("F", "final", "C", "corrected", "P", "preliminary",
            "D", "entered-in-error", "W", "entered-in-error");
    /** FHIR locations the translator reports, and the OBX field each came from. Longest first. */
    private static final List<Map.Entry<String, String>> FIELDS = List.of(
            Map.entry(".valueQuantity.system", "-6"), Map.entry(".valueQuantity.code", "-6"),
            Map.entry(".valueQuantity.value", "-5"), Map.entry(".valueQuantity", "-5"), Map.entry(".value", "-5"),
            Map.entry(".effectiveDateTime", "-14"), Map.entry(".code.coding", "-3"), Map.entry(".status", "-11"),
            Map.entry(".id", "-4"));

    private final PipeParser parser;
    private final ObservationTranslator observations;

    public OruTranslator(ObservationTranslator observations) {
        this.observations = observations;
        HapiContext context = new DefaultHapiContext(ValidationContextFactory.noValidation());
        // Any 2.x ORU^R01 is read into the 2.5.1 structure, so a 2.3 or 2.5 sender needs no special casing.
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        // ACK control ids: HAPI's default keeps a counter in a file in the working directory.
        context.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        this.parser = context.getPipeParser();
    }

    /** The parser (and so the id generator) that acknowledgements are to be encoded with. */
    public PipeParser parser() {
        return parser;
    }

    /** The parsed message (for the acknowledgement) and what became of it; message is null when unreadable. */
    public record Read(Message message, Intake intake) {
    }

    public Intake translate(String payload, String sourceSystem) {
        return read(payload, sourceSystem).intake();
    }

    public Read read(String payload, String sourceSystem) {
        if (payload == null || payload.isBlank()) {
            return new Read(null, Intake.rejected(Reason.UNREADABLE, null, "empty payload: expected an HL7 v2 ORU^R01 message"));
        }
        if (payload.length() > ObservationTranslator.MAX_PAYLOAD_CHARS) {
            return new Read(null, Intake.rejected(Reason.UNREADABLE, null,
                    "payload of " + payload.length() + " characters exceeds the limit of " + ObservationTranslator.MAX_PAYLOAD_CHARS));
        }
        Message message;
        try {
            // Segments end with CR; senders and tools often use LF or CRLF instead.
            message = parser.parse(payload.strip().replace("\r\n", "\r").replace('\n', '\r'));
        } catch (HL7Exception | RuntimeException e) {
            return new Read(null, Intake.rejected(Reason.UNREADABLE, null, "not a readable HL7 v2 message: " + e.getMessage()));
        }
        if (!(message instanceof ORU_R01 oru)) {
            return new Read(message, Intake.rejected(Reason.STRUCTURE, "MSH-9",
                    "expected an ORU^R01 message, got " + message.getName()));
        }
        try {
            return new Read(message, translate(oru, sourceSystem));
        } catch (HL7Exception | RuntimeException e) {
            return new Read(message, Intake.rejected(Reason.STRUCTURE, null, "the ORU^R01 structure cannot be read: " + e.getMessage()));
        }
    }

    private Intake translate(ORU_R01 oru, String defaultSource) throws HL7Exception {
        Rejections problems = new Rejections();
        List<ObservationTranslator.Located> located = new ArrayList<>();
        String source = sourceOf(oru, defaultSource);
        int obxNumber = 0;
        for (int p = 0; p < oru.getPATIENT_RESULTReps(); p++) {
            ORU_R01_PATIENT_RESULT result = oru.getPATIENT_RESULT(p);
            String patientId = result.getPATIENT().getPID().getPatientIdentifierListReps() == 0 ? null
                    : result.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue();
            for (int o = 0; o < result.getORDER_OBSERVATIONReps(); o++) {
                ORU_R01_ORDER_OBSERVATION order = result.getORDER_OBSERVATION(o);
                for (int x = 0; x < order.getOBSERVATIONReps(); x++) {
                    obxNumber++;
                    String at = "OBX[" + obxNumber + "]";
                    observationOf(order.getOBR(), order.getOBSERVATION(x).getOBX(), patientId, source, at, problems)
                            .ifPresent(obs -> located.add(new ObservationTranslator.Located(at, obs)));
                }
            }
        }
        if (obxNumber == 0) {
            problems.add(Reason.STRUCTURE, "OBX", "the message holds no OBX segment");
        }
        Intake intake = observations.translate(located, source, problems);
        return intake.isAccepted() ? intake : new Intake(List.of(), inHl7Terms(intake.problems()), intake.reasons());
    }

    private static java.util.Optional<Observation> observationOf(OBR obr, OBX obx, String patientId, String source, String at,
            Rejections problems) throws HL7Exception {
        int before = problems.size();
        Observation o = new Observation();
        if (patientId == null || patientId.isBlank()) {
            problems.add(Reason.SUBJECT, "PID-3", "a patient identifier (PID-3) is required");
        } else {
            o.setSubject(new Reference("Patient/" + patientId));
        }
        String code = obx.getObservationIdentifier().getIdentifier().getValue();
        String codingSystem = obx.getObservationIdentifier().getNameOfCodingSystem().getValue();
        if (code != null) {
            o.setCode(new CodeableConcept(new Coding(LOINC_CODING_SYSTEM.equals(codingSystem) ? CodeSystems.LOINC : codingSystem, code, null)));
        }
        String order = obr.getFillerOrderNumber().getEntityIdentifier().getValue();
        if (order == null || order.isBlank()) {
            problems.add(Reason.IDENTITY, "OBR-3", "the filler order number (OBR-3) is required: it identifies the result across corrections");
        } else {
            String subId = obx.getObservationSubID().getValue();
            o.setId(order + "-" + code + (subId == null || subId.isBlank() ? "" : "-" + subId));
        }
        String status = obx.getObservationResultStatus().getValue();
        if (!STATUS.containsKey(status)) {
            problems.add(Reason.STATUS, at + "-11", "result status must be one of " + STATUS.keySet() + ", got " + status);
        } else {
            o.setStatus(Observation.ObservationStatus.fromCode(STATUS.get(status)));
        }
        String time = obx.getDateTimeOfTheObservation().getTime().getValue();
        String timeField = at + "-14";
        if (time == null || time.isBlank()) {
            time = obr.getObservationDateTime().getTime().getValue();
            timeField = "OBR-7";
        }
        if (time != null && !time.isBlank()) {
            Matcher m = TIMESTAMP.matcher(time);
            if (!m.matches()) {
                problems.add(Reason.EVENT_TIME, timeField, "needs a date and time of day (YYYYMMDDHHMM[SS][+ZZZZ]), got " + time);
            } else {
                String offset = m.group(8) == null ? "" : m.group(8) + ":" + (m.group(9) == null ? "00" : m.group(9));
                String iso = m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":" + m.group(5) + ":"
                        + (m.group(6) == null ? "00" : m.group(6)) + (m.group(7) == null ? "" : m.group(7)) + offset;
                try {
                    o.setEffective(new DateTimeType(iso));
                } catch (RuntimeException e) {
                    problems.add(Reason.EVENT_TIME, timeField, "not a valid date and time: " + time);
                }
            }
        }
        String valueType = obx.getValueType().getValue();
        String status0 = o.hasStatus() ? o.getStatus().toCode() : null;
        if (!"entered-in-error".equals(status0)) {
            if (!"NM".equals(valueType)) {
                problems.add(Reason.VALUE, at + "-2", "value type must be NM (numeric), got " + valueType);
            } else {
                Varies[] values = obx.getObservationValue();
                String text = values.length == 0 ? null : values[0].encode();
                BigDecimal number = numberOf(text);
                if (number == null) {
                    problems.add(Reason.VALUE, at + "-5", "a numeric value is required, got " + text);
                } else {
                    Quantity quantity = new Quantity().setValue(number).setSystem(CodeSystems.UCUM);
                    String unit = obx.getUnits().getIdentifier().getValue();
                    if (unit != null && !unit.isBlank()) {
                        quantity.setCode(unit).setUnit(unit);
                    }
                    o.setValue(quantity);
                }
            }
        }
        o.getMeta().setSource(source);
        return problems.size() > before ? java.util.Optional.empty() : java.util.Optional.of(o);
    }

    private static BigDecimal numberOf(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The sender as named in MSH-3 (application) and MSH-4 (facility), else the channel it came through. */
    private static String sourceOf(ORU_R01 oru, String defaultSource) {
        String application = oru.getMSH().getSendingApplication().getNamespaceID().getValue();
        String facility = oru.getMSH().getSendingFacility().getNamespaceID().getValue();
        if (application == null && facility == null) {
            return defaultSource;
        }
        return "hl7v2:" + (application == null ? "" : application) + "@" + (facility == null ? "" : facility);
    }

    private static List<Problem> inHl7Terms(List<Problem> problems) {
        return problems.stream().map(OruTranslator::inHl7Terms).toList();
    }

    private static Problem inHl7Terms(Problem problem) {
        String location = problem.location();
        if (location == null || !location.startsWith("OBX[")) {
            return problem;
        }
        int end = location.indexOf(']') + 1;
        String segment = location.substring(0, end);
        String rest = location.substring(end);
        if (rest.startsWith(".subject")) {
            return new Problem("PID-3", problem.message());
        }
        for (Map.Entry<String, String> field : FIELDS) {
            if (rest.startsWith(field.getKey())) {
                return new Problem(segment + field.getValue(), problem.message());
            }
        }
        return new Problem(location, problem.message());
    }
}
