package sa.tenhal.platform;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Patients' names as a person reads them ("Layan Al-Qahtani · RYD-000123"), for pages of modules that hold only
 * patient ids (the audit log). The patients module answers; the caller records the read ({@link PatientReads}).
 */
public interface PatientLabels {

    /** The label of each of these patients that exists, in the page's language (falling back to the other). */
    Map<UUID, String> labels(Collection<UUID> patients, Locale locale);
}
