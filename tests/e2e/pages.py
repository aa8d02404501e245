"""Steps that several journeys take in the browser."""

from playwright.sync_api import Page, expect


def log_in(page: Page, *, email: str, password: str) -> None:
    """Log in through allauth's form; the caller checks where it lands."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def expect_logged_in_home(page: Page, *, first_name: str) -> None:
    expect(page.get_by_role("heading", name=f"Hello, {first_name}", exact=True)).to_be_visible()


def message(page: Page, text: str):
    """A flash message of base.html."""
    return page.locator(".messages .message").filter(has_text=text)
