package org.amamo.programme.internal;

import org.amamo.platform.CsvTable;
import org.amamo.platform.Flash;
import org.amamo.programme.Programme;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partner municipalities (連携自治体): the public list of a programme's partners with their application deadlines
 * (page and CSV), and the administrator's page that keeps the list and marks organisations as municipalities.
 */
@Controller
class PartnerController {

    private final PartnerService partners;
    private final ProgrammeRepository programmes;

    PartnerController(PartnerService partners, ProgrammeRepository programmes) {
        this.partners = partners;
        this.programmes = programmes;
    }

    @GetMapping("/programmes/{code}/partners")
    String publicList(@PathVariable String code, Model model) {
        Programme programme = programme(code);
        model.addAttribute("programme", programme);
        model.addAttribute("partners", partners.partners(programme.code()));
        return "programme/partners";
    }

    @GetMapping("/admin/programmes/{code}/partners")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String adminList(@PathVariable String code, Model model) {
        Programme programme = programme(code);
        model.addAttribute("programme", programme);
        model.addAttribute("partners", partners.partners(programme.code()));
        model.addAttribute("municipalities", partners.municipalities());
        return "programme/partners-admin";
    }

    @PostMapping("/admin/programmes/{code}/partners")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String savePartner(
            @PathVariable String code,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String latestExchangeOn,
            RedirectAttributes redirect) {
        Programme programme = programme(code);
        return Flash.redirect(
                adminPage(programme),
                partners.savePartner(programme.code(), municipalityCode, name, latestExchangeOn),
                "partner.saved",
                redirect);
    }

    @PostMapping("/admin/programmes/{code}/partners/{municipalityCode}/delete")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String removePartner(
            @PathVariable String code, @PathVariable String municipalityCode, RedirectAttributes redirect) {
        Programme programme = programme(code);
        return Flash.redirect(
                adminPage(programme),
                partners.removePartner(programme.code(), municipalityCode),
                "partner.removed",
                redirect);
    }

    @PostMapping("/admin/programmes/{code}/municipalities")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String markMunicipality(
            @PathVariable String code,
            @RequestParam(required = false) String corporateNumber,
            @RequestParam(required = false) String markedCode,
            RedirectAttributes redirect) {
        Programme programme = programme(code);
        return Flash.redirect(
                adminPage(programme),
                partners.markMunicipality(corporateNumber, markedCode),
                "partner.municipality.saved",
                redirect);
    }

    /** The public list as open data (columns documented in docs/open-data.md). */
    @GetMapping("/programmes/{code}/partners.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code) {
        Programme programme = programme(code);
        CsvTable csv = new CsvTable("programme_code", "municipality_code", "name", "latest_exchange_on", "apply_by");
        for (PartnerService.Partner partner : partners.partners(programme.code())) {
            csv.row(
                    programme.code(),
                    partner.municipalityCode(),
                    partner.name(),
                    partner.latestExchangeOn(),
                    partner.deadline());
        }
        return csv.download("partners-" + programme.code() + ".csv");
    }

    private Programme programme(String code) {
        return programmes.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String adminPage(Programme programme) {
        return "/admin/programmes/" + programme.code() + "/partners";
    }
}
