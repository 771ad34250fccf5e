package sa.tenhal.patients;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a patient file's life. Written once, never changed. */
@Entity
@Table(name = "patient_file_history")
class PatientFileHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String action;
    private String reason;
    private Instant at;
    private UUID byUser;

    protected PatientFileHistory() {}

    PatientFileHistory(String action, String reason, Instant at, UUID byUser) {
        this.action = action;
        this.reason = reason;
        this.at = at;
        this.byUser = byUser;
    }

    PatientFileDetails.Entry entry() {
        return new PatientFileDetails.Entry(action, reason, at, byUser);
    }
}
