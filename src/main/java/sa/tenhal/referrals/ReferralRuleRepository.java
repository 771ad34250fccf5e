package sa.tenhal.referrals;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRuleRepository extends JpaRepository<ReferralRule, UUID> {

    List<ReferralRule> findByTriggerKindAndActiveTrue(TriggerKind kind);

    List<ReferralRule> findAllByOrderByCreatedAtDescIdDesc();
}
