package org.amamo.notice.internal;

import org.amamo.platform.Pages;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public notice list and notice pages, with their attachments. */
@Controller
class NoticeController {

    private final NoticeService notices;
    private final Programmes programmes;

    NoticeController(NoticeService notices, Programmes programmes) {
        this.notices = notices;
        this.programmes = programmes;
    }

    /**
     * Every published notice, or one programme's list ({@code ?programme=YBC}; an unknown code: every notice),
     * searched by title ({@code q}) and day of publication ({@code from}, {@code to}).
     */
    @GetMapping("/notices")
    String list(
            @RequestParam(required = false) String programme,
            @RequestParam(defaultValue = "0") int page,
            @ModelAttribute("search") NoticeSearchForm search,
            BindingResult binding,
            Model model) {
        int number = Pages.number(page);
        String code = programmes.known(programme);
        var shown =
                notices.published(code, search.search(binding), number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("programme", code);
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("notices", shown.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("page", number);
        model.addAttribute("hasNext", shown.size() > Pages.DEFAULT_SIZE);
        return "notice/list";
    }

    /**
     * A published notice; for the secretariat and administrators, a notice not (or no longer) published leads to its
     * preview instead of the 404 the public gets.
     */
    @GetMapping("/notices/{id}")
    String show(
            @PathVariable long id,
            @org.springframework.security.core.annotation.AuthenticationPrincipal
                    org.amamo.identity.AmamoPrincipal user,
            Model model) {
        var published = notices.findPublished(id);
        if (published.isEmpty()
                && user != null
                && (user.isSecretariat() || user.has(org.amamo.identity.Role.ADMINISTRATOR))
                && notices.find(id).isPresent()) {
            return "redirect:/secretariat/notices/" + id + "/preview";
        }
        model.addAttribute("notice", published.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("attachments", notices.attachments(id));
        return "notice/show";
    }

    /** An attachment of a published notice; 404 while the notice is scheduled, after it ended, or if there is none. */
    @GetMapping("/notices/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return NoticeDownload.of(notices.publishedAttachment(id, attachmentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
