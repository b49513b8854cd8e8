package org.amamo.notice.internal;

import org.amamo.platform.Pages;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public notice list and notice pages. */
@Controller
class NoticeController {

    private final NoticeService notices;
    private final Programmes programmes;

    NoticeController(NoticeService notices, Programmes programmes) {
        this.notices = notices;
        this.programmes = programmes;
    }

    /** Every published notice, or one programme's list ({@code ?programme=YBC}; an unknown code: every notice). */
    @GetMapping("/notices")
    String list(
            @RequestParam(required = false) String programme, @RequestParam(defaultValue = "0") int page, Model model) {
        int number = Pages.number(page);
        String code = programmes.known(programme);
        var shown = notices.published(code, number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("programme", code);
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("notices", shown.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("page", number);
        model.addAttribute("hasNext", shown.size() > Pages.DEFAULT_SIZE);
        return "notice/list";
    }

    @GetMapping("/notices/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute(
                "notice",
                notices.findPublished(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "notice/show";
    }
}
