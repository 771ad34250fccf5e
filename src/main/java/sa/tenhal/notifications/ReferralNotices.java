package sa.tenhal.notifications;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.StaffMember;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.referrals.ReferralAccepted;
import sa.tenhal.referrals.ReferralCreated;
import sa.tenhal.referrals.ReferralOverdue;
import sa.tenhal.referrals.ReferralRejected;
import sa.tenhal.referrals.ReferralStatistics;
import sa.tenhal.referrals.ReferralStatisticsCompiled;
import sa.tenhal.shared.Language;

/**
 * Referral notices to staff (seed 004 referral signals and tasks): a new referral to the receiving clinic's providers;
 * its acceptance or rejection to the referring provider (or the sending clinic's providers); a late answer to the
 * receiving clinic, then to the managers; the weekly statistics to the managers. In the inbox and by email; the email
 * names the patient's record number only, the inbox (behind sign-in) their name too.
 */
@Component
class ReferralNotices {

    private static final List<Channel> INBOX_AND_EMAIL = List.of(Channel.IN_APP, Channel.EMAIL);

    private final ClinicCatalog catalog;
    private final StaffDirectory staff;
    private final PatientRegistry patients;
    private final Recipients recipients;
    private final Messages messages;
    private final ClinicTime time;

    ReferralNotices(
            ClinicCatalog catalog,
            StaffDirectory staff,
            PatientRegistry patients,
            Recipients recipients,
            Messages messages,
            ClinicTime time) {
        this.time = time;
        this.catalog = catalog;
        this.staff = staff;
        this.patients = patients;
        this.recipients = recipients;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ReferralCreated created) {
        if (created.toClinic() == null) {
            return; // an outside facility hears from the referrer, not from Tenhal
        }
        tell(
                providersOf(created.toClinic()),
                "referral-created",
                "ReferralCreated:" + created.referralId(),
                created.patient(),
                Map.of(
                        "fromClinic",
                        catalog.clinic(created.fromClinic()),
                        "urgent",
                        created.urgency().name().equals("URGENT")),
                false);
    }

    @ApplicationModuleListener
    void on(ReferralAccepted accepted) {
        tell(
                referrers(accepted.fromProvider(), accepted.fromClinic()),
                "referral-accepted",
                "ReferralAccepted:" + accepted.referralId(),
                accepted.patient(),
                Map.of("toClinic", catalog.clinic(accepted.toClinic())),
                false);
    }

    @ApplicationModuleListener
    void on(ReferralRejected rejected) {
        tell(
                referrers(rejected.fromProvider(), rejected.fromClinic()),
                "referral-rejected",
                "ReferralRejected:" + rejected.referralId(),
                rejected.patient(),
                Map.of("toClinic", catalog.clinic(rejected.toClinic())),
                false);
    }

    @ApplicationModuleListener
    void on(ReferralOverdue overdue) {
        Collection<StaffMember> to =
                overdue.escalated() ? staff.withRole(Role.MANAGER) : providersOf(overdue.toClinic());
        tell(
                to,
                "referral-overdue",
                "ReferralOverdue:" + overdue.referralId() + ":" + (overdue.escalated() ? "escalated" : "reminder"),
                overdue.patient(),
                Map.of(
                        "toClinic", catalog.clinic(overdue.toClinic()),
                        "escalated", overdue.escalated(),
                        // respondBy is the start of the day after the deadline: people think of the deadline day
                        "deadline",
                                time.local(overdue.respondBy().minusSeconds(1))
                                        .toLocalDate()
                                        .toString()),
                overdue.escalated());
    }

    @ApplicationModuleListener
    void on(ReferralStatisticsCompiled compiled) {
        ReferralStatistics statistics = compiled.statistics();
        Set<ClinicId> ids = new LinkedHashSet<>();
        statistics.byClinicPair().forEach(row -> {
            ids.add(new ClinicId(row.fromClinicId()));
            if (row.toClinicId() != null) {
                ids.add(new ClinicId(row.toClinicId()));
            }
        });
        Map<ClinicId, ClinicDetails> clinics = catalog.clinics(ids);
        for (StaffMember manager : staff.withRole(Role.MANAGER)) {
            Language language = manager.language();
            List<Map<String, Object>> rows = statistics.byClinicPair().stream()
                    .map(row -> Map.<String, Object>of(
                            "from",
                            name(clinics.get(new ClinicId(row.fromClinicId())), language),
                            "to",
                            row.toClinicId() == null
                                    ? (language == Language.AR ? "جهة خارجية" : "outside facility")
                                    : name(clinics.get(new ClinicId(row.toClinicId())), language),
                            "counts",
                            row))
                    .toList();
            messages.send(new Outgoing(
                    "referral-statistics",
                    "ReferralStatistics:" + statistics.from() + ":" + statistics.to(),
                    recipients.staff(manager),
                    List.of(Channel.EMAIL, Channel.IN_APP),
                    Map.of(
                            "statistics",
                            statistics,
                            "rows",
                            rows,
                            "inboxLink",
                            "/api/v1/referrals/statistics?from=" + statistics.from() + "&to=" + statistics.to()),
                    false));
        }
    }

    private static String name(ClinicDetails clinic, Language language) {
        return clinic == null ? "—" : clinic.name(language);
    }

    private void tell(
            Collection<StaffMember> to,
            String kind,
            String source,
            PatientId patientId,
            Map<String, Object> extra,
            boolean urgent) {
        PatientDetails patient = patients.find(patientId).orElse(null);
        if (patient == null) {
            return;
        }
        for (StaffMember member : to) {
            if (!member.enabled()) {
                continue;
            }
            Language language = member.language();
            Map<String, Object> model = new HashMap<>(extra);
            model.put("patientName", patient.fullName(language));
            model.put("mrn", patient.mrn() == null ? "—" : patient.mrn());
            model.put("inboxLink", "/patients/" + patient.id() + "#referrals");
            messages.send(new Outgoing(kind, source, recipients.staff(member), INBOX_AND_EMAIL, model, urgent));
        }
    }

    /** The referring provider, or when none was named, every provider of the sending clinic. */
    private Collection<StaffMember> referrers(ProviderId provider, ClinicId fromClinic) {
        if (provider != null) {
            ProviderDetails details = catalog.provider(provider);
            return staff.find(details.userId()).map(List::of).orElse(List.of());
        }
        return providersOf(fromClinic);
    }

    private Collection<StaffMember> providersOf(ClinicId clinic) {
        List<UserId> users = catalog.activeProviders(clinic).stream()
                .map(ProviderDetails::userId)
                .toList();
        Collection<StaffMember> members = staff.findAll(users).values();
        // A clinic without providers on Tenhal still has someone to answer: the managers.
        return members.isEmpty() ? staff.withRole(Role.MANAGER) : members;
    }
}
