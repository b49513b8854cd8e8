package org.amamo.application.internal;

import static org.amamo.platform.SqlTime.instant;
import static org.amamo.platform.SqlTime.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.amamo.application.ApplicationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Applications, their lists and their transitions, in plain SQL. */
@Repository
class ApplicationRepository {

    private static final String SELECT = """
            SELECT id, project_id, continues_id, owner_id, status, methodology_version, fee_invoice, hearing_held_on,
                   hearing_place, hearing_record, comment_opens_at, comment_closes_at, certified_units,
                   certified_result, certified_version, certified_at, created_at, updated_at, submitted_at,
                   site_area_ha, name, prefecture, programme_code, fee_amount_yen
              FROM application
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final QualityStore quality;
    private final SurveyStore surveys;

    ApplicationRepository(JdbcClient jdbc, ObjectMapper json, QualityStore quality, SurveyStore surveys) {
        this.jdbc = jdbc;
        this.json = json.copy().addMixIn(SheetForm.ComponentForm.class, SheetOnly.class);
        this.quality = quality;
        this.surveys = surveys;
    }

    /**
     * The calculation sheet as stored and as the methodology library reads it leaves out what the form records beside
     * it: a component's survey methods, survey date and coefficient basis type ({@link SurveyStore}).
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(
            value = {"surveyMethods", "surveyDate", "coefficientBasisType"},
            ignoreUnknown = false)
    private abstract static class SheetOnly {}

    long insertProject(String name, long ownerId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO project (name, owner_id, created_at) VALUES (?, ?, ?)")
                .params(name, ownerId, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    long insertApplication(long projectId, Long continuesId, long ownerId, String name, String version, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO application (project_id, continues_id, owner_id, status, name, methodology_version,
                                         created_at, updated_at)
                VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?)
                """)
                .params(projectId, continuesId, ownerId, name, version, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<StoredApplication> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Locks the application's row for a workflow move, so two moves never interleave. */
    Optional<StoredApplication> lock(long id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::map)
                .optional();
    }

    List<StoredApplication> ownedOrJoinedBy(long userId) {
        return jdbc.sql(SELECT + """
                 WHERE owner_id = :user
                    OR id IN (SELECT application_id FROM application_joint_applicant WHERE user_id = :user)
                 ORDER BY id DESC
                """).param("user", userId).query(this::map).list();
    }

    /** The project's certified applications, oldest first. */
    List<StoredApplication> certifiedOfProject(long projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = ? AND status = 'CERTIFIED' ORDER BY id")
                .param(projectId)
                .query(this::map)
                .list();
    }

    List<StoredApplication> assignedTo(long reviewerId) {
        return jdbc.sql(SELECT + """
                 WHERE id IN (SELECT application_id FROM review_assignment WHERE reviewer_id = ?) ORDER BY id DESC
                """).param(reviewerId).query(this::map).list();
    }

    /** Applications newest first, optionally of one status and one programme, matching text in name or code. */
    List<StoredApplication> search(ApplicationStatus status, String programme, String text, int offset, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:status AS VARCHAR(20)) IS NULL OR status = :status)
                   AND (CAST(:programme AS VARCHAR(10)) IS NULL OR programme_code = :programme)
                   AND (LOWER(name) LIKE :text OR CAST(project_id AS VARCHAR(20)) LIKE :text)
                 ORDER BY id DESC LIMIT :limit OFFSET :offset
                """)
                .param("status", status == null ? null : status.name())
                .param("programme", programme)
                .param("text", "%" + (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) + "%")
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    List<StoredApplication> withStatus(ApplicationStatus status, int limit) {
        return search(status, null, null, 0, limit);
    }

    /** Loads the form's contents: the text fields, the sheet and the lists. */
    ApplicationForm loadForm(long id) {
        ApplicationForm form = jdbc.sql("""
                SELECT name, categories, overview, roles_description, why_credits, extension_plan, period_activities,
                       start_date, prefecture, site_geojson, area_basis, coefficient_basis, baseline_rationale,
                       sheet_json, methodology_version, programme_code, consultation_id, municipality, co_benefits
                  FROM application WHERE id = ?
                """).param(id).query(this::mapForm).single();
        form.setPlants(jdbc.sql("""
                SELECT ecosystem, bed_type, species, formula, aquaculture FROM application_plant
                 WHERE application_id = ? ORDER BY position""")
                .param(id)
                .query((row, n) -> {
                    ApplicationForm.PlantForm plant = new ApplicationForm.PlantForm();
                    plant.setEcosystem(row.getString(1));
                    plant.setBedType(row.getString(2));
                    plant.setSpecies(row.getString(3));
                    plant.setFormula(row.getString(4));
                    plant.setAquaculture(row.getBoolean(5));
                    return plant;
                })
                .list());
        form.setJointApplicants(jdbc.sql("""
                SELECT u.email, j.name, j.organisation, j.title, j.address, j.corporate_number
                  FROM application_joint_applicant j LEFT JOIN user_account u ON u.id = j.user_id
                 WHERE j.application_id = ? ORDER BY j.position""")
                .param(id)
                .query((row, n) -> {
                    ApplicationForm.JointApplicantForm joint = new ApplicationForm.JointApplicantForm();
                    joint.setEmail(row.getString(1));
                    joint.setName(row.getString(2));
                    joint.setOrganisation(row.getString(3));
                    joint.setTitle(row.getString(4));
                    joint.setAddress(row.getString(5));
                    joint.setCorporateNumber(row.getString(6));
                    return joint;
                })
                .list());
        form.setHolders(jdbc.sql("""
                SELECT u.email, h.share_percent, h.contribution
                  FROM application_holder h JOIN user_account u ON u.id = h.user_id
                 WHERE h.application_id = ? ORDER BY h.position""")
                .param(id)
                .query((row, n) -> {
                    ApplicationForm.HolderForm holder = new ApplicationForm.HolderForm();
                    holder.setEmail(row.getString(1));
                    holder.setSharePercent(
                            row.getBigDecimal(2).stripTrailingZeros().toPlainString());
                    holder.setContribution(row.getString(3));
                    return holder;
                })
                .list());
        form.setQuality(quality.load(id));
        surveys.load(id, form);
        return form;
    }

    /** Stores the form's contents (not the status); lists are replaced as a whole. */
    void saveForm(long id, ApplicationForm form, ResolvedPeople people, BigDecimal siteAreaHectares, Instant now) {
        jdbc.sql("""
                UPDATE application SET name = :name, categories = :categories, overview = :overview,
                       roles_description = :roles, why_credits = :why, extension_plan = :extension,
                       period_activities = :activities, start_date = :start, prefecture = :prefecture,
                       municipality = :municipality, co_benefits = :coBenefits,
                       site_geojson = :site, site_area_ha = :area, area_basis = :areaBasis,
                       coefficient_basis = :coefficientBasis, baseline_rationale = :baseline, sheet_json = :sheet,
                       programme_code = :programme, methodology_version = :version,
                       consultation_id = :consultation, updated_at = :now
                 WHERE id = :id
                """)
                .param("name", form.getName() == null ? "" : form.getName().strip())
                .param("categories", String.join(",", form.getCategories()))
                .param("overview", form.getOverview())
                .param("roles", form.getRolesDescription())
                .param("why", form.getWhyCredits())
                .param("extension", form.getExtensionPlan())
                .param("activities", form.getPeriodActivities())
                .param("start", form.getStartDate())
                .param("prefecture", form.getPrefecture())
                .param("municipality", blankToNull(form.getMunicipality()))
                .param("coBenefits", String.join(",", form.getCoBenefits()))
                .param("site", blankToNull(form.getSiteGeojson()))
                .param("area", siteAreaHectares)
                .param("areaBasis", form.getAreaBasis())
                .param("coefficientBasis", form.getCoefficientBasis())
                .param("baseline", form.getBaselineRationale())
                .param("sheet", sheetJson(form.getSheet()))
                .param("programme", form.getProgrammeCode())
                .param("consultation", form.getConsultationId())
                .param("version", form.getSheet().getMethodologyVersion())
                .param("now", utc(now))
                .param("id", id)
                .update();
        replaceLists(id, form, people);
        quality.save(id, form.getQuality());
        surveys.save(id, form);
    }

    private void replaceLists(long id, ApplicationForm form, ResolvedPeople people) {
        jdbc.sql("DELETE FROM application_plant WHERE application_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM application_joint_applicant WHERE application_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM application_holder WHERE application_id = ?")
                .param(id)
                .update();
        List<ApplicationForm.PlantForm> plants = form.getPlants();
        for (int i = 0; i < plants.size(); i++) {
            ApplicationForm.PlantForm plant = plants.get(i);
            jdbc.sql("""
                    INSERT INTO application_plant (application_id, position, ecosystem, bed_type, species, formula,
                                                   aquaculture) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            i,
                            nonNull(plant.getEcosystem()),
                            plant.getBedType(),
                            nonNull(plant.getSpecies()),
                            nonNull(plant.getFormula()),
                            plant.isAquaculture())
                    .update();
        }
        List<ApplicationForm.JointApplicantForm> joints = form.getJointApplicants();
        for (int i = 0; i < joints.size(); i++) {
            ApplicationForm.JointApplicantForm joint = joints.get(i);
            jdbc.sql("""
                    INSERT INTO application_joint_applicant (application_id, position, user_id, name, organisation,
                                                             title, address, corporate_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            i,
                            people.jointApplicantUserIds().get(i),
                            nonNull(joint.getName()),
                            joint.getOrganisation(),
                            joint.getTitle(),
                            nonNull(joint.getAddress()),
                            blankToNull(joint.getCorporateNumber()))
                    .update();
        }
        List<ApplicationForm.HolderForm> holders = form.getHolders();
        for (int i = 0; i < holders.size(); i++) {
            Long userId = people.holderUserIds().get(i);
            BigDecimal share = people.holderShares().get(i);
            if (userId == null || share == null) {
                continue; // an unresolved holder is kept out of the table; the form reports it
            }
            jdbc.sql("""
                    INSERT INTO application_holder (application_id, position, user_id, share_percent, contribution)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(id, i, userId, share, holders.get(i).getContribution())
                    .update();
        }
    }

    void setStatus(long id, ApplicationStatus status, Instant now) {
        jdbc.sql("UPDATE application SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), utc(now), id)
                .update();
    }

    void markSubmitted(long id, Instant now) {
        jdbc.sql("UPDATE application SET submitted_at = COALESCE(submitted_at, ?) WHERE id = ?")
                .params(utc(now), id)
                .update();
    }

    void recordTransition(
            long id, WorkflowAction action, ApplicationStatus from, long actorId, String comment, Instant now) {
        jdbc.sql("""
                INSERT INTO application_transition (application_id, action, from_status, to_status, actor_id, comment, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, action.name(), from.name(), action.to().name(), actorId, blankToNull(comment), utc(now))
                .update();
    }

    /** A recorded move, for the history shown with the application. */
    record Transition(
            String action, String fromStatus, String toStatus, String actorName, String comment, Instant at) {}

    List<Transition> transitions(long id) {
        return jdbc.sql("""
                SELECT t.action, t.from_status, t.to_status, u.full_name, t.comment, t.at
                  FROM application_transition t JOIN user_account u ON u.id = t.actor_id
                 WHERE t.application_id = ? ORDER BY t.id""")
                .param(id)
                .query((row, n) -> new Transition(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        instant(row, 6)))
                .list();
    }

    void recordFee(long id, String invoice, java.math.BigDecimal amountYen) {
        jdbc.sql("UPDATE application SET fee_invoice = ?, fee_amount_yen = ? WHERE id = ?")
                .params(invoice, amountYen, id)
                .update();
    }

    /** The sheet as certified, or null for an application certified before sheets were frozen. */
    /** The frozen input sheet of a certified application; null when certified before inputs were frozen. */
    String certifiedSheet(long id) {
        return jdbc.sql("SELECT certified_sheet FROM application WHERE id = ?")
                .param(id)
                .query((row, n) -> row.getString("certified_sheet"))
                .optional()
                .orElse(null);
    }

    String certifiedResult(long id) {
        return jdbc.sql("SELECT certified_result FROM application WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** The user ids named as joint applicants (registered ones only). */
    List<Long> jointApplicantUserIds(long id) {
        return jdbc.sql(
                        "SELECT user_id FROM application_joint_applicant WHERE application_id = ? AND user_id IS NOT NULL")
                .param(id)
                .query(Long.class)
                .list();
    }

    /** A holder as certification hands it to the registry. */
    record Holder(long userId, String name, BigDecimal sharePercent) {}

    List<Holder> holders(long id) {
        return jdbc.sql("""
                SELECT h.user_id, COALESCE(o.name || ' ' || u.full_name, u.full_name), h.share_percent
                  FROM application_holder h JOIN user_account u ON u.id = h.user_id
                  LEFT JOIN organisation o ON o.id = u.organisation_id
                 WHERE h.application_id = ? ORDER BY h.position""")
                .param(id)
                .query((row, n) -> new Holder(row.getLong(1), row.getString(2), row.getBigDecimal(3)))
                .list();
    }

    /** Sites of other applications whose crediting periods may overlap: the candidates for double counting. */
    record OtherSite(long applicationId, String name, String siteGeojson, String sheetJson) {}

    List<OtherSite> otherSites(long exceptProjectId) {
        return jdbc.sql("""
                SELECT id, name, site_geojson, sheet_json FROM application
                 WHERE project_id <> ? AND site_geojson IS NOT NULL
                   AND status NOT IN ('DRAFT', 'REJECTED', 'WITHDRAWN')""")
                .param(exceptProjectId)
                .query((row, n) -> new OtherSite(row.getLong(1), row.getString(2), row.getString(3), row.getString(4)))
                .list();
    }

    String sheetJson(SheetForm sheet) {
        try {
            return json.writeValueAsString(sheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sheet form is always writable as JSON", e);
        }
    }

    SheetForm readSheet(String text) {
        if (text == null || text.isBlank()) {
            return new SheetForm();
        }
        try {
            return json.readValue(text, SheetForm.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sheet is not readable: " + e.getMessage(), e);
        }
    }

    private ApplicationForm mapForm(ResultSet row, int rowNumber) throws SQLException {
        ApplicationForm form = new ApplicationForm();
        form.setName(row.getString("name"));
        String categories = row.getString("categories");
        form.setCategories(
                categories == null || categories.isBlank()
                        ? new ArrayList<>()
                        : new ArrayList<>(Arrays.asList(categories.split(","))));
        form.setOverview(row.getString("overview"));
        form.setRolesDescription(row.getString("roles_description"));
        form.setWhyCredits(row.getString("why_credits"));
        form.setExtensionPlan(row.getString("extension_plan"));
        form.setPeriodActivities(row.getString("period_activities"));
        form.setStartDate(row.getObject("start_date", LocalDate.class));
        form.setPrefecture(row.getString("prefecture"));
        form.setMunicipality(row.getString("municipality"));
        form.setCoBenefits(codes(row.getString("co_benefits")));
        form.setConsultationId(row.getObject("consultation_id", Long.class));
        form.setSiteGeojson(row.getString("site_geojson"));
        form.setAreaBasis(row.getString("area_basis"));
        form.setCoefficientBasis(row.getString("coefficient_basis"));
        form.setBaselineRationale(row.getString("baseline_rationale"));
        SheetForm sheet = readSheet(row.getString("sheet_json"));
        sheet.setMethodologyVersion(row.getString("methodology_version"));
        form.setProgrammeCode(row.getString("programme_code"));
        form.setSheet(sheet);
        return form;
    }

    private StoredApplication map(ResultSet row, int rowNumber) throws SQLException {
        return new StoredApplication(
                row.getLong("id"),
                row.getLong("project_id"),
                row.getObject("continues_id", Long.class),
                row.getLong("owner_id"),
                ApplicationStatus.valueOf(row.getString("status")),
                row.getString("methodology_version"),
                row.getString("fee_invoice"),
                row.getObject("hearing_held_on", LocalDate.class),
                row.getString("hearing_place"),
                row.getString("hearing_record"),
                instant(row, "comment_opens_at"),
                instant(row, "comment_closes_at"),
                row.getObject("certified_units", Long.class),
                row.getString("certified_result"),
                row.getString("certified_version"),
                instant(row, "certified_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                instant(row, "submitted_at"),
                row.getBigDecimal("site_area_ha"),
                row.getString("name"),
                row.getString("prefecture"),
                row.getString("programme_code"),
                row.getBigDecimal("fee_amount_yen"));
    }

    /** Codes stored comma-separated, as a list (none when empty). */
    static List<String> codes(String joined) {
        return joined == null || joined.isBlank()
                ? new ArrayList<>()
                : new ArrayList<>(Arrays.asList(joined.split(",")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text.strip();
    }
}
