package sa.tenhal.integrations.zatca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.finance.DocumentKind;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.InvoiceStatus;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Payer;

/** Documents of every kind Tenhal issues, built as finance would (line by line, rounded on the line). */
final class ZatcaSamples {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    static final CentreDetails CENTRE = new CentreDetails(
            UUID.randomUUID(),
            "RYD",
            "Tenhal Child Development Centre",
            "مركز تنهال لتنمية الطفل",
            "310122393500003",
            "1010101010",
            null,
            "King Fahd Road",
            "1234",
            "Al Olaya",
            "Riyadh",
            "12211",
            true,
            0);

    /** The SDK's published test key and certificate (R3.4). */
    static StampKey sdkKey() {
        try {
            Path dir = SdkSamplesTests.SAMPLES;
            byte[] key = Files.readAllBytes(dir.resolve("test_zatca_pkey.der"));
            String token = Files.readString(dir.resolve("zatca_cert_b64.txt")).strip();
            String certificate = new String(java.util.Base64.getDecoder().decode(token)).strip();
            return StampKey.of(Crypto.privateKey(key), certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record L(String name, int quantity, String unitPrice, String lineDiscount, String category) {}

    static InvoiceView.Line line(int position, L l, BigDecimal share) {
        BigDecimal unit = new BigDecimal(l.unitPrice()).setScale(2);
        BigDecimal gross = unit.multiply(BigDecimal.valueOf(l.quantity())).setScale(2, RoundingMode.HALF_UP);
        BigDecimal discount = l.lineDiscount() == null ? new BigDecimal("0.00") : new BigDecimal(l.lineDiscount());
        BigDecimal net = gross.subtract(discount).subtract(share);
        boolean zero = l.category().equals("Z");
        BigDecimal rate = zero ? new BigDecimal("0.00") : new BigDecimal("15.00");
        BigDecimal vat = net.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new InvoiceView.Line(
                position,
                UUID.randomUUID(),
                l.name(),
                "خدمة " + position,
                l.quantity(),
                unit,
                gross,
                discount,
                null,
                discount.signum() > 0 ? "staff discount" : null,
                share,
                net,
                l.category(),
                rate,
                zero ? "VATEX-SA-HEA" : null,
                zero ? "Private healthcare to citizen" : null,
                vat,
                net.add(vat));
    }

    /** A document with the lines; {@code invoiceDiscount} shared over the lines in proportion (largest takes rest). */
    static InvoiceView document(
            DocumentKind kind,
            Payer payer,
            String number,
            InvoiceView original,
            String buyerName,
            String nationalId,
            String invoiceDiscount,
            L... lines) {
        BigDecimal discount = invoiceDiscount == null ? new BigDecimal("0.00") : new BigDecimal(invoiceDiscount);
        List<BigDecimal> bases = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        for (L l : lines) {
            BigDecimal b = new BigDecimal(l.unitPrice())
                    .multiply(BigDecimal.valueOf(l.quantity()))
                    .subtract(l.lineDiscount() == null ? BigDecimal.ZERO : new BigDecimal(l.lineDiscount()));
            bases.add(b);
            base = base.add(b);
        }
        List<InvoiceView.Line> made = new ArrayList<>();
        BigDecimal shared = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 1; i < lines.length; i++) {
            if (bases.get(i).compareTo(bases.get(largest)) > 0) {
                largest = i;
            }
        }
        BigDecimal[] shares = new BigDecimal[lines.length];
        for (int i = 0; i < lines.length; i++) {
            if (i != largest) {
                shares[i] = discount.multiply(bases.get(i)).divide(base, 2, RoundingMode.HALF_UP);
                shared = shared.add(shares[i]);
            }
        }
        shares[largest] = discount.subtract(shared);
        for (int i = 0; i < lines.length; i++) {
            made.add(line(i + 1, lines[i], shares[i]));
        }
        BigDecimal gross = made.stream().map(InvoiceView.Line::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal taxable = made.stream().map(InvoiceView.Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = made.stream().map(InvoiceView.Line::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = taxable.add(vat);
        Instant issued = Instant.parse("2026-11-20T09:15:30Z");
        return new InvoiceView(
                new InvoiceId(UUID.randomUUID()),
                kind,
                payer,
                InvoiceStatus.ISSUED,
                "RYD",
                number,
                original == null ? null : original.id(),
                null,
                null,
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                payer == Payer.INSURER ? "INS-7001" : null,
                payer == Payer.INSURER ? buyerName : null,
                buyerName,
                nationalId,
                original == null ? null : "session cancelled",
                discount,
                null,
                discount.signum() > 0 ? "loyalty" : null,
                gross,
                gross.subtract(taxable),
                taxable,
                vat,
                total,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                total,
                LocalDate.parse("2026-11-19"),
                LocalDate.parse("2026-11-20"),
                issued,
                LocalDate.parse("2026-12-20"),
                made,
                0);
    }

    static UblWriter.Buyer patient(InvoiceView doc) {
        return new UblWriter.Buyer(
                doc.buyerName(),
                doc.buyerNationalId() == null ? null : "NAT",
                doc.buyerNationalId(),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static UblWriter.Buyer insurer(InvoiceView doc) {
        return new UblWriter.Buyer(
                doc.insurerName(),
                "CRN",
                "1010203040",
                "300000000000003",
                "Olaya Street",
                "7070",
                "Al Olaya",
                "Riyadh",
                "12244");
    }

    static UblWriter.Input input(InvoiceView doc, InvoiceView original, long icv, String pih) {
        return new UblWriter.Input(
                doc,
                original,
                CENTRE,
                doc.payer() == Payer.INSURER ? insurer(doc) : patient(doc),
                icv,
                pih,
                LocalDateTime.parse("2026-11-20T12:15:30"));
    }

    /** Every kind Tenhal issues: simplified and standard invoices, credit and debit notes, S and Z lines, discounts. */
    static List<UblWriter.Input> everyKind() {
        InvoiceView citizen = document(
                DocumentKind.INVOICE,
                Payer.PATIENT,
                "INV-RYD-000001",
                null,
                "محمد العتيبي",
                "1012345678",
                null,
                new L("Speech therapy session", 2, "350.00", null, "Z"));
        InvoiceView resident = document(
                DocumentKind.INVOICE,
                Payer.PATIENT,
                "INV-RYD-000002",
                null,
                "John Smith",
                null,
                "33.33",
                new L("Speech therapy session", 1, "350.00", "35.00", "S"),
                new L("Assessment", 3, "125.50", null, "S"));
        InvoiceView insurer = document(
                DocumentKind.INVOICE,
                Payer.INSURER,
                "INV-RYD-000003",
                null,
                "Bupa Arabia",
                null,
                null,
                new L("Speech therapy session (insurer share)", 1, "280.00", null, "S"));
        InvoiceView mixed = document(
                DocumentKind.INVOICE,
                Payer.PATIENT,
                "INV-RYD-000004",
                null,
                "سارة القحطاني",
                "1098765432",
                "10.00",
                new L("Occupational therapy", 1, "300.00", null, "Z"),
                new L("Brace (medical equipment)", 1, "199.99", "20.00", "S"));
        InvoiceView credit = document(
                DocumentKind.CREDIT_NOTE,
                Payer.PATIENT,
                "CRN-RYD-000001",
                resident,
                "John Smith",
                null,
                null,
                new L("Credit: Speech therapy session", 1, "100.00", null, "S"));
        InvoiceView debit = document(
                DocumentKind.DEBIT_NOTE,
                Payer.PATIENT,
                "DBN-RYD-000001",
                citizen,
                "محمد العتيبي",
                "1012345678",
                null,
                new L("Extra session", 1, "150.00", null, "Z"));
        InvoiceView insurerCredit = document(
                DocumentKind.CREDIT_NOTE,
                Payer.INSURER,
                "CRN-RYD-000002",
                insurer,
                "Bupa Arabia",
                null,
                null,
                new L("Credit: insurer share", 1, "80.00", null, "S"));
        InvoiceView insurerDebit = document(
                DocumentKind.DEBIT_NOTE,
                Payer.INSURER,
                "DBN-RYD-000002",
                insurer,
                "Bupa Arabia",
                null,
                null,
                new L("Extra: insurer share", 1, "40.00", null, "S"));
        return List.of(
                input(citizen, null, 1, Ubl.FIRST_PIH),
                input(resident, null, 2, Ubl.FIRST_PIH),
                input(insurer, null, 3, Ubl.FIRST_PIH),
                input(mixed, null, 4, Ubl.FIRST_PIH),
                input(credit, resident, 5, Ubl.FIRST_PIH),
                input(debit, citizen, 6, Ubl.FIRST_PIH),
                input(insurerCredit, insurer, 7, Ubl.FIRST_PIH),
                input(insurerDebit, insurer, 8, Ubl.FIRST_PIH));
    }
}
