package sa.tenhal.finance.web;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may do what with money. Providers and nurses see no finance endpoints; finance sees money, not notes. */
final class FinanceRoles {

    /** Collect at the desk, issue invoices, give discounts within their limit. */
    static final String CASHIERS = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'FINANCE')";

    /** Refunds, notes, imports, packages for sale, reports. */
    static final String FINANCE = "hasAnyRole('ADMIN', 'MANAGER', 'FINANCE')";

    private FinanceRoles() {}

    static List<String> current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null
                ? List.of()
                : auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList();
    }
}
