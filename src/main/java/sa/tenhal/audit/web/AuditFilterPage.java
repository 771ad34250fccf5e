package sa.tenhal.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.validation.BindingResult;
import sa.tenhal.audit.AuditLog;
import sa.tenhal.platform.AuditAction;

/**
 * The audit log's filter as the page sends it: what the admin typed, each part optional. {@link #toFilter} reads it
 * into the log's {@link AuditLog.Filter}, with the days taken in the clinic's time zone ({@code to} included).
 */
public class AuditFilterPage {

    private String user;
    private String patient;
    private String recordType;
    private String recordId;
    private String action;
    private String from;
    private String to;

    /** The log's filter, or null when a part could not be read (the errors are then in {@code errors}). */
    AuditLog.Filter toFilter(BindingResult errors, ZoneId zone) {
        String who = text(user);
        UUID userId = null;
        String username = null;
        if (who != null) {
            try {
                userId = UUID.fromString(who);
            } catch (IllegalArgumentException e) {
                username = who;
            }
        }
        UUID patientId = id(patient, "patient", errors);
        UUID record = id(recordId, "recordId", errors);
        AuditAction chosen = null;
        if (text(action) != null) {
            try {
                chosen = AuditAction.valueOf(action.strip());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("action", "typeMismatch");
            }
        }
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.rejectValue("to", "admin.audit.toBeforeFrom");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new AuditLog.Filter(
                patientId,
                userId,
                text(recordType),
                record,
                chosen == null ? null : chosen.name(),
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(),
                username);
    }

    boolean isEmpty() {
        return text(user) == null
                && text(patient) == null
                && text(recordType) == null
                && text(recordId) == null
                && text(action) == null
                && text(from) == null
                && text(to) == null;
    }

    private static UUID id(String value, String field, BindingResult errors) {
        if (text(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "admin.audit.notAnId");
            return null;
        }
    }

    private static LocalDate day(String value, String field, BindingResult errors) {
        if (text(value) == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            // a day the database can hold (a year like +999999999 parses, and then overflows PostgreSQL's timestamp)
            if (day.getYear() < 1 || day.getYear() > 9999) {
                errors.rejectValue(field, "typeMismatch");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "typeMismatch");
            return null;
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // accessors for binding

    public String getUser() {
        return user;
    }

    public void setUser(String v) {
        user = v;
    }

    public String getPatient() {
        return patient;
    }

    public void setPatient(String v) {
        patient = v;
    }

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String v) {
        recordType = v;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String v) {
        recordId = v;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String v) {
        action = v;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String v) {
        from = v;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String v) {
        to = v;
    }
}
