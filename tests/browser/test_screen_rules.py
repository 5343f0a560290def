""""Gælder skærmreglerne?" on the rules page: boundary cases, errors at the field, keyboard, axe."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations, wait_ready

pytestmark = pytest.mark.browser

PAGE = "regler/arbejdsmiljoe/"


def fill_weeks(page, home, other=()):
    for week in range(1, 6):
        page.locator(f"#hj-skaermregler-home-{week}").fill(home[week - 1] if week <= len(home) else "")
        page.locator(f"#hj-skaermregler-other-{week}").fill(other[week - 1] if week <= len(other) else "")


def test_the_rule_on_the_page_boundaries_errors_and_summation(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + PAGE)
    wait_ready(page)
    result = page.locator("#hj-skaermregler-result")
    submit = page.get_by_role("button", name="Se, hvad der gælder")

    fill_weeks(page, ["2", "2", "2", "2"])  # exactly two on average
    page.locator("#hj-skaermregler-home-4").press("Enter")  # Enter in a field submits to the widget
    expect(result).to_be_focused()
    expect(result).to_contain_text("De særlige krav gælder ikke hjemme.")
    assert "?" not in page.url  # nothing typed reaches the address

    fill_weeks(page, ["2,5", "2", "2", "2"])
    submit.click()
    expect(result).to_contain_text("De særlige krav gælder hjemme.")

    fill_weeks(page, ["1", "1", "1", "1"], ["2", "2", "2", "2"])  # together 3: the summation rule
    submit.click()
    summary = page.locator("#hj-skaermregler-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("adgang til en skærmarbejdsplads")
    page.locator('label[for="hj-skaermregler-compliant-nej"]').click()
    submit.click()
    expect(result).to_contain_text("sammentællingsreglen")
    expect(result).to_contain_text("De særlige krav gælder hjemme.")

    fill_weeks(page, ["5", "to"], ["3"])
    submit.click()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("som et tal")
    summary.get_by_role("link", name="Uge 2: skriv dagene hjemme som et tal, fx 2 eller 2,5.").click()
    expect(page.locator("#hj-skaermregler-home-2")).to_be_focused()
    expect(page.locator("#hj-skaermregler-home-2")).to_have_value("to")  # nothing typed is lost
    expect(page.locator("#hj-skaermregler-home-2")).to_have_attribute("aria-invalid", "true")

    violations = axe_violations(page)
    assert [v["id"] for v in violations] == []
    assert watch.errors == [] and watch.foreign_requests() == []


def test_the_screen_rule_check_by_keyboard_alone(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + PAGE)
    wait_ready(page)
    page.locator("#hj-skaermregler-home-1").focus()
    for week in range(4):  # Tab moves along the row, then to the next week
        page.keyboard.type("3", delay=0)
        page.keyboard.press("Tab")
        expect(page.locator(f"#hj-skaermregler-other-{week + 1}")).to_be_focused()
        page.keyboard.press("Tab")
    page.locator("#hj-skaermregler-compliant-ja").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Se, hvad der gælder")).to_be_focused()
    page.keyboard.press("Enter")
    result = page.locator("#hj-skaermregler-result")
    expect(result).to_be_focused()
    expect(result).to_contain_text("De særlige krav gælder hjemme.")
    assert watch.errors == []
