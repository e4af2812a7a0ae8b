package dev.ordo.marketplace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInBrowserTests extends BrowserTests {

    @Test
    void theSiteSendsAVisitorWithoutATokenToTheLoginPage() {
        page.navigate("/");

        page.waitForURL("**/ui/login.html");
        assertThat(page.locator("h1")).hasText("Sign in");
        screenshot(page, "login");
    }

    @Test
    void aWrongPasswordIsRefusedSayingSo() {
        page.navigate("/ui/login.html");
        page.fill("#username", "alice");
        page.fill("#password", "not-her-secret");
        page.click("#login");

        assertThat(page.locator("#messages .problem")).containsText("unknown user or wrong password");
        assertThat(page).hasURL(url("/ui/login.html"));
    }
}
