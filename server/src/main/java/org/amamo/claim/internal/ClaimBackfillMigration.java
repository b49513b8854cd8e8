package org.amamo.claim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.amamo.claim.ClaimDraft;
import org.amamo.claim.ClaimDraft.ClaimedAsset;
import org.amamo.claim.ClaimDraft.ClaimedYear;
import org.amamo.claim.ClaimStatus;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.SiteBounds;
import org.amamo.methodology.geometry.SiteGeometry;
import org.amamo.platform.FixedJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 12.1: the claims of the applications that were already under review or certified when the guard came,
 * so that new claims are compared with them too. Conflicts among them are kept as they are (nothing is
 * un-certified): the secretariat's report lists them and each can be given a determination.
 */
@Component
class ClaimBackfillMigration extends FixedJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    ClaimBackfillMigration() {
        super("12.1", "claims of existing applications", 120_001);
    }

    @Override
    public void migrate(Context context) throws SQLException, java.io.IOException {
        Connection connection = context.getConnection();
        List<Existing> existing = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                        SELECT id, project_id, name, programme_code, status, site_geojson, sheet_json,
                               COALESCE(submitted_at, updated_at) AS submitted_at
                          FROM application
                         WHERE status IN ('SUBMITTED', 'RETURNED', 'FEE_CONFIRMED', 'HEARING_DONE', 'IN_REVIEW',
                                          'PUBLIC_COMMENT', 'CERTIFIED')
                           AND id NOT IN (SELECT application_id FROM claim)
                         ORDER BY id""");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                existing.add(new Existing(
                        rows.getLong("id"),
                        rows.getLong("project_id"),
                        rows.getString("name"),
                        rows.getString("programme_code"),
                        "CERTIFIED".equals(rows.getString("status")) ? ClaimStatus.CERTIFIED : ClaimStatus.UNDER_REVIEW,
                        rows.getString("site_geojson"),
                        rows.getString("sheet_json"),
                        rows.getObject("submitted_at", OffsetDateTime.class)));
            }
        }
        for (Existing application : existing) {
            ClaimDraft draft = application.draft();
            if (!draft.years().isEmpty()) {
                insert(connection, draft, application.status(), application.submittedAt());
            }
        }
    }

    private static void insert(Connection connection, ClaimDraft draft, ClaimStatus status, OffsetDateTime at)
            throws SQLException {
        SiteBounds bounds = site(draft.site());
        ClaimStore.Span span = ClaimStore.Span.of(draft.years());
        try (PreparedStatement claim = connection.prepareStatement(ClaimStore.INSERT_CLAIM)) {
            Object[] values = ClaimStore.claimValues(draft, bounds, status, at, span);
            for (int i = 0; i < values.length; i++) {
                claim.setObject(i + 1, values[i]);
            }
            claim.executeUpdate();
        }
        try (PreparedStatement year = connection.prepareStatement(ClaimStore.INSERT_YEAR)) {
            for (ClaimedYear claimed : draft.years()) {
                year.setLong(1, draft.applicationId());
                year.setInt(2, claimed.index());
                year.setObject(3, claimed.start());
                year.executeUpdate();
            }
        }
        try (PreparedStatement asset = connection.prepareStatement(ClaimStore.INSERT_ASSET)) {
            for (ClaimedAsset claimed : draft.assets()) {
                asset.setLong(1, draft.applicationId());
                asset.setInt(2, claimed.yearIndex());
                asset.setInt(3, claimed.componentIndex());
                asset.setString(4, claimed.key());
                asset.executeUpdate();
            }
        }
    }

    private static SiteBounds site(String geojson) {
        if (geojson == null) {
            return null;
        }
        return GeoJsonSites.parse(geojson) instanceof Verdict.Accepted<SiteGeometry> accepted
                ? SiteBounds.of(accepted.value())
                : null;
    }

    private record Existing(
            long id,
            long projectId,
            String name,
            String programmeCode,
            ClaimStatus status,
            String siteGeojson,
            String sheetJson,
            OffsetDateTime submittedAt) {

        /** The claim read from the stored form: the sheet's years and its reduction components' asset ids. */
        ClaimDraft draft() throws java.io.IOException {
            List<LocalDate> starts = new ArrayList<>();
            List<ClaimedAsset> assets = new ArrayList<>();
            JsonNode years = sheetJson == null ? null : JSON.readTree(sheetJson).path("years");
            if (years != null && years.isArray()) {
                for (int y = 0; y < years.size(); y++) {
                    String start = years.get(y).path("start").asText("");
                    starts.add(start.isBlank() ? null : LocalDate.parse(start));
                    JsonNode components = years.get(y).path("components");
                    for (int c = 0; c < components.size(); c++) {
                        String assetId = components.get(c).path("assetId").asText("");
                        if (!assetId.isBlank()) {
                            assets.add(new ClaimedAsset(y, c, assetId));
                        }
                    }
                }
            }
            return new ClaimDraft(
                    id,
                    projectId,
                    name,
                    programmeCode,
                    siteGeojson,
                    ClaimDraft.years(starts),
                    assets.stream()
                            .filter(asset -> starts.get(asset.yearIndex()) != null)
                            .toList());
        }
    }
}
