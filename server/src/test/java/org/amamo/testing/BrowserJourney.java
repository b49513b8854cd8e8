package org.amamo.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A user journey in a real browser against the application on a random port: one headless Chromium per
 * test, test users at hand. Journeys run in the PostgreSQL pass only (tag "browser"). The browser signs in as a
 * user would: confirming a new address from the mail, and passing or enrolling a second factor ({@link
 * Browser#logIn}).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
public abstract class BrowserJourney {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestUsers users;

    protected Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser(port);
        // A user who registered in the browser confirms the address from the mail at the first sign-in.
        browser.confirmFrom(email -> users.mailedLink(email, "/email/confirm"));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
