package sa.tenhal.finance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.ControlCharacters;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.ProblemException;

/**
 * The seed's process_batch_payments: a CSV of bank transfers or insurer remittances ({@code
 * transaction,date,amount,reference}), each matched to the invoice whose number its reference is and recorded as a
 * payment of it (anything above what is open stays as the payer's credit). Each row commits on its own; the report
 * lists what did not match and why. A transaction id already recorded is not recorded again, so importing the same
 * file twice changes nothing the second time.
 */
@Service
public class PaymentImports {

    /** What an import did: the rows recorded and those that did not match, with their line numbers. */
    public record Report(
            UUID batchId,
            int rows,
            int imported,
            BigDecimal importedAmount,
            List<PaymentView> payments,
            List<Unmatched> unmatched) {}

    public record Unmatched(long line, String transaction, String reference, String amount, String reason) {}

    private final Payments payments;
    private final Invoices invoices;
    private final TransactionTemplate perRow;

    PaymentImports(Payments payments, Invoices invoices, PlatformTransactionManager transactions) {
        this.payments = payments;
        this.invoices = invoices;
        this.perRow = new TransactionTemplate(transactions);
        this.perRow.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public Report importCsv(Reader csv, PaymentMethod method, UUID recordedBy) {
        if (method != PaymentMethod.BANK_TRANSFER && method != PaymentMethod.INSURANCE_REMITTANCE) {
            throw new InvalidFieldsException("method", "imports are bank transfers or insurance remittances");
        }
        UUID batch = Ids.newId();
        List<PaymentView> recorded = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        int rows = 0;
        BigDecimal total = Sar.ZERO;
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(csv)) {
            for (String column : List.of("transaction", "amount", "reference")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new InvalidFieldsException("file", "the header needs transaction, date, amount, reference");
                }
            }
            for (CSVRecord row : parser) {
                rows++;
                String transaction = row.get("transaction");
                String reference = row.get("reference");
                String amountText = row.get("amount");
                Optional<String> refused = java.util.stream.Stream.of(transaction, reference, amountText)
                        .map(ControlCharacters::reason)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .map(reason -> "a column " + reason);
                BigDecimal amount = null;
                if (refused.isEmpty()) {
                    try {
                        amount = Sar.exact("amount", new BigDecimal(amountText), false);
                    } catch (NumberFormatException | InvalidFieldsException e) {
                        refused = Optional.of("amount is not a positive SAR amount with at most two decimals");
                    }
                }
                if (refused.isEmpty()) {
                    BigDecimal value = amount;
                    try {
                        PaymentView payment = perRow.execute(
                                status -> record(method, transaction, reference, value, recordedBy, batch));
                        recorded.add(payment);
                        total = total.add(value);
                    } catch (Unmatch e) {
                        refused = Optional.of(e.getMessage());
                    } catch (ProblemException e) {
                        refused = Optional.of(e.getMessage());
                    }
                }
                refused.ifPresent(reason -> unmatched.add(
                        new Unmatched(parser.getCurrentLineNumber(), transaction, reference, amountText, reason)));
            }
        } catch (IOException | UncheckedIOException e) {
            // the file is read from memory: a read failure is the CSV itself (an unclosed quote, say), the sender's
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new InvalidFieldsException("file", "is not valid CSV: " + cause.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidFieldsException(
                    "file", "is not CSV with the columns transaction, date, amount, reference");
        }
        return new Report(batch, rows, recorded.size(), total, recorded, unmatched);
    }

    private PaymentView record(
            PaymentMethod method,
            String transaction,
            String reference,
            BigDecimal amount,
            UUID recordedBy,
            UUID batch) {
        Invoice invoice = invoices.findByNumberIgnoreCase(reference == null ? "" : reference.strip())
                .orElseThrow(() -> new Unmatch("no invoice has this number"));
        if (!invoice.payable()) {
            throw new Unmatch("invoice " + invoice.number() + " is " + invoice.status() + ", not open");
        }
        if (method == PaymentMethod.INSURANCE_REMITTANCE && invoice.payer() != Payer.INSURER) {
            throw new Unmatch("invoice " + invoice.number() + " is billed to the patient, not an insurer");
        }
        BigDecimal applied = amount.min(invoice.open());
        return payments.receive(
                new PaymentRequests.NewPayment(
                        invoice.payer() == Payer.PATIENT ? invoice.patientId() : null,
                        invoice.payer() == Payer.INSURER ? invoice.insurerId() : null,
                        method,
                        amount,
                        reference,
                        transaction == null || transaction.isBlank() ? null : transaction,
                        List.of(new PaymentRequests.Allocate(invoice.id(), applied))),
                recordedBy,
                batch);
    }

    /** A row that matches no open invoice; its transaction rolls back. */
    private static final class Unmatch extends RuntimeException {
        Unmatch(String reason) {
            super(reason);
        }
    }
}
