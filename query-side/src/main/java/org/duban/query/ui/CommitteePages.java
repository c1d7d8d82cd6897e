package org.duban.query.ui;

import jakarta.validation.constraints.Min;
import org.duban.query.bulletin.BulletinController;
import org.duban.query.governance.GovernanceProjectController;
import org.duban.query.inspection.InspectionRoundController;
import org.duban.query.notification.NotificationController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Bulletins (通报), governance projects (主动治理课题), inspection rounds (督查/查房) and the inbox. */
@Controller
class CommitteePages {
    private final BulletinController bulletins;
    private final GovernanceProjectController projects;
    private final InspectionRoundController rounds;
    private final NotificationController notifications;

    CommitteePages(BulletinController bulletins, GovernanceProjectController projects,
                   InspectionRoundController rounds, NotificationController notifications) {
        this.bulletins = bulletins;
        this.projects = projects;
        this.rounds = rounds;
        this.notifications = notifications;
    }

    @GetMapping("/bulletins")
    String bulletins(Model model) {
        model.addAttribute("bulletins", bulletins.list(null));
        return "bulletins";
    }

    @GetMapping("/bulletins/{id}")
    String bulletin(@PathVariable String id, Model model) {
        model.addAttribute("bulletin", bulletins.detail(id, null));
        return "bulletin";
    }

    @GetMapping("/governance")
    String governance(Model model) {
        model.addAttribute("ranking", projects.ranking());
        return "governance";
    }

    @GetMapping("/governance/{id}")
    String project(@PathVariable String id, Model model) {
        model.addAttribute("project", projects.get(id, null));
        return "project";
    }

    @GetMapping("/inspection-rounds")
    String rounds(Model model) {
        model.addAttribute("rounds", rounds.list(0, 100));
        return "inspection-rounds";
    }

    @GetMapping("/inspection-rounds/{id}")
    String round(@PathVariable String id, Model model) {
        model.addAttribute("round", rounds.round(id, null));
        return "inspection-round";
    }

    @GetMapping("/notifications")
    String notifications(@RequestParam(defaultValue = "0") @Min(0) int page, Model model) {
        model.addAttribute("result", notifications.list(null, page, 50));
        return "notifications";
    }
}
