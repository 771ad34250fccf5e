package sa.tenhal.finance;

/** The kinds of tax document, with their ZATCA type codes and number series. */
public enum DocumentKind {
    INVOICE("388", "INV"),
    CREDIT_NOTE("381", "CRN"),
    DEBIT_NOTE("383", "DBN");

    private final String typeCode;
    private final String series;

    DocumentKind(String typeCode, String series) {
        this.typeCode = typeCode;
        this.series = series;
    }

    /** UNTDID 1001 code ZATCA uses in {@code cbc:InvoiceTypeCode}. */
    public String typeCode() {
        return typeCode;
    }

    /** The prefix of the document's number; each series counts on its own, per centre. */
    public String series() {
        return series;
    }
}
