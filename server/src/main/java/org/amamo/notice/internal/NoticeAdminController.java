package org.amamo.notice.internal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.notice.NoticeView;
import org.amamo.platform.Flash;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Pages;
import org.amamo.platform.SchemeTime;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's notice management: every notice with its window, create, edit, delete. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class NoticeAdminController {

    private final NoticeService notices;
    private final Programmes programmes;
    private final Clock clock;

    NoticeAdminController(NoticeService notices, Programmes programmes, Clock clock) {
        this.notices = notices;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** The programmes a notice may belong to, for the form's select and the list. */
    @ModelAttribute("programmes")
    List<Programme> programmes() {
        return programmes.all();
    }

    @GetMapping("/secretariat/notices")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int number = Pages.number(page);
        var shown = notices.all(number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
        model.addAttribute("notices", shown.stream().limit(Pages.DEFAULT_SIZE).toList());
        model.addAttribute("page", number);
        model.addAttribute("hasNext", shown.size() > Pages.DEFAULT_SIZE);
        model.addAttribute("now", clock.instant());
        return "notice/admin-list";
    }

    @GetMapping("/secretariat/notices/new")
    String newForm(Model model) {
        NoticeForm form = new NoticeForm();
        form.setPublishStart(
                LocalDateTime.now(clock.withZone(SchemeTime.ZONE)).withSecond(0).withNano(0));
        model.addAttribute("form", form);
        return "notice/edit";
    }

    @PostMapping("/secretariat/notices")
    String create(
            @AuthenticationPrincipal AmamoPrincipal user,
            @Valid @ModelAttribute("form") NoticeForm form,
            BindingResult binding,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "notice/edit";
        }
        if (FormErrors.reject(binding, notices.create(draft(form), user.userId()))) {
            return "notice/edit";
        }
        redirect.addFlashAttribute("flash", "notice.saved");
        return "redirect:/secretariat/notices";
    }

    @GetMapping("/secretariat/notices/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        NoticeView notice = notices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        NoticeForm form = new NoticeForm();
        form.setTitle(notice.title());
        form.setBody(notice.bodyMarkdown());
        form.setPublishStart(LocalDateTime.ofInstant(notice.publishStart(), SchemeTime.ZONE));
        form.setPublishEnd(
                notice.publishEnd() == null ? null : LocalDateTime.ofInstant(notice.publishEnd(), SchemeTime.ZONE));
        form.setProgramme(notice.programmeCode());
        model.addAttribute("form", form);
        model.addAttribute("noticeId", id);
        return "notice/edit";
    }

    @PostMapping("/secretariat/notices/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") NoticeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("noticeId", id);
        if (binding.hasErrors()) {
            return "notice/edit";
        }
        if (FormErrors.reject(binding, notices.update(id, draft(form)))) {
            return "notice/edit";
        }
        redirect.addFlashAttribute("flash", "notice.saved");
        return "redirect:/secretariat/notices";
    }

    @PostMapping("/secretariat/notices/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        return Flash.redirect("/secretariat/notices", notices.delete(id), "notice.deleted", redirect);
    }

    static NoticeDraft draft(NoticeForm form) {
        return new NoticeDraft(
                form.getTitle().strip(),
                form.getBody(),
                form.getPublishStart().atZone(SchemeTime.ZONE).toInstant(),
                form.getPublishEnd() == null
                        ? null
                        : form.getPublishEnd().atZone(SchemeTime.ZONE).toInstant(),
                NoticeDraft.programme(form.getProgramme()));
    }
}
