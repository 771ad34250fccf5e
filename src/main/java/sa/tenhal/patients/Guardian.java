package sa.tenhal.patients;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import sa.tenhal.platform.Ids;

/** Someone who speaks for a child patient: name, relation, phone; one of them is the primary contact. */
@Entity
@Table(name = "patient_guardian")
class Guardian {

    @Id
    private UUID id = Ids.newId();

    private String name;

    @Enumerated(EnumType.STRING)
    private GuardianRelation relation;

    private String phone;
    private boolean primaryContact;
    private int position;

    void set(String name, GuardianRelation relation, String phone, boolean primaryContact, int position) {
        this.name = name;
        this.relation = relation;
        this.phone = phone;
        this.primaryContact = primaryContact;
        this.position = position;
    }

    Guardian copyAsSecondary(int position) {
        Guardian copy = new Guardian();
        copy.set(name, relation, phone, false, position);
        return copy;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String phone() {
        return phone;
    }

    boolean primaryContact() {
        return primaryContact;
    }

    int position() {
        return position;
    }

    String fingerprint() {
        return id + "|" + name + "|" + relation + "|" + phone + "|" + primaryContact;
    }

    PatientDetails.Guardian details() {
        return new PatientDetails.Guardian(id, name, relation, phone, primaryContact);
    }
}
