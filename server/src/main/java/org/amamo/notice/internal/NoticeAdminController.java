package org.amamo.notice.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.notice.NoticeView;
import org.amamo.platform.Confirmation;
import org.amamo.platform.Flash;
import org.amamo.platform.FormErrors;
import org.amamo.platform.Outcome;
import org.amamo.platform.Pages;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.amamo.platform.Written;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's notice management: every notice with its window, create, edit, delete. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
class NoticeAdminController {

    private final NoticeService notices;
    private final Programmes programmes;
    private final Clock clock;
    private final MarkdownRenderer markdown;

    NoticeAdminController(NoticeService notices, Programmes programmes, Clock clock, MarkdownRenderer markdown) {
        this.markdown = markdown;
        this.notices = notices;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** The programmes a notice may belong to, for the form's select and the list. */
    @ModelAttribute("programmes")
    List<Programme> programmes() {
        return programmes.all();
    }

    /** Every notice, searched by title ({@code q}) and day of publication ({@code from}, {@code to}). */
    @GetMapping("/secretariat/notices")
    String list(
            @RequestParam(defaultValue = "0") int page,
            @ModelAttribute("search") NoticeSearchForm search,
            BindingResult binding,
            Model model) {
        int number = Pages.number(page);
        var shown = notices.all(search.search(binding), number * Pages.DEFAULT_SIZE, Pages.DEFAULT_SIZE + 1);
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
            @RequestParam(required = false) String preview,
            Model model,
            RedirectAttributes redirect) {
        if (preview != null) {
            return preview(form, model);
        }
        if (binding.hasErrors()) {
            return "notice/edit";
        }
        if (FormErrors.reject(binding, notices.create(draft(form), user.userId()))) {
            return "notice/edit";
        }
        redirect.addFlashAttribute("flash", "notice.saved");
        return "redirect:/secretariat/notices";
    }

    /**
     * The form again with its body rendered as the public will see it (the same Markdown renderer and sanitizer);
     * nothing is saved.
     */
    private String preview(NoticeForm form, Model model) {
        model.addAttribute("previewHtml", markdown.toHtml(form.getBody() == null ? "" : form.getBody()));
        return "notice/edit";
    }

    /**
     * A notice as the public will see it, whatever its window (scheduled, published or ended), marked as a preview;
     * its attachments link to the secretariat's own downloads.
     */
    @GetMapping("/secretariat/notices/{id}/preview")
    String previewNotice(@PathVariable long id, Model model) {
        NoticeView notice = notices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("notice", notice);
        model.addAttribute("attachments", notices.attachments(id));
        model.addAttribute("preview", true);
        model.addAttribute("publishedNow", notice.publishedAt(clock.instant()));
        return "notice/show";
    }

    @GetMapping("/secretariat/notices/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return editPage(id, new AttachmentUpload(), model);
    }

    /** The edit page with the notice's content, its attachments and the upload form. */
    private String editPage(long id, AttachmentUpload upload, Model model) {
        NoticeView notice = notices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        NoticeForm form = new NoticeForm();
        form.setTitle(notice.title());
        form.setBody(notice.bodyMarkdown());
        form.setPublishStart(LocalDateTime.ofInstant(notice.publishStart(), SchemeTime.ZONE));
        form.setPublishEnd(
                notice.publishEnd() == null ? null : LocalDateTime.ofInstant(notice.publishEnd(), SchemeTime.ZONE));
        form.setProgramme(notice.programmeCode());
        form.setTitleEn(notice.titleEn());
        form.setBodyEn(notice.bodyMarkdownEn());
        model.addAttribute("form", form);
        model.addAttribute("noticeId", id);
        attachments(id, upload, model);
        return "notice/edit";
    }

    /** The notice's attachments, the upload form and its limits, for the edit page. */
    private void attachments(long id, AttachmentUpload upload, Model model) {
        model.addAttribute("upload", upload);
        model.addAttribute("attachments", notices.attachments(id));
        model.addAttribute("maxMegabytes", NoticeAttachments.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxAttachments", NoticeAttachments.MAX_PER_NOTICE);
    }

    /**
     * Attaches a PDF, PNG or JPEG to the notice; a wrong type, an empty or too large file or one too many is an
     * error at the file field, and nothing is stored.
     */
    @PostMapping("/secretariat/notices/{id}/attachments")
    String upload(
            @AuthenticationPrincipal AmamoPrincipal user,
            @PathVariable long id,
            @ModelAttribute("upload") AttachmentUpload upload,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        MultipartFile file = upload.getFile();
        var outcome = FormErrors.found(
                file == null
                        ? Outcome.<Void>refused(RefusalKind.INVALID, Refusal.of("file", "validation.required"))
                        : notices.attach(id, user.userId(), file.getOriginalFilename(), file.getBytes()));
        if (FormErrors.reject(binding, outcome)) {
            String page = editPage(id, upload, model);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "upload", binding);
            return page;
        }
        redirect.addFlashAttribute("flash", "notice.attachment.stored");
        return "redirect:/secretariat/notices/" + id + "/edit";
    }

    @PostMapping("/secretariat/notices/{id}/attachments/{attachmentId}/delete")
    String deleteAttachment(
            @PathVariable long id,
            @PathVariable long attachmentId,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Confirmation confirmation = Confirmation.of(
                        "notice.attachment.delete.confirm", "/secretariat/notices/" + id + "/edit")
                .line("confirm.irreversible");
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
        return Flash.redirect(
                "/secretariat/notices/" + id + "/edit",
                notices.detach(id, attachmentId),
                "notice.attachment.deleted",
                redirect);
    }

    /** An attachment whatever the notice's window, for the secretariat to check before publication. */
    @GetMapping("/secretariat/notices/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        return NoticeDownload.of(notices.attachmentContent(id, attachmentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    @PostMapping("/secretariat/notices/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") NoticeForm form,
            BindingResult binding,
            @RequestParam(required = false) String preview,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("noticeId", id);
        attachments(id, new AttachmentUpload(), model);
        if (preview != null) {
            return preview(form, model);
        }
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
    String delete(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Confirmation confirmation =
                Confirmation.of("notice.delete.confirm", "/secretariat/notices").line("confirm.irreversible");
        if (!confirmation.givenBy(request)) {
            return confirmation.page(request, model);
        }
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
                NoticeDraft.programme(form.getProgramme()),
                Written.optional(form.getTitleEn()),
                Written.optional(form.getBodyEn()));
    }
}
