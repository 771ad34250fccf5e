package sa.tenhal.desk;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import sa.tenhal.identity.DemoStaff;

/** The sign-in form; on the embedded demo it also lists the demo users and their password. */
@Controller
class SignInPage {

    private final ObjectProvider<DemoStaff> demo;

    SignInPage(ObjectProvider<DemoStaff> demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String signIn(Model model) {
        if (demo.getIfAvailable() != null) {
            model.addAttribute("demoSignIns", DemoStaff.SIGN_INS);
            model.addAttribute("demoPassword", DemoStaff.PASSWORD);
        }
        return "login";
    }
}
