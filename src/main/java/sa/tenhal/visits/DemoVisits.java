package sa.tenhal.visits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;
import sa.tenhal.shared.Language;

/**
 * Demo visit records, so a newcomer sees a real record: the first demo children have a year of past visits — speech
 * and OT sessions with signed session notes, nursing visits with vitals that draw a growth curve — with diagnoses on
 * their problem list and a few orders; the speech clinic's first therapist has notes left to sign on "My day". The measurements
 * follow a smooth made-up curve, not a child's real data. Past visits are written directly (booking refuses the past),
 * so they name no appointment of the calendar.
 */
@Component
@DemoData
@Order(70)
class DemoVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

    private static final String[][] DIAGNOSES = {
        {"F80.1", "F80.2"}, {"F84.0", "F80.9"}, {"F82", "R62.0"}, {"F90.0"}, {"F80.0"}, {"R63.3", "F98.2"}
    };

    private final VisitStore store;
    private final Icd10Codes codes;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final ClinicTime time;
    private final JdbcClient jdbc;
    private final String centreCode;

    DemoVisits(
            VisitStore store,
            Icd10Codes codes,
            ClinicCatalog catalog,
            PatientRegistry patients,
            ClinicTime time,
            JdbcClient jdbc,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.store = store;
        this.codes = codes;
        this.catalog = catalog;
        this.patients = patients;
        this.time = time;
        this.jdbc = jdbc;
        this.centreCode = centreCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from visit_record").query(Long.class).single() > 0) {
            return;
        }
        codes.loadShipped();
        Map<Discipline, ClinicDetails> clinics = catalog.clinics(centreCode, true, PageRequest.of(0, 50)).stream()
                .collect(Collectors.toMap(ClinicDetails::discipline, Function.identity(), (a, b) -> a));
        ClinicDetails speech = clinics.get(Discipline.SPEECH_LANGUAGE);
        ClinicDetails ot = clinics.get(Discipline.OCCUPATIONAL_THERAPY);
        ClinicDetails nursing = clinics.getOrDefault(Discipline.NURSING, clinics.get(Discipline.MEDICAL));
        if (speech == null || ot == null || nursing == null) {
            return;
        }
        LocalDate today = time.today();
        List<PatientDetails> children = patients.list(PatientStatus.ACTIVE, PageRequest.of(0, 50)).stream()
                .filter(p -> p.birthDate() != null && p.birthDate().isAfter(today.minusYears(8)))
                .limit(6)
                .toList();
        int visits = 0;
        for (int c = 0; c < children.size(); c++) {
            PatientDetails child = children.get(c);
            String[] diagnoses = DIAGNOSES[c % DIAGNOSES.length];
            for (int month = 12; month >= 1; month--) {
                LocalDate day = today.minusMonths(month).plusDays(c);
                if (day.isBefore(child.birthDate())) {
                    continue;
                }
                ClinicDetails clinic = month % 3 == 0 ? nursing : month % 3 == 1 ? speech : ot;
                boolean last = month == 1 && clinic == speech;
                visit(
                        child,
                        clinic,
                        day.atTime(9 + c % 6, 0).atZone(time.zone()).toInstant(),
                        diagnoses,
                        month,
                        !last);
                visits++;
            }
        }
        log.info("Demo visits: {} past visits for {} children", visits, children.size());
    }

    private void visit(
            PatientDetails child, ClinicDetails clinic, Instant at, String[] diagnoses, int month, boolean signed) {
        ProviderDetails provider =
                catalog.activeProviders(clinic.id()).stream().findFirst().orElse(null);
        ServiceDetails service = catalog.services(clinic.id(), true, PageRequest.of(0, 1)).stream()
                .findFirst()
                .orElse(null);
        NoteContent note = NoteKind.of(clinic.discipline()) == NoteKind.SESSION
                ? session(clinic.discipline(), month)
                : new NoteContent(
                        "Growth and development check",
                        "Parents report good appetite; sleeps through the night.",
                        "Alert and interactive. Weight and length measured, plotted on the growth chart.",
                        "Growing along their curve.",
                        "Review in three months; continue therapies.",
                        List.of(),
                        null,
                        null);
        VisitRecord record = new VisitRecord(
                sa.tenhal.platform.Ids.newId(),
                0,
                UUID.randomUUID(),
                child.id(),
                clinic.id().value(),
                provider == null ? null : provider.id().value(),
                service == null ? null : service.id().value(),
                clinic.discipline(),
                NoteKind.of(clinic.discipline()),
                at,
                note,
                at,
                provider == null ? null : provider.userId().value(),
                signed ? at.plus(2, ChronoUnit.HOURS) : null,
                signed && provider != null ? provider.userId().value() : null,
                signed && provider != null ? provider.name(Language.EN) : null,
                at,
                List.of());
        store.insert(record);
        if (signed) {
            store.update(record, 0);
        }
        if (service != null) {
            store.replaceServices(
                    record.id, List.of(new PerformedService(service.id().value(), 1)));
        }
        LocalDate day = time.local(at).toLocalDate();
        if (month == 12 || month == 11 || month == 10) {
            // the first visits of the year recorded the diagnoses
            for (int i = 0; i < diagnoses.length; i++) {
                var code = codes.find(diagnoses[i]).orElse(null);
                if (code != null && !store.hasDiagnosis(record.id, code.code())) {
                    store.insertDiagnosis(record.id, child.id().value(), code, i == 0, at, record.openedBy);
                    store.addProblem(child.id().value(), code, day, record.id);
                }
            }
        }
        if (clinic.discipline() == Discipline.NURSING || clinic.discipline() == Discipline.MEDICAL) {
            double months = ChronoUnit.DAYS.between(child.birthDate(), day) / 30.4375;
            store.insertVitals(record.id, child.id().value(), at.plusSeconds(600), growth(months), record.openedBy);
            if (month == 6) {
                store.insertOrder(
                        record.id,
                        child.id().value(),
                        OrderKind.LAB,
                        "718-7",
                        "Haemoglobin [Mass/volume] in Blood",
                        null,
                        at,
                        record.openedBy);
                store.insertOrder(
                        record.id,
                        child.id().value(),
                        OrderKind.LAB,
                        "1989-3",
                        "Vitamin D 25-hydroxy",
                        "Fasting not needed",
                        at,
                        record.openedBy);
            }
        }
    }

    /** A smooth, made-up growth curve (plausible, not a reference). */
    static Vitals growth(double months) {
        double weight = 3.3 + 8.0 * (1 - Math.exp(-months / 9.0)) + 0.16 * months;
        double length = 50 + 24 * (1 - Math.exp(-months / 8.0)) + 0.55 * months;
        double head = 34.5 + 12 * (1 - Math.exp(-months / 9.0)) + 0.02 * months;
        return new Vitals(
                BigDecimal.valueOf(weight).setScale(2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(Math.min(length, 249)).setScale(1, RoundingMode.HALF_UP),
                BigDecimal.valueOf(Math.min(head, 69)).setScale(1, RoundingMode.HALF_UP),
                new BigDecimal("36.8"),
                110,
                26,
                null,
                null,
                98);
    }

    private static NoteContent session(Discipline discipline, int month) {
        var template = NoteTemplates.shipped(discipline);
        List<NoteContent.Goal> goals = new ArrayList<>();
        int progress = Math.min(10, 11 - month);
        for (String goal : template.goals().split("\n")) {
            goals.add(new NoteContent.Goal(goal, Math.max(progress, 1) + " of 10 trials with support"));
        }
        return new NoteContent(
                "Weekly session",
                null,
                null,
                null,
                null,
                goals,
                "Structured play, picture cards, turn-taking games.",
                "Practise the session's activities 10 minutes a day; note what works.");
    }
}
