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

/**
 * The units and their chains. {@link #lockFor} takes the unit's row lock ({@code select ... for update}) for the rest
 * of the issuing transaction: the next ICV and PIH are read and advanced under it, so two nodes issuing at the same
 * moment queue on the row and the chain never forks or skips.
 */
@Repository
class Units {

    private static final String COLUMNS = "id, centre_code, common_name, serial_number, environment, invoice_types,"
            + " branch, industry, state, private_key, csr, compliance_request_id, compliance_token, compliance_secret,"
            + " production_token, production_secret, certificate, certificate_expires_at, compliance_checks, last_icv,"
            + " last_hash, created_at, updated_at";

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Unit> lockFor(String centreCode) {
        return jdbc.sql("select " + COLUMNS + " from zatca_unit where centre_code = :c for update")
                .param("c", centreCode)
                .query(Units::map)
                .optional();
    }

    Optional<Unit> find(String centreCode) {
        return jdbc.sql("select " + COLUMNS + " from zatca_unit where centre_code = :c")
                .param("c", centreCode)
                .query(Units::map)
                .optional();
    }

    Optional<Unit> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from zatca_unit where id = :id")
                .param("id", id)
                .query(Units::map)
                .optional();
    }

    List<Unit> all() {
        return jdbc.sql("select " + COLUMNS + " from zatca_unit order by centre_code")
                .query(Units::map)
                .list();
    }

    /** Inserts a new unit unless the centre has one (then nothing happens); true if this call inserted it. */
    boolean insert(Unit u) {
        return jdbc.sql("insert into zatca_unit (id, centre_code, common_name, serial_number, environment,"
                                + " invoice_types, branch, industry, state, private_key, csr, last_icv, last_hash, created_at,"
                                + " updated_at) values (:id, :centre, :cn, :serial, :env, :types, :branch, :industry, :state,"
                                + " :key, :csr, 0, :hash, :at, :at) on conflict (centre_code) do nothing")
                        .param("id", u.id())
                        .param("centre", u.centreCode())
                        .param("cn", u.commonName())
                        .param("serial", u.serialNumber())
                        .param("env", u.environment())
                        .param("types", u.invoiceTypes())
                        .param("branch", u.branch())
                        .param("industry", u.industry())
                        .param("state", u.state().name())
                        .param("key", u.privateKey())
                        .param("csr", u.csr())
                        .param("hash", u.lastHash())
                        .param("at", Timestamp.from(u.createdAt()))
                        .update()
                == 1;
    }

    /** A new key and CSR for a unit that is not yet in production (onboarding starts over). */
    void rekey(UUID id, byte[] privateKey, String csr, String serialNumber, Instant at) {
        jdbc.sql("update zatca_unit set private_key = :key, csr = :csr, serial_number = :serial, state ="
                        + " 'KEY_GENERATED', compliance_request_id = null, compliance_token = null, compliance_secret ="
                        + " null, certificate = null, certificate_expires_at = null, compliance_checks = null,"
                        + " updated_at = :at where id = :id")
                .param("key", privateKey)
                .param("csr", csr)
                .param("serial", serialNumber)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void complianceCsid(
            UUID id, String requestId, String token, byte[] secret, String certificate, Instant expires, Instant at) {
        jdbc.sql("update zatca_unit set state = 'COMPLIANCE_CSID', compliance_request_id = :rid, compliance_token ="
                        + " :token, compliance_secret = :secret, certificate = case when production_token is null then"
                        + " :cert else certificate end, certificate_expires_at = case when production_token is null"
                        + " then :expires else certificate_expires_at end, updated_at = :at where id = :id")
                .param("rid", requestId)
                .param("token", token)
                .param("secret", secret)
                .param("cert", certificate)
                .param("expires", Timestamp.from(expires))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void complianceChecks(UUID id, boolean passed, String results, Instant at) {
        jdbc.sql("update zatca_unit set compliance_checks = :results, state = case when :passed and state ="
                        + " 'COMPLIANCE_CSID' then 'COMPLIANT' else state end, updated_at = :at where id = :id")
                .param("results", results)
                .param("passed", passed)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void production(UUID id, String token, byte[] secret, String certificate, Instant expires, Instant at) {
        jdbc.sql("update zatca_unit set state = 'PRODUCTION', production_token = :token, production_secret = :secret,"
                        + " certificate = :cert, certificate_expires_at = :expires, updated_at = :at where id = :id")
                .param("token", token)
                .param("secret", secret)
                .param("cert", certificate)
                .param("expires", Timestamp.from(expires))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** A renewed production CSID, with the new key it was requested for. */
    void renewed(
            UUID id,
            byte[] privateKey,
            String csr,
            String token,
            byte[] secret,
            String certificate,
            Instant expires,
            Instant at) {
        jdbc.sql("update zatca_unit set private_key = :key, csr = :csr, production_token = :token, production_secret ="
                        + " :secret, certificate = :cert, certificate_expires_at = :expires, updated_at = :at where"
                        + " id = :id")
                .param("key", privateKey)
                .param("csr", csr)
                .param("token", token)
                .param("secret", secret)
                .param("cert", certificate)
                .param("expires", Timestamp.from(expires))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Advances the chain; only under the row lock of {@link #lockFor}. */
    void advance(UUID id, long icv, String hash) {
        int updated = jdbc.sql(
                        "update zatca_unit set last_icv = :icv, last_hash = :hash where id = :id and last_icv = :previous")
                .param("icv", icv)
                .param("hash", hash)
                .param("id", id)
                .param("previous", icv - 1)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("the chain of unit " + id + " moved under its lock: ICV " + icv);
        }
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        return new Unit(
                rs.getObject("id", UUID.class),
                rs.getString("centre_code"),
                rs.getString("common_name"),
                rs.getString("serial_number"),
                rs.getString("environment"),
                rs.getString("invoice_types"),
                rs.getString("branch"),
                rs.getString("industry"),
                Unit.State.valueOf(rs.getString("state")),
                rs.getBytes("private_key"),
                rs.getString("csr"),
                rs.getString("compliance_request_id"),
                rs.getString("compliance_token"),
                rs.getBytes("compliance_secret"),
                rs.getString("production_token"),
                rs.getBytes("production_secret"),
                rs.getString("certificate"),
                instant(rs, "certificate_expires_at"),
                rs.getString("compliance_checks"),
                rs.getLong("last_icv"),
                rs.getString("last_hash"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
