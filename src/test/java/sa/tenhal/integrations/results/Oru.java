package sa.tenhal.integrations.results;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Real-shaped HL7 v2.5 ORU^R01 messages for tests and the bench, built segment by segment. */
final class Oru {

    private String controlId = UUID.randomUUID().toString().substring(0, 18);
    private String version = "2.5.1";
    private String type = "ORU^R01^ORU_R01";
    private String sendingApp = "LIS";
    private String sendingFacility = "ALBORG";
    private String pid;
    private final List<String> orders = new ArrayList<>();

    Oru controlId(String id) {
        this.controlId = id;
        return this;
    }

    String controlId() {
        return controlId;
    }

    Oru version(String v) {
        this.version = v;
        return this;
    }

    Oru type(String t) {
        this.type = t;
        return this;
    }

    Oru sender(String app, String facility) {
        this.sendingApp = app;
        this.sendingFacility = facility;
        return this;
    }

    /** PID with the record number (MR) and national id (NNSAU), name, birth date (yyyyMMdd) and sex (M/F). */
    Oru patient(String mrn, String nationalId, String family, String given, String birth, String sex) {
        String ids = (mrn == null ? "" : mrn + "^^^TENHAL^MR")
                + (nationalId == null ? "" : (mrn == null ? "" : "~") + nationalId + "^^^SA^NNSAU");
        pid = "PID|1||" + ids + "||" + family + "^" + given + "||" + (birth == null ? "" : birth) + "|"
                + (sex == null ? "" : sex);
        return this;
    }

    /** An OBR (placer = our order id, filler = the lab's number, the test, the section, status) and its OBXs. */
    Oru order(String placer, String filler, String code, String name, String section, String status, String... obx) {
        StringBuilder b = new StringBuilder();
        b.append("ORC|RE|")
                .append(placer == null ? "" : placer)
                .append('|')
                .append(filler)
                .append("\r");
        b.append("OBR|1|")
                .append(placer == null ? "" : placer)
                .append('|')
                .append(filler)
                .append('|')
                .append(code)
                .append('^')
                .append(name)
                .append("^LN|||20261205083000+0300|||||||||||||||20261205100000+0300||")
                .append(section)
                .append('|')
                .append(status);
        for (String o : obx) {
            b.append("\r").append(o);
        }
        orders.add(b.toString());
        return this;
    }

    static String nm(
            int set, String loinc, String name, String value, String unit, String range, String flag, String status) {
        return "OBX|" + set + "|NM|" + loinc + "^" + name + "^LN||" + value + "|" + unit + "|" + range + "|" + flag
                + "|||" + status + "|||20261205090000+0300";
    }

    static String st(int set, String loinc, String name, String value, String status) {
        return "OBX|" + set + "|ST|" + loinc + "^" + name + "^LN||" + value + "||||||" + status;
    }

    static String tx(int set, String code, String text, String status) {
        return "OBX|" + set + "|TX|" + code + "^Report^LN||" + text + "||||||" + status;
    }

    static String pdf(int set, byte[] bytes, String status) {
        return "OBX|" + set + "|ED|PDF^PDF report^L||^application^pdf^Base64^"
                + java.util.Base64.getEncoder().encodeToString(bytes) + "||||||" + status;
    }

    String build() {
        StringBuilder b = new StringBuilder();
        b.append("MSH|^~\\&|")
                .append(sendingApp)
                .append('|')
                .append(sendingFacility)
                .append("|TENHAL|TENHAL|20261205100500+0300||")
                .append(type)
                .append('|')
                .append(controlId)
                .append("|P|")
                .append(version)
                .append("|||AL|NE||UNICODE UTF-8\r");
        if (pid != null) {
            b.append(pid).append("\r");
        }
        for (String o : orders) {
            b.append(o).append("\r");
        }
        return b.toString();
    }
}
