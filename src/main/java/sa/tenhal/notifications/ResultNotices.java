package sa.tenhal.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.StaffMember;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;
import sa.tenhal.visits.ResultArrived;
import sa.tenhal.visits.ResultFlag;

/**
 * A result filed on a patient is a notice in the ordering clinician's inbox (docs/results.md). A critical one is also
 * an urgent email (quiet hours do not hold it back); a critical result no clinician ordered goes to the managers. The
 * email names the test, the flag and the record number only; the inbox (behind sign-in) the patient's name too; values
 * travel in neither.
 */
@Component
class ResultNotices {

    private final StaffDirectory staff;
    private final Recipients recipients;
    private final Messages messages;
    private final PatientRegistry patients;

    ResultNotices(StaffDirectory staff, Recipients recipients, Messages messages, PatientRegistry patients) {
        this.staff = staff;
        this.recipients = recipients;
        this.messages = messages;
        this.patients = patients;
    }

    @ApplicationModuleListener
    void on(ResultArrived arrived) {
        boolean critical = arrived.flag() == ResultFlag.CRITICAL;
        List<StaffMember> to = arrived.clinician() == null
                ? List.of()
                : staff.find(new UserId(arrived.clinician()))
                        .filter(StaffMember::enabled)
                        .map(List::of)
                        .orElse(List.of());
        if (to.isEmpty() && critical) {
            to = staff.withRole(Role.MANAGER);
        }
        if (to.isEmpty()) {
            return;
        }
        PatientDetails patient = patients.find(arrived.patientId()).orElse(null);
        for (StaffMember member : to) {
            Map<String, Object> model = new HashMap<>();
            model.put("test", arrived.test() == null ? "—" : arrived.test());
            model.put("flag", arrived.flag().name());
            model.put("correction", arrived.correction());
            model.put("patientName", patient == null ? "—" : patient.fullName(Language.EN));
            model.put("patientNameAr", patient == null ? "—" : patient.fullName(Language.AR));
            model.put("mrn", patient == null || patient.mrn() == null ? "—" : patient.mrn());
            model.put("inboxLink", "/results/" + arrived.resultId());
            messages.send(new Outgoing(
                    critical ? "result-critical" : "result-arrived",
                    "ResultArrived:" + arrived.resultId() + ":" + arrived.at().toEpochMilli(),
                    recipients.staff(member),
                    critical ? List.of(Channel.IN_APP, Channel.EMAIL) : List.of(Channel.IN_APP),
                    model,
                    critical));
        }
    }
}
