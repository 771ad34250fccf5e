package sa.tenhal.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who works here: staff users by id or role, for other modules (whom to notify, whose name to show). */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffUsers users;

    StaffDirectory(StaffUsers users) {
        this.users = users;
    }

    public Optional<StaffMember> find(UserId id) {
        return users.findById(id.value()).map(StaffUser::toMember);
    }

    public Map<UserId, StaffMember> findAll(Collection<UserId> ids) {
        return users.findAllByIds(ids.stream().map(UserId::value).toList()).stream()
                .map(StaffUser::toMember)
                .collect(Collectors.toMap(StaffMember::id, Function.identity()));
    }

    public Optional<StaffMember> findByUsername(String username) {
        return users.findByUsername(username).map(StaffUser::toMember);
    }

    /** Enabled staff holding the role. */
    public List<StaffMember> withRole(Role role) {
        return users.findEnabledWithRole(role).stream().map(StaffUser::toMember).toList();
    }
}
