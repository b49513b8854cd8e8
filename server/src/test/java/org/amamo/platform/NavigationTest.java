package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which staff menu group a page belongs to, so that the header can mark it. */
class NavigationTest {

    @Test
    void pagesBelongToTheirMenuGroup() {
        assertThat(Navigation.area("/todo")).isEqualTo("todo");
        assertThat(Navigation.area("/secretariat/applications")).isEqualTo("applications");
        assertThat(Navigation.area("/secretariat/applications.csv")).isEqualTo("applications");
        assertThat(Navigation.area("/applications/12")).isEqualTo("applications");
        assertThat(Navigation.area("/secretariat/registry/issue")).isEqualTo("registry");
        assertThat(Navigation.area("/secretariat/market/rounds/3")).isEqualTo("market");
        assertThat(Navigation.area("/secretariat/notices/4/edit")).isEqualTo("notices");
        assertThat(Navigation.area("/admin/programmes")).isEqualTo("administration");
    }

    @Test
    void publicPagesAndLookAlikePathsAreNoStaffGroup() {
        assertThat(Navigation.area("/")).isEqualTo("public");
        assertThat(Navigation.area("/registry")).isEqualTo("public");
        assertThat(Navigation.area("/applicationsx")).isEqualTo("public");
        assertThat(Navigation.area("/administrator")).isEqualTo("public");
    }
}
