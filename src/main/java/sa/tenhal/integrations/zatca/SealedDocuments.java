package sa.tenhal.integrations.zatca;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every sealed document: the exact bytes that were hashed, signed and sent, and what ZATCA cleared. */
@Repository
class SealedDocuments {

    /** A sealed document; {@code xml} is null in listings (it is loaded only where it is sent or downloaded). */
    record Sealed(
            UUID invoiceId,
            UUID unitId,
            long icv,
            String number,
            String kind,
            boolean standard,
            String hash,
            String pih,
            String qr,
            byte[] xml,
            byte[] clearedXml,
            String clearedQr,
            Instant issuedAt) {

        /** What Tenhal keeps and sends: ZATCA's cleared document once there is one, else its own. */
        byte[] current() {
            return clearedXml != null ? clearedXml : xml;
        }

        String currentQr() {
            return clearedQr != null ? clearedQr : qr;
        }
    }

    private final JdbcClient jdbc;

    SealedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Sealed s) {
        jdbc.sql(
                        "insert into zatca_document (invoice_id, unit_id, icv, number, kind, standard, hash, pih, qr, xml,"
                                + " issued_at) values (:id, :unit, :icv, :number, :kind, :standard, :hash, :pih, :qr, :xml, :at)")
                .param("id", s.invoiceId())
                .param("unit", s.unitId())
                .param("icv", s.icv())
                .param("number", s.number())
                .param("kind", s.kind())
                .param("standard", s.standard())
                .param("hash", s.hash())
                .param("pih", s.pih())
                .param("qr", s.qr())
                .param("xml", s.xml())
                .param("at", Timestamp.from(s.issuedAt()))
                .update();
    }

    Optional<Sealed> find(UUID invoiceId) {
        return jdbc.sql("select * from zatca_document where invoice_id = :id")
                .param("id", invoiceId)
                .query(SealedDocuments::map)
                .optional();
    }

    Optional<String> qr(UUID invoiceId) {
        return jdbc.sql("select coalesce(cleared_qr, qr) from zatca_document where invoice_id = :id")
                .param("id", invoiceId)
                .query(String.class)
                .optional();
    }

    void cleared(UUID invoiceId, byte[] xml, String qr) {
        jdbc.sql("update zatca_document set cleared_xml = :xml, cleared_qr = :qr where invoice_id = :id")
                .param("xml", xml)
                .param("qr", qr)
                .param("id", invoiceId)
                .update();
    }

    /** The chain of a unit in counter order (without the documents' bytes). */
    List<Sealed> chain(UUID unitId) {
        return jdbc.sql("select invoice_id, unit_id, icv, number, kind, standard, hash, pih, qr, null::bytea as xml,"
                        + " null::bytea as cleared_xml, cleared_qr, issued_at from zatca_document where unit_id = :u"
                        + " order by icv")
                .param("u", unitId)
                .query(SealedDocuments::map)
                .list();
    }

    private static Sealed map(ResultSet rs, int row) throws SQLException {
        return new Sealed(
                rs.getObject("invoice_id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getLong("icv"),
                rs.getString("number"),
                rs.getString("kind"),
                rs.getBoolean("standard"),
                rs.getString("hash"),
                rs.getString("pih"),
                rs.getString("qr"),
                rs.getBytes("xml"),
                rs.getBytes("cleared_xml"),
                rs.getString("cleared_qr"),
                Units.instant(rs, "issued_at"));
    }
}
