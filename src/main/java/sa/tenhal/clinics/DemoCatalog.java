package sa.tenhal.clinics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.platform.DemoData;

/**
 * The demo centre on the embedded default: one centre, six clinics, twelve providers (two per clinic), rooms and
 * services with realistic durations and SAR prices.
 */
@Component
@DemoData
@Order(20)
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private record DemoClinic(
            String code,
            String nameEn,
            String nameAr,
            Discipline discipline,
            List<String> providers,
            List<DemoRoom> rooms,
            List<DemoService> services) {}

    private record DemoRoom(String code, String nameEn, String nameAr, RoomKind kind) {}

    private record DemoService(
            String code, String nameEn, String nameAr, int minutes, int buffer, String price, RoomKind room) {}

    private static final List<DemoClinic> CLINICS = List.of(
            new DemoClinic(
                    "MED",
                    "Paediatric Medicine",
                    "طب الأطفال",
                    Discipline.MEDICAL,
                    List.of("provider", "dr.omar"),
                    List.of(
                            new DemoRoom("M1", "Consultation 1", "عيادة 1", RoomKind.CONSULTATION),
                            new DemoRoom("M2", "Consultation 2", "عيادة 2", RoomKind.CONSULTATION)),
                    List.of(
                            new DemoService(
                                    "MED-CONS",
                                    "Paediatric consultation",
                                    "استشارة طب أطفال",
                                    20,
                                    5,
                                    "300.00",
                                    RoomKind.CONSULTATION),
                            new DemoService(
                                    "MED-DEV",
                                    "Developmental assessment",
                                    "تقييم نمائي",
                                    60,
                                    10,
                                    "800.00",
                                    RoomKind.CONSULTATION),
                            new DemoService(
                                    "MED-FU",
                                    "Follow-up visit",
                                    "زيارة متابعة",
                                    15,
                                    5,
                                    "200.00",
                                    RoomKind.CONSULTATION))),
            new DemoClinic(
                    "NUR",
                    "Nursing",
                    "التمريض",
                    Discipline.NURSING,
                    List.of("nurse", "nurse.amal"),
                    List.of(new DemoRoom("N1", "Treatment room", "غرفة العلاج", RoomKind.PROCEDURE)),
                    List.of(
                            new DemoService(
                                    "NUR-VIT",
                                    "Vital signs and growth check",
                                    "العلامات الحيوية وقياس النمو",
                                    15,
                                    0,
                                    "80.00",
                                    RoomKind.PROCEDURE),
                            new DemoService("NUR-VAC", "Vaccination", "تطعيم", 15, 5, "120.00", RoomKind.PROCEDURE))),
            new DemoClinic(
                    "SLP",
                    "Speech-Language Therapy",
                    "علاج النطق واللغة",
                    Discipline.SPEECH_LANGUAGE,
                    List.of("slp.reem", "slp.yousef"),
                    List.of(
                            new DemoRoom("S1", "Speech room 1", "غرفة النطق 1", RoomKind.THERAPY),
                            new DemoRoom("S2", "Speech room 2", "غرفة النطق 2", RoomKind.THERAPY)),
                    List.of(
                            new DemoService(
                                    "SLP-EVAL",
                                    "Speech-language assessment",
                                    "تقييم النطق واللغة",
                                    60,
                                    15,
                                    "600.00",
                                    RoomKind.THERAPY),
                            new DemoService(
                                    "SLP-SES",
                                    "Speech therapy session",
                                    "جلسة علاج نطق",
                                    45,
                                    15,
                                    "350.00",
                                    RoomKind.THERAPY),
                            new DemoService(
                                    "SLP-FEED",
                                    "Feeding therapy session",
                                    "جلسة علاج صعوبات البلع والتغذية",
                                    45,
                                    15,
                                    "400.00",
                                    RoomKind.THERAPY))),
            new DemoClinic(
                    "OT",
                    "Occupational Therapy",
                    "العلاج الوظيفي",
                    Discipline.OCCUPATIONAL_THERAPY,
                    List.of("ot.lama", "ot.fahad"),
                    List.of(
                            new DemoRoom("O1", "OT room", "غرفة العلاج الوظيفي", RoomKind.THERAPY),
                            new DemoRoom("O2", "Sensory gym", "صالة التكامل الحسي", RoomKind.SENSORY_INTEGRATION)),
                    List.of(
                            new DemoService(
                                    "OT-EVAL",
                                    "Occupational therapy assessment",
                                    "تقييم العلاج الوظيفي",
                                    60,
                                    15,
                                    "600.00",
                                    RoomKind.THERAPY),
                            new DemoService(
                                    "OT-SES",
                                    "Occupational therapy session",
                                    "جلسة علاج وظيفي",
                                    45,
                                    15,
                                    "350.00",
                                    RoomKind.THERAPY),
                            new DemoService(
                                    "OT-SI",
                                    "Sensory integration session",
                                    "جلسة تكامل حسي",
                                    45,
                                    15,
                                    "400.00",
                                    RoomKind.SENSORY_INTEGRATION))),
            new DemoClinic(
                    "ABA",
                    "Applied Behaviour Analysis",
                    "تحليل السلوك التطبيقي",
                    Discipline.ABA,
                    List.of("aba.hessa", "aba.majed"),
                    List.of(
                            new DemoRoom("A1", "ABA room 1", "غرفة تحليل السلوك 1", RoomKind.THERAPY),
                            new DemoRoom("A2", "ABA room 2", "غرفة تحليل السلوك 2", RoomKind.THERAPY)),
                    List.of(
                            new DemoService(
                                    "ABA-EVAL",
                                    "ABA assessment (VB-MAPP)",
                                    "تقييم تحليل السلوك (VB-MAPP)",
                                    90,
                                    15,
                                    "900.00",
                                    RoomKind.THERAPY),
                            new DemoService(
                                    "ABA-SES",
                                    "ABA therapy session",
                                    "جلسة تحليل سلوك",
                                    60,
                                    10,
                                    "300.00",
                                    RoomKind.THERAPY),
                            new DemoService("ABA-PT", "Parent training", "تدريب الوالدين", 60, 10, "350.00", null))),
            new DemoClinic(
                    "PSY",
                    "Psychology",
                    "علم النفس",
                    Discipline.PSYCHOLOGY,
                    List.of("psy.abeer", "psy.nasser"),
                    List.of(
                            new DemoRoom("P1", "Psychology room", "غرفة العلاج النفسي", RoomKind.CONSULTATION),
                            new DemoRoom("P2", "Assessment room", "غرفة التقييم", RoomKind.ASSESSMENT)),
                    List.of(
                            new DemoService(
                                    "PSY-EVAL",
                                    "Psychological assessment",
                                    "تقييم نفسي",
                                    90,
                                    15,
                                    "1000.00",
                                    RoomKind.ASSESSMENT),
                            new DemoService(
                                    "PSY-SES",
                                    "Psychotherapy session",
                                    "جلسة علاج نفسي",
                                    50,
                                    10,
                                    "500.00",
                                    RoomKind.CONSULTATION),
                            new DemoService(
                                    "PSY-PAR",
                                    "Parent consultation",
                                    "استشارة الوالدين",
                                    45,
                                    15,
                                    "400.00",
                                    RoomKind.CONSULTATION))));

    private static final Map<String, String[]> PROVIDER_DETAILS = Map.ofEntries(
            Map.entry("provider", new String[] {"Paediatrics", "SCFHS-10234"}),
            Map.entry("dr.omar", new String[] {"Developmental paediatrics", "SCFHS-10871"}),
            Map.entry("nurse", new String[] {"Paediatric nursing", "SCFHS-22107"}),
            Map.entry("nurse.amal", new String[] {"Paediatric nursing", "SCFHS-22388"}),
            Map.entry("slp.reem", new String[] {"Speech-language pathology", "SCFHS-31450"}),
            Map.entry("slp.yousef", new String[] {"Speech-language pathology", "SCFHS-31922"}),
            Map.entry("ot.lama", new String[] {"Occupational therapy", "SCFHS-42016"}),
            Map.entry("ot.fahad", new String[] {"Occupational therapy", "SCFHS-42577"}),
            Map.entry("aba.hessa", new String[] {"Behaviour analysis (BCBA)", "SCFHS-53140"}),
            Map.entry("aba.majed", new String[] {"Behaviour analysis (BCaBA)", "SCFHS-53662"}),
            Map.entry("psy.abeer", new String[] {"Clinical psychology", "SCFHS-64008"}),
            Map.entry("psy.nasser", new String[] {"Child psychology", "SCFHS-64519"}));

    private final Centres centres;
    private final CatalogAdministration admin;
    private final StaffDirectory staff;
    private final String centreCode;

    DemoCatalog(
            Centres centres,
            CatalogAdministration admin,
            StaffDirectory staff,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.centres = centres;
        this.admin = admin;
        this.staff = staff;
        this.centreCode = centreCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (centres.existsByCode(centreCode)) {
            return;
        }
        admin.createCentre(new CentreForm(
                centreCode,
                "Tenhal Child Development Centre",
                "مركز تنهال لتنمية الطفل",
                "310122393500003",
                "1010010000",
                "0112345678",
                "King Fahd Road",
                "2222",
                "Al Olaya",
                "Riyadh",
                "12214",
                "طريق الملك فهد",
                "العليا",
                "الرياض"));
        for (DemoClinic c : CLINICS) {
            ClinicDetails clinic = admin.createClinic(
                    new ClinicForm(centreCode, c.code(), c.nameEn(), c.nameAr(), c.discipline(), "0112345678"));
            UUID clinicId = clinic.id().value();
            for (DemoRoom r : c.rooms()) {
                admin.createRoom(new RoomForm(clinicId, r.code(), r.nameEn(), r.nameAr(), r.kind()));
            }
            for (DemoService s : c.services()) {
                admin.createService(new ServiceForm(
                        clinicId,
                        s.code(),
                        s.nameEn(),
                        s.nameAr(),
                        s.minutes(),
                        s.buffer(),
                        new BigDecimal(s.price()),
                        VatCategory.STANDARD,
                        s.room(),
                        // not real NPHIES codes: a clinic enters its own from the payer's price list
                        "DEMO-" + s.code(),
                        InsuranceServiceType.SERVICES));
            }
            for (String username : c.providers()) {
                var user = staff.findByUsername(username).orElseThrow();
                String[] details = PROVIDER_DETAILS.get(username);
                admin.createProvider(new ProviderForm(
                        user.id().value(),
                        user.fullNameEn(),
                        user.fullNameAr(),
                        details[1],
                        details[0],
                        Set.of(clinicId)));
            }
        }
        log.info("Demo centre {} created: {} clinics, 12 providers", centreCode, CLINICS.size());
    }
}
