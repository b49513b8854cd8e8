package org.amamo.application.internal;

/** How the acting user stands to one application: what the workflow's rules are decided on. */
enum Relation {
    /** The representative applicant (代表申請者), who created the application. */
    OWNER,
    /** A registered user named as a joint applicant (共同申請者). */
    JOINT_APPLICANT,
    /** The scheme's secretariat (事務局) or an administrator. */
    SECRETARIAT,
    /** A reviewer assigned to this application by the secretariat. */
    ASSIGNED_REVIEWER
}
