package sa.tenhal.referrals;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The centre's closures as the service levels see them. */
@Component
class CentreClosedDays implements ServiceLevels.ClosedDays {

    @Override
    public boolean isClosed(LocalDate day) {
        return false;
    }
}
