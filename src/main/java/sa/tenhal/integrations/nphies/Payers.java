package sa.tenhal.integrations.nphies;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is who on the payers' side and the centre's: payers (insurers and TPAs) with their NPHIES licences, by the id a
 * patient's coverage and an insurer invoice name them with; which services each payer authorises beforehand; the
 * centre's provider and facility licences.
 */
@Repository
public class Payers {

    /**
     * A payer.
     *
     * @param payerId the id coverages and insurer invoices use (e.g. {@code INS-BUPA})
     * @param licence the NPHIES payer licence messages are addressed to (the TPA's, for a TPA)
     * @param kind {@code INSURER} or {@code TPA}
     * @param insurerLicence for a TPA, the licence of the insurer that carries the risk
     */
    public record Payer(
            String payerId,
            String licence,
            String nameEn,
            String nameAr,
            String kind,
            String insurerLicence,
            boolean active) {

        boolean tpa() {
            return "TPA".equals(kind);
        }

        Parties.Payer party() {
            return new Parties.Payer(
                    payerId, licence, tpa() && insurerLicence != null ? insurerLicence : licence, nameEn, tpa());
        }
    }

    /** The centre's NPHIES identity. */
    public record ProviderIdentity(String centreCode, String providerLicence, String locationLicence, String baseUrl) {}

    private final JdbcClient jdbc;

    Payers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Payer payer, Instant now) {
        jdbc.sql("insert into nphies_payer (payer_id, licence, name_en, name_ar, kind, insurer_licence, active,"
                        + " updated_at) values (:id, :licence, :en, :ar, :kind, :insurer, :active, :now) on conflict"
                        + " (payer_id) do update set licence = :licence, name_en = :en, name_ar = :ar, kind = :kind,"
                        + " insurer_licence = :insurer, active = :active, updated_at = :now")
                .param("id", payer.payerId())
                .param("licence", payer.licence())
                .param("en", payer.nameEn())
                .param("ar", payer.nameAr())
                .param("kind", payer.kind())
                .param("insurer", payer.insurerLicence())
                .param("active", payer.active())
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Payer> find(String payerId) {
        return jdbc.sql("select * from nphies_payer where payer_id = :id")
                .param("id", payerId)
                .query((rs, n) -> new Payer(
                        rs.getString("payer_id"),
                        rs.getString("licence"),
                        rs.getString("name_en"),
                        rs.getString("name_ar"),
                        rs.getString("kind"),
                        rs.getString("insurer_licence"),
                        rs.getBoolean("active")))
                .optional();
    }

    public Optional<Payer> byLicence(String licence) {
        return jdbc.sql("select payer_id from nphies_payer where licence = :l or insurer_licence = :l order by"
                        + " payer_id limit 1")
                .param("l", licence)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    public List<Payer> all() {
        return jdbc.sql("select payer_id from nphies_payer order by name_en").query(String.class).list().stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    /** The payer authorises this service (by billing code) before it is given; {@code *} stands for every service. */
    public void requireAuthorisation(String payerId, String billingCode) {
        jdbc.sql("insert into nphies_prior_auth_rule (payer_id, billing_code) values (:p, :c) on conflict do nothing")
                .param("p", payerId)
                .param("c", billingCode)
                .update();
    }

    /** Removes the rule; false when the payer had none for this code. */
    public boolean removeAuthorisation(String payerId, String billingCode) {
        return jdbc.sql("delete from nphies_prior_auth_rule where payer_id = :p and billing_code = :c")
                        .param("p", payerId)
                        .param("c", billingCode)
                        .update()
                > 0;
    }

    /** The payer whose NPHIES licence this is (a TPA's own licence, not the insurer's it names). */
    public Optional<String> holderOfLicence(String licence) {
        return jdbc.sql("select payer_id from nphies_payer where licence = :l")
                .param("l", licence)
                .query(String.class)
                .optional();
    }

    /** Whether an active payer authorises this service first (a rule for its billing code or for every service). */
    public boolean requiresAuthorisation(String payerId, String billingCode) {
        if (payerId == null || billingCode == null) {
            return false;
        }
        // a deactivated payer is sent nothing, so none of its rules can be met: they are set aside with it
        return jdbc.sql("select count(*) from nphies_prior_auth_rule r join nphies_payer p on p.payer_id = r.payer_id"
                                + " where r.payer_id = :p and r.billing_code in (:c, '*') and p.active")
                        .param("p", payerId)
                        .param("c", billingCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<String> authorisationRules(String payerId) {
        return jdbc.sql("select billing_code from nphies_prior_auth_rule where payer_id = :p order by billing_code")
                .param("p", payerId)
                .query(String.class)
                .list();
    }

    public void saveProvider(ProviderIdentity identity, Instant now) {
        jdbc.sql("insert into nphies_provider (centre_code, provider_licence, location_licence, base_url, updated_at)"
                        + " values (:c, :p, :l, :u, :now) on conflict (centre_code) do update set provider_licence ="
                        + " :p, location_licence = :l, base_url = :u, updated_at = :now")
                .param("c", identity.centreCode())
                .param("p", identity.providerLicence())
                .param("l", identity.locationLicence())
                .param("u", identity.baseUrl())
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<ProviderIdentity> provider(String centreCode) {
        return jdbc.sql("select * from nphies_provider where centre_code = :c")
                .param("c", centreCode)
                .query((rs, n) -> new ProviderIdentity(
                        rs.getString("centre_code"),
                        rs.getString("provider_licence"),
                        rs.getString("location_licence"),
                        rs.getString("base_url")))
                .optional();
    }
}
