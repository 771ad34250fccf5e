package sa.tenhal.integrations.nphies;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A demo insured child (a dependant on her father's policy) and a speech therapy visit, as message inputs. */
final class DemoChild {

    static final Parties.Provider PROVIDER =
            new Parties.Provider("N-F-00001", "N-L-00001", "http://tenhal.sa/RYD", "Tenhal Child Development Centre");
    static final Parties.Payer PAYER = new Parties.Payer("INS-BUPA", "N-I-00001", "N-I-00001", "Bupa Arabia", false);
    static final Instant AT = Instant.parse("2026-12-05T09:00:00Z");

    private DemoChild() {}

    static Parties.Member member() {
        return member("M-100200");
    }

    static Parties.Member member(String memberId) {
        return new Parties.Member(
                UUID.nameUUIDFromBytes(memberId.getBytes()),
                "RYD-2026-000123",
                "Lama",
                "Al-Qahtani",
                LocalDate.of(2021, 3, 14),
                "female",
                "NATIONAL_ID",
                "1098765432",
                null,
                UUID.nameUUIDFromBytes(("cov" + memberId).getBytes()),
                memberId,
                "P-77",
                "B",
                "child",
                "M-100100",
                LocalDate.of(2027, 12, 31));
    }

    static Parties.ClaimContent visit(String identifier, List<String> preAuthRefs) {
        return new Parties.ClaimContent(
                identifier,
                UUID.nameUUIDFromBytes(identifier.getBytes()),
                LocalDate.of(2026, 12, 5),
                true,
                new Parties.Practitioner(UUID.randomUUID(), "SCFHS-31450", "Reem Al-Harbi", "26.00"),
                List.of(new Parties.Diagnosis("F80.1", true), new Parties.Diagnosis("F84.0", false)),
                List.of(
                        new Parties.Item(
                                1,
                                "http://nphies.sa/terminology/CodeSystem/services",
                                "DEMO-SLP-SES",
                                "Speech therapy session",
                                1,
                                new BigDecimal("350.00"),
                                new BigDecimal("42.00"),
                                new BigDecimal("70.00"),
                                "RYD-INV-2026-000042",
                                LocalDate.of(2026, 12, 5),
                                UUID.randomUUID()),
                        new Parties.Item(
                                2,
                                "http://nphies.sa/terminology/CodeSystem/services",
                                "DEMO-SLP-PAR",
                                "Parent training",
                                2,
                                new BigDecimal("100.00"),
                                new BigDecimal("24.00"),
                                new BigDecimal("40.00"),
                                "RYD-INV-2026-000042",
                                LocalDate.of(2026, 12, 5),
                                UUID.randomUUID())),
                preAuthRefs,
                null);
    }
}
