package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amamo.claim.ClaimDraft;

/** What an application claims, as the double-issuance guard compares it: its site, crediting years and assets. */
final class ClaimDrafts {

    private ClaimDrafts() {}

    static ClaimDraft of(StoredApplication application, ApplicationForm form) {
        List<LocalDate> starts = new ArrayList<>();
        List<ClaimDraft.ClaimedAsset> assets = new ArrayList<>();
        List<SheetForm.YearForm> years = form.getSheet().getYears();
        for (int y = 0; y < years.size(); y++) {
            SheetForm.YearForm year = years.get(y);
            starts.add(year.getStart());
            List<SheetForm.ComponentForm> components = year.getComponents();
            for (int c = 0; c < components.size(); c++) {
                String assetId = components.get(c).getAssetId();
                if (year.getStart() != null && assetId != null && !assetId.isBlank()) {
                    assets.add(new ClaimDraft.ClaimedAsset(y, c, assetId.strip()));
                }
            }
        }
        return new ClaimDraft(
                application.id(),
                application.projectId(),
                form.getName() == null || form.getName().isBlank() ? application.name() : form.getName(),
                application.programmeCode(),
                form.getSiteGeojson(),
                ClaimDraft.years(starts),
                assets);
    }
}
