package org.amamo.programme.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.platform.SchemeTime;
import org.amamo.programme.PartnerMunicipalities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programmes' partner municipalities (table {@code programme_partner}) and the organisations that are
 * municipalities (table {@code municipality_organisation}), kept by the secretariat; and the rule applications are
 * checked against at submission.
 */
@Service
class PartnerService implements PartnerMunicipalities {

    /** Longest municipality name (characters). */
    static final int NAME_MAX = 100;

    private final JdbcClient jdbc;
    private final ProgrammeRepository programmes;
    private final Clock clock;

    PartnerService(JdbcClient jdbc, ProgrammeRepository programmes, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** A partner municipality with its latest information exchange and the last day it may apply. */
    record Partner(String municipalityCode, String name, LocalDate latestExchangeOn) {

        public LocalDate deadline() {
            return PartnerRule.deadline(latestExchangeOn);
        }
    }

    /** An organisation marked as a municipality. */
    record Municipality(long organisationId, String organisationName, String municipalityCode) {}

    @Transactional(readOnly = true)
    List<Partner> partners(String programmeCode) {
        return jdbc.sql("""
                SELECT municipality_code, name, latest_exchange_on FROM programme_partner
                 WHERE programme_code = ? ORDER BY municipality_code""")
                .param(programmeCode)
                .query((row, n) -> new Partner(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class)))
                .list();
    }

    @Transactional(readOnly = true)
    List<Municipality> municipalities() {
        return jdbc.sql("""
                SELECT m.organisation_id, o.name, m.municipality_code FROM municipality_organisation m
                  JOIN organisation o ON o.id = m.organisation_id ORDER BY m.municipality_code""")
                .query((row, n) -> new Municipality(row.getLong(1), row.getString(2), row.getString(3)))
                .list();
    }

    /** Adds the partner, or updates its name and latest exchange; each field is checked at the field. */
    @Transactional
    Outcome<Void> savePartner(String programmeCode, String code, String name, String exchangedOn) {
        List<Refusal> refusals = new ArrayList<>();
        String municipality = code == null ? "" : code.strip();
        if (!PartnerRule.validCode(municipality)) {
            refusals.add(Refusal.of("municipalityCode", "partner.code.invalid"));
        }
        String shown = name == null ? "" : name.strip();
        if (shown.isEmpty() || shown.length() > NAME_MAX) {
            refusals.add(Refusal.of("name", "partner.name.invalid", String.valueOf(NAME_MAX)));
        }
        LocalDate day = day(exchangedOn);
        if (day == null || day.isAfter(LocalDate.now(clock.withZone(SchemeTime.ZONE)))) {
            refusals.add(Refusal.of("latestExchangeOn", "partner.exchange.invalid"));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        int updated =
                jdbc.sql("""
                UPDATE programme_partner SET name = ?, latest_exchange_on = ?
                 WHERE programme_code = ? AND municipality_code = ?""").params(shown, day, programmeCode, municipality).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO programme_partner (programme_code, municipality_code, name, latest_exchange_on)
                    VALUES (?, ?, ?, ?)""").params(programmeCode, municipality, shown, day).update();
        }
        return Outcome.done();
    }

    @Transactional
    Outcome<Void> removePartner(String programmeCode, String code) {
        int removed = jdbc.sql("DELETE FROM programme_partner WHERE programme_code = ? AND municipality_code = ?")
                .params(programmeCode, code)
                .update();
        return removed == 1
                ? Outcome.done()
                : Outcome.refused(RefusalKind.NOT_FOUND, Refusal.of("municipalityCode", "partner.not-found"));
    }

    /** Marks the organisation with this corporate number (法人番号) as a municipality; a blank code unmarks it. */
    @Transactional
    Outcome<Void> markMunicipality(String corporateNumber, String code) {
        String number = corporateNumber == null ? "" : corporateNumber.strip();
        Optional<Long> organisation = jdbc.sql("SELECT id FROM organisation WHERE corporate_number = ?")
                .param(number)
                .query(Long.class)
                .optional();
        List<Refusal> refusals = new ArrayList<>();
        if (organisation.isEmpty()) {
            refusals.add(Refusal.of("corporateNumber", "partner.organisation.not-found", number));
        }
        String municipality = code == null ? "" : code.strip();
        if (!municipality.isEmpty() && !PartnerRule.validCode(municipality)) {
            refusals.add(Refusal.of("markedCode", "partner.code.invalid"));
        }
        if (!refusals.isEmpty()) {
            return Outcome.refused(RefusalKind.INVALID, refusals);
        }
        jdbc.sql("DELETE FROM municipality_organisation WHERE organisation_id = ?")
                .param(organisation.get())
                .update();
        if (!municipality.isEmpty()) {
            jdbc.sql("INSERT INTO municipality_organisation (organisation_id, municipality_code) VALUES (?, ?)")
                    .params(organisation.get(), municipality)
                    .update();
        }
        return Outcome.done();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Refusal> submissionRefusal(String programmeCode, Long organisationId, LocalDate submittedOn) {
        if (organisationId == null || programmeCode == null) {
            return Optional.empty();
        }
        List<Partner> partners = partners(programmeCode);
        Optional<String> municipality = jdbc.sql(
                        "SELECT municipality_code FROM municipality_organisation WHERE organisation_id = ?")
                .param(organisationId)
                .query(String.class)
                .optional();
        if (partners.isEmpty() || municipality.isEmpty()) {
            return Optional.empty();
        }
        Optional<Partner> partner = partners.stream()
                .filter(found -> found.municipalityCode().equals(municipality.get()))
                .findFirst();
        if (partner.isEmpty()) {
            return Optional.of(Refusal.of("programmeCode", "partner.not-partner", municipality.get(), programmeCode));
        }
        if (submittedOn.isAfter(partner.get().deadline())) {
            return Optional.of(Refusal.of(
                    "programmeCode",
                    "partner.deadline-passed",
                    partner.get().latestExchangeOn().toString(),
                    partner.get().deadline().toString()));
        }
        return Optional.empty();
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
