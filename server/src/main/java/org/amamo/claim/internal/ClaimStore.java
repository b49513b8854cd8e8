package org.amamo.claim.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.claim.ClaimDetermination;
import org.amamo.claim.ClaimDraft;
import org.amamo.claim.ClaimDraft.ClaimedAsset;
import org.amamo.claim.ClaimDraft.ClaimedYear;
import org.amamo.claim.ClaimStatus;
import org.amamo.methodology.geometry.SiteBounds;
import org.amamo.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The claim tables: claims with their years and assets, and the secretariat's determinations. */
@Repository
class ClaimStore {

    private static final String CLAIM_COLUMNS =
            "application_id, project_id, project_name, programme_code, status, submitted_at, site_geojson";

    private final JdbcClient jdbc;

    ClaimStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final String INSERT_CLAIM = """
            INSERT INTO claim (application_id, project_id, project_name, programme_code, status, submitted_at,
                               period_start, period_end, min_lon, min_lat, max_lon, max_lat, width_lon, site_geojson)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_YEAR =
            "INSERT INTO claim_year (application_id, year_index, year_start) VALUES (?, ?, ?)";
    static final String INSERT_ASSET =
            "INSERT INTO claim_asset (application_id, year_index, component_index, asset_id) VALUES (?, ?, ?, ?)";

    /** The span of a claim's crediting years: the first day of the first and the day after the last. */
    record Span(LocalDate start, LocalDate endExclusive) {

        static Span of(List<ClaimedYear> years) {
            return new Span(
                    years.stream()
                            .map(ClaimedYear::start)
                            .min(LocalDate::compareTo)
                            .orElseThrow(() -> new IllegalArgumentException("a claim has at least one crediting year")),
                    years.stream()
                            .map(ClaimedYear::endExclusive)
                            .max(LocalDate::compareTo)
                            .orElseThrow());
        }
    }

    /** The values of {@link #INSERT_CLAIM}, in order; without bounds the claim has no site. */
    static Object[] claimValues(
            ClaimDraft draft, SiteBounds bounds, ClaimStatus status, OffsetDateTime submittedAt, Span span) {
        boolean site = bounds != null;
        return new Object[] {
            draft.applicationId(),
            draft.projectId(),
            draft.projectName(),
            draft.programmeCode(),
            status.name(),
            submittedAt,
            span.start(),
            span.endExclusive(),
            site ? bounds.minLongitude() : null,
            site ? bounds.minLatitude() : null,
            site ? bounds.maxLongitude() : null,
            site ? bounds.maxLatitude() : null,
            site ? bounds.maxLongitude() - bounds.minLongitude() : null,
            site ? draft.site() : null
        };
    }

    /** Replaces the application's claim with this one. */
    void replace(ClaimDraft draft, SiteBounds bounds, ClaimStatus status, Instant submittedAt) {
        delete(draft.applicationId());
        jdbc.sql(INSERT_CLAIM)
                .params(claimValues(draft, bounds, status, SqlTime.utc(submittedAt), Span.of(draft.years())))
                .update();
        for (ClaimedYear year : draft.years()) {
            jdbc.sql(INSERT_YEAR)
                    .params(draft.applicationId(), year.index(), year.start())
                    .update();
        }
        for (ClaimedAsset asset : draft.assets()) {
            jdbc.sql(INSERT_ASSET)
                    .params(draft.applicationId(), asset.yearIndex(), asset.componentIndex(), asset.key())
                    .update();
        }
    }

    void delete(long applicationId) {
        jdbc.sql("DELETE FROM claim WHERE application_id = ?")
                .param(applicationId)
                .update();
    }

    Optional<StoredClaim> find(long applicationId) {
        return claims("SELECT " + CLAIM_COLUMNS + " FROM claim WHERE application_id = :id", Map.of("id", applicationId))
                .stream()
                .findFirst();
    }

    /**
     * The other claims whose bounding box meets the given one and whose span of years overlaps the given span. The
     * index on {@code min_lon} bounds the search: a box that meets the new one starts no further west than the new
     * one's west edge minus the widest claim's width.
     */
    List<StoredClaim> nearby(long exceptApplicationId, SiteBounds bounds, LocalDate start, LocalDate endExclusive) {
        double widest = jdbc.sql("SELECT COALESCE(MAX(width_lon), -1) FROM claim")
                .query(Double.class)
                .single();
        if (widest < 0) {
            return List.of();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("except", exceptApplicationId);
        parameters.put("westmost", bounds.minLongitude() - widest);
        parameters.put("minLon", bounds.minLongitude());
        parameters.put("maxLon", bounds.maxLongitude());
        parameters.put("minLat", bounds.minLatitude());
        parameters.put("maxLat", bounds.maxLatitude());
        parameters.put("start", start);
        parameters.put("end", endExclusive);
        return claims("SELECT " + CLAIM_COLUMNS + """
                         FROM claim
                        WHERE min_lon BETWEEN :westmost AND :maxLon
                          AND max_lon >= :minLon AND min_lat <= :maxLat AND max_lat >= :minLat
                          AND period_start < :end AND period_end > :start
                          AND application_id <> :except""", parameters);
    }

    /** The project's certified claims other than the given application's. */
    List<StoredClaim> certifiedOfProject(long projectId, long exceptApplicationId) {
        return claims("SELECT " + CLAIM_COLUMNS + """
                         FROM claim
                        WHERE project_id = :project AND status = 'CERTIFIED' AND application_id <> :except""", Map.of("project", projectId, "except", exceptApplicationId));
    }

    /** The other claims that claim any of these assets (keys as {@link ClaimedAsset#key()}). */
    List<StoredClaim> claimingAssets(Collection<String> assetKeys, long exceptApplicationId) {
        if (assetKeys.isEmpty()) {
            return List.of();
        }
        return claims(
                "SELECT " + CLAIM_COLUMNS + """
                         FROM claim
                        WHERE application_id IN (SELECT application_id FROM claim_asset WHERE asset_id IN (:assets))
                          AND application_id <> :except""",
                Map.of("assets", List.copyOf(assetKeys), "except", exceptApplicationId));
    }

    List<StoredClaim> certified() {
        return claims(
                "SELECT " + CLAIM_COLUMNS + " FROM claim WHERE status = 'CERTIFIED' ORDER BY application_id", Map.of());
    }

    void markCertified(long applicationId) {
        jdbc.sql("UPDATE claim SET status = 'CERTIFIED' WHERE application_id = ?")
                .param(applicationId)
                .update();
    }

    private List<StoredClaim> claims(String sql, Map<String, ?> parameters) {
        List<Row> rows = jdbc.sql(sql).params(parameters).query(ClaimStore::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ClaimedYear>> years = new HashMap<>();
        Map<Long, List<ClaimedAsset>> assets = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::applicationId).toList();
        jdbc.sql("""
                        SELECT application_id, year_index, year_start FROM claim_year
                         WHERE application_id IN (:ids) ORDER BY application_id, year_index""")
                .param("ids", ids)
                .query((row, n) -> years.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new ClaimedYear(row.getInt(2), row.getObject(3, LocalDate.class))))
                .list();
        jdbc.sql("""
                        SELECT application_id, year_index, component_index, asset_id FROM claim_asset
                         WHERE application_id IN (:ids) ORDER BY application_id, year_index, component_index""")
                .param("ids", ids)
                .query((row, n) -> assets.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new ClaimedAsset(row.getInt(2), row.getInt(3), row.getString(4))))
                .list();
        Map<Long, StoredClaim> claims = new LinkedHashMap<>();
        for (Row row : rows) {
            claims.put(
                    row.applicationId(),
                    new StoredClaim(
                            new ClaimDraft(
                                    row.applicationId(),
                                    row.projectId(),
                                    row.projectName(),
                                    row.programmeCode(),
                                    row.siteGeojson(),
                                    years.getOrDefault(row.applicationId(), List.of()),
                                    assets.getOrDefault(row.applicationId(), List.of())),
                            row.status(),
                            row.submittedAt()));
        }
        return List.copyOf(claims.values());
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(
                row.getLong("application_id"),
                row.getLong("project_id"),
                row.getString("project_name"),
                row.getString("programme_code"),
                ClaimStatus.valueOf(row.getString("status")),
                SqlTime.instant(row, "submitted_at"),
                row.getString("site_geojson"));
    }

    private record Row(
            long applicationId,
            long projectId,
            String projectName,
            String programmeCode,
            ClaimStatus status,
            Instant submittedAt,
            String siteGeojson) {}

    // ---- determinations

    ClaimDetermination insertDetermination(
            StoredClaim first, StoredClaim second, String reason, long decidedBy, Instant decidedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO claim_determination (first_application_id, first_project_id, first_project_name,
                                                         second_application_id, second_project_id, second_project_name,
                                                         reason, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        first.applicationId(),
                        first.draft().projectId(),
                        first.draft().projectName(),
                        second.applicationId(),
                        second.draft().projectId(),
                        second.draft().projectName(),
                        reason,
                        decidedBy,
                        SqlTime.utc(decidedAt))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        return new ClaimDetermination(
                id,
                first.applicationId(),
                first.draft().projectName(),
                second.applicationId(),
                second.draft().projectName(),
                reason,
                decidedAt);
    }

    /** The determinations that name the application, on either side. */
    List<ClaimDetermination> determinationsOf(long applicationId) {
        return jdbc.sql("SELECT " + DETERMINATION_COLUMNS + """
                         FROM claim_determination
                        WHERE first_application_id = :id OR second_application_id = :id
                        ORDER BY decided_at DESC, id DESC""")
                .param("id", applicationId)
                .query(ClaimStore::determination)
                .list();
    }

    List<ClaimDetermination> determinationsOfProject(long projectId) {
        return jdbc.sql("SELECT " + DETERMINATION_COLUMNS + """
                         FROM claim_determination
                        WHERE first_project_id = :id OR second_project_id = :id
                        ORDER BY decided_at DESC, id DESC""")
                .param("id", projectId)
                .query(ClaimStore::determination)
                .list();
    }

    private static final String DETERMINATION_COLUMNS =
            "id, first_application_id, first_project_name, second_application_id, second_project_name, reason, "
                    + "decided_at";

    private static ClaimDetermination determination(ResultSet row, int number) throws SQLException {
        return new ClaimDetermination(
                row.getLong("id"),
                row.getLong("first_application_id"),
                row.getString("first_project_name"),
                row.getLong("second_application_id"),
                row.getString("second_project_name"),
                row.getString("reason"),
                SqlTime.instant(row, "decided_at"));
    }
}
