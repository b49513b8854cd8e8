package org.amamo.application;

/** Where an application stands in the certification workflow. */
public enum ApplicationStatus {
    /** 下書き: the applicant is still writing; only the applicants see it. */
    DRAFT,
    /** 申請済み: waiting for the secretariat's completeness check. */
    SUBMITTED,
    /** 差戻し: returned to the applicant for correction. */
    RETURNED,
    /** 申請手数料確認済み: complete, and the application fee has been paid. */
    FEE_CONFIRMED,
    /** 現地ヒアリング済み: the on-site hearing is recorded. */
    HEARING_DONE,
    /** 審査中: the committee's reviewers are recording findings and certainty. */
    IN_REVIEW,
    /** 意見公募中: open for public comment. */
    PUBLIC_COMMENT,
    /** 認証: certified; the credit is frozen. */
    CERTIFIED,
    /** 不認証: rejected by the committee. */
    REJECTED,
    /** 取下げ: withdrawn by the applicant. */
    WITHDRAWN;

    public boolean isFinal() {
        return this == CERTIFIED || this == REJECTED || this == WITHDRAWN;
    }

    /** The applicants may change the form only while it is theirs to write. */
    public boolean editableByApplicant() {
        return this == DRAFT || this == RETURNED;
    }

    /** The secretariat may add reviewers to the committee from the fee's confirmation until the review ends. */
    public boolean acceptsReviewers() {
        return this == FEE_CONFIRMED || this == HEARING_DONE || this == IN_REVIEW;
    }

    /** Whether the public may see the application (public comment and after certification). */
    public boolean isPublic() {
        return this == PUBLIC_COMMENT || this == CERTIFIED;
    }
}
