package sa.tenhal.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.DemoData;
import sa.tenhal.shared.Language;

/**
 * Demo staff on the embedded default: one user per role (listed on the sign-in page and in the README) and the
 * twelve providers' users. Never present when a database server is configured.
 */
@Component
@DemoData
@Order(10)
public class DemoStaff implements ApplicationRunner {

    /** The shared demo password; documented in the README. */
    public static final String PASSWORD = "tenhal-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    /** A demo sign-in, as the sign-in page lists it. */
    public record DemoSignIn(String username, Role role, String fullNameEn, String fullNameAr) {}

    public static final List<DemoSignIn> SIGN_INS = List.of(
            new DemoSignIn("admin", Role.ADMIN, "Faisal Al-Otaibi", "فيصل العتيبي"),
            new DemoSignIn("manager", Role.MANAGER, "Noura Al-Saud", "نورة آل سعود"),
            new DemoSignIn("reception", Role.RECEPTIONIST, "Huda Al-Qahtani", "هدى القحطاني"),
            new DemoSignIn("provider", Role.PROVIDER, "Dr. Sara Al-Harbi", "د. سارة الحربي"),
            new DemoSignIn("nurse", Role.NURSE, "Mona Al-Dosari", "منى الدوسري"),
            new DemoSignIn("finance", Role.FINANCE, "Khalid Al-Ghamdi", "خالد الغامدي"));

    /** The providers' staff users (the first is the "provider" demo sign-in). */
    static final List<DemoSignIn> PROVIDER_USERS = List.of(
            new DemoSignIn("provider", Role.PROVIDER, "Dr. Sara Al-Harbi", "د. سارة الحربي"),
            new DemoSignIn("dr.omar", Role.PROVIDER, "Dr. Omar Al-Zahrani", "د. عمر الزهراني"),
            new DemoSignIn("nurse", Role.NURSE, "Mona Al-Dosari", "منى الدوسري"),
            new DemoSignIn("slp.reem", Role.PROVIDER, "Reem Al-Shehri", "ريم الشهري"),
            new DemoSignIn("slp.yousef", Role.PROVIDER, "Yousef Al-Mutairi", "يوسف المطيري"),
            new DemoSignIn("ot.lama", Role.PROVIDER, "Lama Al-Anazi", "لمى العنزي"),
            new DemoSignIn("ot.fahad", Role.PROVIDER, "Fahad Al-Shammari", "فهد الشمري"),
            new DemoSignIn("aba.hessa", Role.PROVIDER, "Hessa Al-Subaie", "حصة السبيعي"),
            new DemoSignIn("aba.majed", Role.PROVIDER, "Majed Al-Rashidi", "ماجد الرشيدي"),
            new DemoSignIn("psy.abeer", Role.PROVIDER, "Dr. Abeer Al-Malki", "د. عبير المالكي"),
            new DemoSignIn("psy.nasser", Role.PROVIDER, "Dr. Nasser Al-Juhani", "د. ناصر الجهني"),
            new DemoSignIn("nurse.amal", Role.NURSE, "Amal Al-Harthi", "أمل الحارثي"));

    private final StaffUsers users;
    private final StaffAccounts accounts;

    DemoStaff(StaffUsers users, StaffAccounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByUsername("admin")) {
            return;
        }
        Set<DemoSignIn> all = new LinkedHashSet<>(SIGN_INS);
        all.addAll(PROVIDER_USERS);
        for (DemoSignIn s : all) {
            accounts.create(new NewStaffUser(
                    s.username(),
                    s.fullNameEn(),
                    s.fullNameAr(),
                    s.username() + "@demo.tenhal.sa",
                    Set.of(s.role()),
                    s.role() == Role.ADMIN ? Language.EN : Language.AR,
                    PASSWORD));
        }
        log.info("Demo staff created: {} users, password '{}'", all.size(), PASSWORD);
    }
}
