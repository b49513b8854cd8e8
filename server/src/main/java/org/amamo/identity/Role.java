package org.amamo.identity;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a user may do in the scheme (design.md, "Who uses it"). A user may hold several roles. */
public enum Role {
    /** 申請者: registers projects and applies for certification. */
    APPLICANT,
    /** 事務局: runs the scheme day to day. */
    SECRETARIAT,
    /** 審査認証委員: reviews applications and scores certainty. */
    REVIEWER,
    /** 保有者 / 購入者: holds, buys, transfers and retires credits. */
    HOLDER,
    /** 管理者: manages the installation, grants the secretariat and administrator roles. */
    ADMINISTRATOR;

    /** The Spring Security authority of this role, e.g. {@code ROLE_SECRETARIAT}. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** Whether a user holding {@code granter}'s roles may grant or take away this role. */
    public boolean grantableBySecretariat() {
        return this != SECRETARIAT && this != ADMINISTRATOR;
    }
}
