package org.duban.query.ui;

import org.duban.platform.security.DemoProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; while demo users exist (embedded default) it lists them, their passwords being public anyway. */
@Controller
class LoginPage {
    private final DemoProperties demo;

    LoginPage(DemoProperties demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoUsers", demo.enabled() ? demo.users() : java.util.List.of());
        return "login";
    }
}
