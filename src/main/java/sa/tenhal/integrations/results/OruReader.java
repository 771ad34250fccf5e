package sa.tenhal.integrations.results;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v25.datatype.CE;
import ca.uhn.hl7v2.model.v25.datatype.CX;
import ca.uhn.hl7v2.model.v25.datatype.XPN;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.segment.OBR;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.model.v25.segment.ORC;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.ResultFlag;

/**
 * Reads an HL7 v2.5 {@code ORU^R01} (HAPI HL7v2) into the reports it carries, or says why it cannot be taken: rejected
 * ({@code AR}: not an ORU^R01, not version 2.5, no parsable header) or in error ({@code AE}: a segment the message
 * needs is missing or malformed — no patient, no order, an observation without its code, status or a number that is
 * not one). A message is taken whole or not at all.
 */
final class OruReader {

    /** The reports of an accepted message, or the refusal. */
    sealed interface Read permits Reports, Refusal {}

    record Reports(Hl7Header header, List<IncomingReport> reports) implements Read {}

    record Refusal(Hl7Header header, String code, String reason) implements Read {}

    /** Diagnostic service sections (OBR-24, table 0074) that are imaging. */
    private static final Set<String> IMAGING = Set.of(
            "RAD", "RX", "CT", "MR", "MRI", "US", "NMR", "NMS", "RUS", "VUS", "XRC", "CUS", "OUS", "IMG", "MG", "DX",
            "CR", "NM", "PT");

    /** The identifier types (CX-5) that carry a national id or iqama. */
    private static final Set<String> NATIONAL = Set.of("NI", "NNSAU", "NNSA", "SS", "PRC", "NID", "IQAMA");

    private static final ThreadLocal<PipeParser> PARSER = ThreadLocal.withInitial(() -> {
        HapiContext context = new DefaultHapiContext();
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        return context.getPipeParser();
    });

    private final ZoneId zone;

    OruReader(ZoneId zone) {
        this.zone = zone;
    }

