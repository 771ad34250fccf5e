package sa.tenhal.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sa.tenhal.identity.PasswordSetupLinks;
import sa.tenhal.platform.InvalidFieldsException;

/** The page behind the welcome email's link: choose a password, then sign in. GET shows; only POST changes. */
@Controller
class SetPasswordPage {

    private final PasswordSetupLinks links;

    SetPasswordPage(PasswordSetupLinks links) {
        this.links = links;
    }

    @GetMapping("/set-password/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("valid", links.holder(token).isPresent());
        model.addAttribute("token", token);
        return "set-password";
    }

    @PostMapping("/set-password/{token}")
    String set(@PathVariable String token, @RequestParam String password, @RequestParam String repeat, Model model) {
        model.addAttribute("token", token);
        if (links.holder(token).isEmpty()) {
            model.addAttribute("valid", false);
            return "set-password";
        }
        model.addAttribute("valid", true);
        if (password.length() < 10 || password.length() > 128) {
            model.addAttribute("error", "setPassword.tooShort");
            return "set-password";
        }
        if (!password.equals(repeat)) {
            model.addAttribute("error", "setPassword.mismatch");
            return "set-password";
        }
        try {
            links.setPassword(token, password);
        } catch (InvalidFieldsException e) {
            model.addAttribute("valid", false);
            return "set-password";
        }
        return "redirect:/login?passwordSet";
    }
}
