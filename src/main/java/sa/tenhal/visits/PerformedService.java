package sa.tenhal.visits;

import java.util.UUID;

/** A service performed in a visit, and how many times: what finance bills. */
public record PerformedService(UUID serviceId, int quantity) {

    public PerformedService {
        if (serviceId == null || quantity < 1 || quantity > 20) {
            throw new IllegalArgumentException("a performed service names the service, 1 to 20 times");
        }
    }
}
