package sa.tenhal.identity.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.validation.BindingResult;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccount;
import sa.tenhal.identity.StaffUserChanges;
import sa.tenhal.shared.Language;

/**
 * A staff user's form as the page submits it: plain strings, so that whatever the admin typed comes back with the
 * error beside it. It becomes a {@link NewStaffUser} (without a password: the user gets a set-password link) or
 * {@link StaffUserChanges}.
 */
public class StaffUserFormPage {

    private String username;
    private String fullNameEn;
    private String fullNameAr;
    private String email;
    private List<String> roles = new ArrayList<>();
    private String language = "AR";
    private long version;

    static StaffUserFormPage of(StaffAccount account) {
        var m = account.member();
        StaffUserFormPage page = new StaffUserFormPage();
        page.username = m.username();
        page.fullNameEn = m.fullNameEn();
        page.fullNameAr = m.fullNameAr();
        page.email = m.email();
        page.roles = new ArrayList<>(m.roles().stream().sorted().map(Enum::name).toList());
        page.language = m.language().name();
        page.version = account.version();
        return page;
    }

    /** The new user, or null when a choice could not be read (the errors are then in {@code errors}). */
    NewStaffUser toNewUser(BindingResult errors) {
        Set<Role> chosen = chosenRoles(errors);
        Language lang = language(errors);
        return errors.hasErrors()
                ? null
                : new NewStaffUser(username, fullNameEn, blankToNull(fullNameAr), strip(email), chosen, lang, null);
    }

    /** The changed details (the username never changes), or null when a choice could not be read. */
    StaffUserChanges toChanges(BindingResult errors, boolean enabled) {
        Set<Role> chosen = chosenRoles(errors);
        Language lang = language(errors);
        return errors.hasErrors()
                ? null
                : new StaffUserChanges(fullNameEn, blankToNull(fullNameAr), strip(email), chosen, lang, enabled);
    }

    /** Where a property of the request records appears on this page ({@code roles[]} is the role boxes). */
    String pageField(String field) {
        return field.startsWith("roles") ? "roles" : field;
    }

    private Set<Role> chosenRoles(BindingResult errors) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(Role.valueOf(role.strip()));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("roles", "typeMismatch");
            }
        }
        return chosen;
    }

    private Language language(BindingResult errors) {
        try {
            return language == null || language.isBlank() ? null : Language.valueOf(language.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("language", "typeMismatch");
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // accessors for binding

    public String getUsername() {
        return username;
    }

    public void setUsername(String v) {
        username = v;
    }

    public String getFullNameEn() {
        return fullNameEn;
    }

    public void setFullNameEn(String v) {
        fullNameEn = v;
    }

    public String getFullNameAr() {
        return fullNameAr;
    }

    public void setFullNameAr(String v) {
        fullNameAr = v;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String v) {
        email = v;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> v) {
        roles = v;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String v) {
        language = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long v) {
        version = v;
    }
}
