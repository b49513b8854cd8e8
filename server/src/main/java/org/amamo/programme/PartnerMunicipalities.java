package org.amamo.programme;

import java.time.LocalDate;
import java.util.Optional;
import org.amamo.platform.Refusal;

/**
 * A programme's partner municipalities (連携自治体) and their application deadline: a municipality applies to the
 * programme only while it is a partner, and until the end of the fiscal year after its latest information exchange
 * (「最新の情報交換日の翌年度末まで」). While the programme's list is empty nothing is refused.
 */
public interface PartnerMunicipalities {

    /**
     * Why an application of the organisation to the programme, submitted on {@code submittedOn} (a day in Japan),
     * must be refused (at {@code programmeCode}); empty when it may be submitted, or when the organisation is not a
     * municipality ({@code organisationId} null for an individual).
     */
    Optional<Refusal> submissionRefusal(String programmeCode, Long organisationId, LocalDate submittedOn);
}
