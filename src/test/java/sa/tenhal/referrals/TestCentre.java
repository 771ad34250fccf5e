package sa.tenhal.referrals;

import java.util.Set;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.Unique;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.identity.Role;

/** A centre of its own for a test: speech, OT and psychology clinics, a speech therapist and an OT. */
public record TestCentre(
        ClinicDetails speech,
        ClinicDetails ot,
        ClinicDetails psychology,
        Caller speechTherapist,
        Caller occupationalTherapist,
        ProviderDetails speechProvider,
        ProviderDetails otProvider) {

    public static TestCentre create(CatalogAdministration catalog, StaffFixtures staff) {
        String centre = Unique.code("RF");
        catalog.createCentre(new CentreForm(
                centre, "Referral Centre", "مركز الإحالات", null, null, null, null, null, null, null, null));
        ClinicDetails speech = catalog.createClinic(
                new ClinicForm(centre, "SP", "Speech Therapy", "علاج النطق", Discipline.SPEECH_LANGUAGE, null));
        ClinicDetails ot = catalog.createClinic(new ClinicForm(
                centre, "OT", "Occupational Therapy", "العلاج الوظيفي", Discipline.OCCUPATIONAL_THERAPY, null));
        ClinicDetails psychology = catalog.createClinic(
                new ClinicForm(centre, "PSY", "Psychology", "علم النفس", Discipline.PSYCHOLOGY, null));
        Caller speechTherapist = staff.as(Role.PROVIDER);
        Caller occupationalTherapist = staff.as(Role.PROVIDER);
        ProviderDetails speechProvider = catalog.createProvider(new ProviderForm(
                speechTherapist.id().value(),
                "Sara Speech",
                "سارة",
                "SLP-" + centre,
                "Speech-language pathology",
                Set.of(speech.id().value())));
        ProviderDetails otProvider = catalog.createProvider(new ProviderForm(
                occupationalTherapist.id().value(),
                "Omar OT",
                "عمر",
                "OT-" + centre,
                "Occupational therapy",
                Set.of(ot.id().value())));
        return new TestCentre(
                speech, ot, psychology, speechTherapist, occupationalTherapist, speechProvider, otProvider);
    }
}
