package sa.tenhal.integrations.results;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v25.message.ORM_O01;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import sa.tenhal.patients.PatientIdentification.Candidate;
import sa.tenhal.patients.Sex;
import sa.tenhal.visits.OrderFacts;
import sa.tenhal.visits.OrderKind;

/**
 * An order as the lab or imaging centre receives it: an HL7 v2.5 {@code ORM^O01} (new order, {@code ORC-1 NW}) or a
 * FHIR {@code ServiceRequest}. Our order's id is the placer order number (ORC-2, OBR-2, the ServiceRequest's
 * identifier): the lab echoes it with the result, which is how the result finds its order. The message is the same
 * however often it is sent (its control id and time come from the order), so the lab can tell a retry.
 */
final class OrderMessages {

    /** The identifier system of our order numbers in FHIR. */
    static final String ORDER_SYSTEM = "urn:tenhal:order";

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private OrderMessages() {}

    /** The control id of an order's message: 20 characters (MSH-10's limit), the same on every retry. */
    static String controlId(OrderFacts order) {
        return "O" + order.orderId().toString().replace("-", "").substring(0, 19);
    }

    static String orm(OrderFacts order, Candidate patient, ResultsProperties.Destination to, ZoneId zone) {
        try (HapiContext context = new DefaultHapiContext()) {
            context.setValidationContext(ValidationContextFactory.noValidation());
            // HAPI's default id generator keeps a file in the working directory; the control id is ours anyway
            context.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
            ORM_O01 message = context.newMessage(ORM_O01.class);
            message.initQuickstart("ORM", "O01", "P");
            Terser t = new Terser(message);
            String at = TS.format(order.orderedAt().atZone(zone));
            t.set("MSH-3", "TENHAL");
            t.set("MSH-4", "TENHAL");
            t.set("MSH-5", to.receivingApplication());
            t.set("MSH-6", to.receivingFacility());
            t.set("MSH-7", at);
            t.set("MSH-10", controlId(order));
            t.set("MSH-12", "2.5");
            t.set("MSH-15", "AL");
            t.set("MSH-16", "NE");
            t.set("MSH-18", "UNICODE UTF-8");
            t.set("/PATIENT/PID-1", "1");
            t.set("/PATIENT/PID-3(0)-1", patient.mrn());
            t.set("/PATIENT/PID-3(0)-4", "TENHAL");
            t.set("/PATIENT/PID-3(0)-5", "MR");
            t.set("/PATIENT/PID-3(1)-1", patient.idNumber());
            t.set("/PATIENT/PID-3(1)-4", "SA");
            t.set("/PATIENT/PID-3(1)-5", "NNSAU");
            boolean english = patient.familyNameEn() != null;
            t.set("/PATIENT/PID-5-1", english ? patient.familyNameEn() : patient.familyNameAr());
            t.set("/PATIENT/PID-5-2", english ? patient.givenNameEn() : patient.givenNameAr());
            t.set("/PATIENT/PID-7", patient.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
            t.set("/PATIENT/PID-8", patient.sex() == Sex.MALE ? "M" : "F");
            t.set("/PATIENT/PATIENT_VISIT/PV1-2", "O");
            t.set("/ORDER/ORC-1", "NW");
            t.set("/ORDER/ORC-2", order.orderId().toString());
            t.set("/ORDER/ORC-9", at);
            t.set("/ORDER/ORDER_DETAIL/OBR-1", "1");
            t.set("/ORDER/ORDER_DETAIL/OBR-2", order.orderId().toString());
            t.set("/ORDER/ORDER_DETAIL/OBR-4-1", order.code());
            t.set("/ORDER/ORDER_DETAIL/OBR-4-2", order.display());
            t.set("/ORDER/ORDER_DETAIL/OBR-4-3", order.kind() == OrderKind.LAB ? "LN" : "L");
            t.set("/ORDER/ORDER_DETAIL/OBR-6", at);
            t.set("/ORDER/ORDER_DETAIL/OBR-24", order.kind() == OrderKind.LAB ? "LAB" : "RAD");
            return context.getPipeParser().encode(message);
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("cannot build the ORM^O01 of order " + order.orderId(), e);
        }
    }

    static ServiceRequest serviceRequest(OrderFacts order, Candidate patient) {
        ServiceRequest request = new ServiceRequest();
        request.addIdentifier(new Identifier()
                .setSystem(ORDER_SYSTEM)
                .setValue(order.orderId().toString()));
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addCategory()
                .addCoding()
                .setSystem("http://snomed.info/sct")
                .setCode(order.kind() == OrderKind.LAB ? "108252007" : "363679005")
                .setDisplay(order.kind() == OrderKind.LAB ? "Laboratory procedure" : "Imaging");
        request.getCode()
                .addCoding()
                .setSystem(order.kind().system())
                .setCode(order.code())
                .setDisplay(order.display());
        request.getCode().setText(order.display());
        Reference subject = new Reference();
        subject.setIdentifier(new Identifier().setSystem("urn:tenhal:mrn").setValue(patient.mrn()));
        subject.setDisplay(
                (patient.givenNameEn() != null
                        ? patient.givenNameEn() + " " + patient.familyNameEn()
                        : patient.givenNameAr() + " " + patient.familyNameAr()));
        request.setSubject(subject);
        request.setAuthoredOn(java.util.Date.from(order.orderedAt()));
        return request;
    }

    /** MSA-1 of an acknowledgement (AA, AE, AR, or the enhanced-mode CA, CE, CR), and its MSA-2; null if none. */
    static String[] msa(String ack) {
        for (String segment : ack.split("[\r\n]+")) {
            if (segment.startsWith("MSA")) {
                String[] f = segment.split("\\|", -1);
                return new String[] {f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : ""};
            }
        }
        return null;
    }
}
