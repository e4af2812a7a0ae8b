package dev.ordo.marketplace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.InstanceOfAssertFactories;
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

    @Test
    void aUserSignsInOnTheIssuersLoginPageAndComesBackWithTheirOwnToken() {
        page.navigate("/ui/login.html?next=/ui/orders.html");
        page.click("#issuer-sign-in");
        page.waitForURL("**/login");
        page.fill("#username", "bob");
        page.fill("#password", "not-his-secret");
        page.click("button[type=submit]");
        page.waitForURL("**/login?error");

        page.fill("#username", "bob");
        page.fill("#password", "bob-secret");
        page.click("button[type=submit]");

        page.waitForURL("**/ui/orders.html");
        Object claims = page.evaluate("() => JSON.parse(atob(sessionStorage.getItem('ordo.token').split('.')[1]"
                + ".replace(/-/g, '+').replace(/_/g, '/')))");
        Assertions.assertThat(claims).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("sub", "bob").containsEntry("customer_id", "6f1c3e7a-2b1d-4c5e-9f00-000000000002")
                .containsEntry("roles", List.of("customer"));
    }

    @Test
    void aCallbackThatThisTabDidNotAskForIsRefused() {
        page.navigate("/ui/callback.html?code=stolen&state=guessed");

        assertThat(page.locator("#messages .problem")).containsText("does not belong to a sign-in started in this tab");
        assertThat(page.locator("a[href='/ui/login.html']")).isVisible();
    }
}