    Read read(String raw) {
        Hl7Header header = Hl7Header.of(raw);
        if (header == Hl7Header.UNKNOWN) {
            return new Refusal(header, Ack.AR, "no MSH segment: not an HL7 v2 message");
        }
        if (header.controlId().isEmpty()) {
            return new Refusal(header, Ack.AR, "MSH-10 (message control id) is empty");
        }
        if (!header.version().startsWith("2.5")) {
            return new Refusal(header, Ack.AR, "unsupported version " + header.version() + ": HL7 v2.5 only");
        }
        String type = header.messageType();
        if (!type.startsWith("ORU^R01")) {
            return new Refusal(header, Ack.AR, "unsupported message type " + type + ": ORU^R01 only");
        }
        Message message;
        try {
            message = PARSER.get().parse(normalise(raw));
        } catch (HL7Exception | RuntimeException e) {
            return new Refusal(header, Ack.AE, "cannot parse: " + e.getMessage());
        }
        if (!(message instanceof ORU_R01 oru)) {
            return new Refusal(header, Ack.AR, "unsupported message type " + type + ": ORU^R01 only");
        }
        try {
            List<IncomingReport> reports = new ArrayList<>();
            if (oru.getPATIENT_RESULTReps() == 0) {
                throw new Invalid("no PATIENT_RESULT group");
            }
            for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
                PID pid = result.getPATIENT().getPID();
                if (pid.isEmpty()) {
                    throw new Invalid("PID segment missing");
                }
                IncomingReport.SentPatient patient = patient(pid);
                if (result.getORDER_OBSERVATIONReps() == 0) {
                    throw new Invalid("no OBR segment");
                }
                for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                    reports.add(report(header, patient, order));
                }
            }
            return new Reports(header, reports);
        } catch (Invalid e) {
            return new Refusal(header, Ack.AE, e.getMessage());
        } catch (HL7Exception | RuntimeException e) {
            return new Refusal(header, Ack.AE, "malformed: " + e.getMessage());
        }
    }

    private IncomingReport report(Hl7Header header, IncomingReport.SentPatient patient, ORU_R01_ORDER_OBSERVATION order)
            throws HL7Exception {
        OBR obr = order.getOBR();
        if (obr.isEmpty()) {
            throw new Invalid("OBR segment missing");
        }
        ORC orc = order.getORC();
        String placer = value(obr.getPlacerOrderNumber().getEntityIdentifier());
        if (placer == null && !orc.isEmpty()) {
            placer = value(orc.getPlacerOrderNumber().getEntityIdentifier());
        }
        String filler = value(obr.getFillerOrderNumber().getEntityIdentifier());
        if (filler == null && !orc.isEmpty()) {
            filler = value(orc.getFillerOrderNumber().getEntityIdentifier());
        }
        CE service = obr.getUniversalServiceIdentifier();
        String serviceCode = value(service.getIdentifier());
        if (serviceCode == null) {
            throw new Invalid("OBR-4 (universal service identifier) is empty");
        }
        if (filler == null && placer == null) {
            throw new Invalid("OBR-2 and OBR-3 are empty: no order number to file the report under");
        }
        String section = value(obr.getDiagnosticServSectID());
        OrderKind kind = section != null && IMAGING.contains(section.toUpperCase(Locale.ROOT))
                ? OrderKind.IMAGING
                : OrderKind.LAB;
        List<IncomingReport.Observation> observations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        byte[] pdf = null;
        String study = null;
        int position = 0;
        for (ORU_R01_OBSERVATION group : order.getOBSERVATIONAll()) {
            OBX obx = group.getOBX();
            if (obx.isEmpty()) {
                continue;
            }
            position++;
            String valueType = value(obx.getValueType());
            String code = value(obx.getObservationIdentifier().getIdentifier());
            if (code == null) {
                throw new Invalid("OBX-3 (observation identifier) is empty in OBX " + position);
            }
            ResultStatus status = ResultStatus.ofHl7(value(obx.getObservationResultStatus()));
            if (status == null) {
                throw new Invalid("OBX-11 (result status) is missing or unknown in OBX " + position);
            }
            Varies[] values = obx.getObservationValue();
            String firstValue = values.length == 0 ? null : text(values[0].getData());
            if ("ED".equals(valueType)) {
                pdf = pdf(values, position);
                continue;
            }
            if ("RP".equals(valueType)) {
                study = firstValue;
                continue;
            }
            if (kind == OrderKind.IMAGING
                    && ("TX".equals(valueType) || "FT".equals(valueType) || "ST".equals(valueType))) {
                for (Varies v : values) {
                    String line = text(v.getData());
                    text.append(line == null ? "" : line).append('\n');
                }
                continue;
            }
            BigDecimal number = null;
            String valueText = null;
            if ("NM".equals(valueType)) {
                if (firstValue == null) {
                    throw new Invalid("OBX-5 is empty for a numeric result in OBX " + position);
                }
                try {
                    number = new BigDecimal(firstValue.strip());
                } catch (NumberFormatException e) {
                    throw new Invalid("OBX-5 '" + firstValue + "' is not a number in OBX " + position);
                }
            } else {
                List<String> parts = new ArrayList<>();
                for (Varies v : values) {
                    String t = text(v.getData());
                    if (t != null) {
                        parts.add(t);
                    }
                }
                valueText = parts.isEmpty() ? null : String.join("\n", parts);
                if (valueText == null && status != ResultStatus.CANCELLED) {
                    throw new Invalid("OBX-5 (observation value) is empty in OBX " + position);
                }
            }
            String range = value(obx.getReferencesRange());
            BigDecimal[] lh = Interpretation.range(range);
            String interpretation = obx.getAbnormalFlagsReps() == 0 ? null : value(obx.getAbnormalFlags(0));
            ResultFlag flag = Interpretation.flag(interpretation, number, lh[0], lh[1]);
            String subId = value(obx.getObservationSubID());
            observations.add(new IncomingReport.Observation(
                    code + "/" + (subId == null ? "" : subId),
                    code,
                    system(obx.getObservationIdentifier()),
                    value(obx.getObservationIdentifier().getText()),
                    number,
                    valueText,
                    value(obx.getUnits().getIdentifier()),
                    range,
                    lh[0],
                    lh[1],
                    interpretation,
                    flag,
                    status,
                    instant(value(obx.getDateTimeOfTheObservation().getTime()))));
        }
        if (observations.isEmpty() && text.isEmpty() && pdf == null) {
            throw new Invalid("no OBX segment with a result under OBR " + serviceCode);
        }
        ResultStatus status = ResultStatus.ofHl7(value(obr.getResultStatus()));
        if (status == null) {
            status = observations.stream().anyMatch(o -> o.status() == ResultStatus.CORRECTED)
                    ? ResultStatus.CORRECTED
                    : observations.stream().allMatch(o -> o.status() == ResultStatus.FINAL)
                            ? ResultStatus.FINAL
                            : ResultStatus.PRELIMINARY;
        }
        return new IncomingReport(
                header.source(),
                filler != null ? filler : "placer:" + placer,
                kind,
                serviceCode,
                system(service),
                value(service.getText()),
                status,
                placer,
                patient,
                observations,
                text.isEmpty() ? null : text.toString().strip(),
                pdf,
                study,
                instant(value(obr.getObservationDateTime().getTime())));
    }

    private static byte[] pdf(Varies[] values, int position) {
        // ED: source application ^ type ^ subtype ^ encoding ^ data
        String encoded = values.length == 0 ? null : values[0].getData().toString();
        try {
            String[] parts = values[0].getData().encode().split("\\^", -1);
            if (parts.length < 5 || !"Base64".equalsIgnoreCase(parts[3])) {
                throw new Invalid("OBX-5 (ED) in OBX " + position + " is not Base64 encoded data");
            }
            return Base64.getMimeDecoder().decode(parts[4]);
        } catch (HL7Exception | IllegalArgumentException e) {
            throw new Invalid("OBX-5 (ED) in OBX " + position + " is not Base64: " + encoded);
        }
    }

    private IncomingReport.SentPatient patient(PID pid) throws HL7Exception {
        String mrn = null;
        String national = null;
        for (CX cx : pid.getPatientIdentifierList()) {
            String id = value(cx.getIDNumber());
            String type = value(cx.getIdentifierTypeCode());
            if (id == null) {
                continue;
            }
            if (type == null || "MR".equalsIgnoreCase(type) || "PI".equalsIgnoreCase(type)) {
                mrn = mrn == null ? id : mrn;
            } else if (NATIONAL.contains(type.toUpperCase(Locale.ROOT))) {
                national = national == null ? id : national;
            }
        }
        String family = null;
        String given = null;
        if (pid.getPatientNameReps() > 0) {
            XPN name = pid.getPatientName(0);
            family = value(name.getFamilyName().getSurname());
            given = value(name.getGivenName());
        }
        String birth = value(pid.getDateTimeOfBirth().getTime());
        LocalDate birthDate = null;
        if (birth != null) {
            if (birth.length() < 8) {
                throw new Invalid("PID-7 (birth date) '" + birth + "' is not a date");
            }
            try {
                birthDate = LocalDate.parse(birth.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            } catch (RuntimeException e) {
                throw new Invalid("PID-7 (birth date) '" + birth + "' is not a date");
            }
        }
        return new IncomingReport.SentPatient(
                mrn, national, family, given, birthDate, value(pid.getAdministrativeSex()));
    }

    /** An HL7 timestamp ({@code yyyyMMddHHmm[ss[.S]][+zzzz]}); without an offset it is clinic-local time. */
    Instant instant(String ts) {
        if (ts == null || ts.length() < 8) {
            return null;
        }
        try {
            String digits = ts;
            String offset = null;
            int sign = Math.max(ts.indexOf('+'), ts.indexOf('-', 8));
            if (sign > 0) {
                digits = ts.substring(0, sign);
                offset = ts.substring(sign);
            }
            int dot = digits.indexOf('.');
            if (dot > 0) {
                digits = digits.substring(0, dot);
            }
            digits = (digits + "000000").substring(0, 14);
            LocalDateTime local = LocalDateTime.parse(digits, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            if (offset != null && offset.length() == 5) {
                return OffsetDateTime.of(
                                local, java.time.ZoneOffset.of(offset.substring(0, 3) + ":" + offset.substring(3)))
                        .toInstant();
            }
            return local.atZone(zone).toInstant();
        } catch (RuntimeException e) {
            throw new Invalid("'" + ts + "' is not an HL7 timestamp");
        }
    }

    private static String system(CE ce) {
        String s = value(ce.getNameOfCodingSystem());
        if (s == null) {
            return null;
        }
        return "LN".equalsIgnoreCase(s) ? "http://loinc.org" : s;
    }

    private static String text(Type type) {
        if (type == null) {
            return null;
        }
        if (type instanceof Primitive p) {
            return blankToNull(p.getValue());
        }
        try {
            return blankToNull(type.encode());
        } catch (HL7Exception e) {
            return null;
        }
    }

    private static String value(Primitive p) {
        return p == null ? null : blankToNull(p.getValue());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Segments are separated by CR; senders that use LF or CRLF are forgiven. */
    private static String normalise(String raw) {
        return raw.strip().replace("\r\n", "\r").replace('\n', '\r');
    }

    /** Something the message needs is missing or malformed: answered AE. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
