package org.amamo.disclosure.internal;

import org.amamo.notice.PublishedNotices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the scheme is and the latest notices. */
@Controller
class HomeController {

    static final int NOTICES_ON_HOME = 5;

    private final PublishedNotices notices;

    HomeController(PublishedNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("notices", notices.latest(NOTICES_ON_HOME));
        return "home";
    }
}
