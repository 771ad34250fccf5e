package sa.tenhal.patients;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * The seed's patient file: a number per centre and year ({@code F-2026-000123}) under which the centre keeps a
 * patient's record. Closed with a reason, reopened with a reason; every step stays in its history.
 */
@Entity
@Table(name = "patient_file")
class PatientFile extends StoredRecord<PatientFile> {

    @Id
    private UUID id;

    @Version
    private long version;

    private UUID patientId;
    private String centreCode;
    private String number;

    @Enumerated(EnumType.STRING)
    private FileStatus status;

    private Instant openedAt;
    private Instant closedAt;
    private String closeReason;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "file_id", nullable = false)
    @OrderBy("at, id")
    private List<PatientFileHistory> history = new ArrayList<>();

    protected PatientFile() {}

    PatientFile(PatientId patient, String centreCode, String number, Instant now, UUID by) {
        this.id = Ids.newId();
        this.patientId = patient.value();
        this.centreCode = centreCode;
        this.number = number;
        this.status = FileStatus.OPEN;
        this.openedAt = now;
        history.add(new PatientFileHistory("OPENED", null, now, by));
        registerEvent(new PatientFileOpened(id, patient, number, now));
    }

    void close(String reason, Instant now, UUID by) {
        if (status != FileStatus.OPEN) {
            throw ConflictException.illegalTransition("patient file", status, "close");
        }
        status = FileStatus.CLOSED;
        closedAt = now;
        closeReason = reason;
        history.add(new PatientFileHistory("CLOSED", reason, now, by));
        registerEvent(new PatientFileClosed(id, new PatientId(patientId), reason, now));
    }

    void reopen(String reason, Instant now, UUID by) {
        if (status != FileStatus.CLOSED) {
            throw ConflictException.illegalTransition("patient file", status, "reopen");
        }
        status = FileStatus.OPEN;
        closedAt = null;
        closeReason = null;
        history.add(new PatientFileHistory("REOPENED", reason, now, by));
        registerEvent(new PatientFileReopened(id, new PatientId(patientId), reason, now));
    }

    /** Moves the file to the surviving patient of a merge; closes it if the survivor has an open file here already. */
    void moveTo(PatientId survivor, boolean survivorHasOpenFileHere, Instant now, UUID by) {
        if (survivorHasOpenFileHere && status == FileStatus.OPEN) {
            close("merged: the surviving record has its own file here", now, by);
        }
        patientId = survivor.value();
        history.add(new PatientFileHistory("MOVED", "merged into patient " + survivor, now, by));
    }

    boolean isOpen() {
        return status == FileStatus.OPEN;
    }

    String centreCode() {
        return centreCode;
    }

    PatientId patientId() {
        return new PatientId(patientId);
    }

    PatientFileDetails details() {
        return new PatientFileDetails(
                id,
                patientId(),
                centreCode,
                number,
                status,
                openedAt,
                closedAt,
                closeReason,
                history.stream().map(PatientFileHistory::entry).toList(),
                version);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
