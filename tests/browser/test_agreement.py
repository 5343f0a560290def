"""The home-work agreement in a real browser: prefilled from the finder, edited, printed with signature lines."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations, exported_text, pick_file, printed_text, wait_ready

pytestmark = pytest.mark.browser


def test_the_agreement_is_prefilled_from_the_finder_edited_and_printed_for_signing(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + "vaerktoejer/opgavefinder/?opgaver=bogholderi,korrektur,rengoering")
    wait_ready(page)
    for task_id, hours in (("bogholderi", "20"), ("korrektur", "10"), ("rengoering", "7")):
        page.locator(f"#hj-opgaver-hours-{task_id}").fill(hours)
    expect(page.locator("#hj-opgaver-result")).to_contain_text("Forslag: op til 4 dage hjemme")

    page.goto(site_url + "vaerktoejer/aftale/")
    wait_ready(page)
    days = page.locator("#hj-aftale-dage")
    expect(days).to_have_value("4 dage hjemme og 1 dag på arbejdspladsen om ugen.")
    expect(page.locator("#hj-aftale-opgaver")).to_have_value(
        "Kan løses hjemme: Regnskab, bogholderi og controlling, Korrekturlæsning.")
    expect(page.locator("#hj-aftale-dage-prefilled")).to_contain_text("Udfyldt fra opgavefinderen (»Mine opgaver«)")
    assert [v["id"] for v in axe_violations(page)] == []

    days.fill("3 dage hjemme, mandag, onsdag og fredag.")
    expect(page.locator("#hj-aftale-dage-prefilled")).to_have_count(0)
    page.locator("#hj-aftale-medarbejder").fill("Anna Hansen")
    page.locator("#hj-aftale-start").fill("2027-01-04")
    page.reload()
    wait_ready(page)
    expect(days).to_have_value("3 dage hjemme, mandag, onsdag og fredag.")
    expect(page.locator("#hj-aftale-opgaver-prefilled")).to_be_visible()

    printed = printed_text(page)
    assert "Anna Hansen" in printed and "3 dage hjemme, mandag, onsdag og fredag." in printed
    assert "Dato og underskrift" in printed and "Medarbejder" in printed and "Leder" in printed
    assert "Udfyldt fra" not in printed and "Hent dage og opgaver" not in printed
    page.emulate_media(media="screen")

    # Saved as a file and fetched back as a second agreement.
    exported = json.loads(exported_text(page))
    assert exported["tool"] == "agreement" and exported["data"]["fields"]["answers"]["medarbejder"] == "Anna Hansen"
    exported["name"] = "Aftale fra HR"
    pick_file(page, "#hj-aftale-import", "aftale.json", json.dumps(exported))
    page.get_by_role("button", name="Hent som ny kopi", exact=True).click()
    expect(page.locator("#hj-aftale-current strong")).to_have_text("Aftale fra HR")
    expect(page.locator("#hj-aftale-medarbejder")).to_have_value("Anna Hansen")
    assert watch.errors == [] and watch.foreign_requests() == []


def test_the_agreement_by_keyboard_alone(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + "vaerktoejer/opgavefinder/?opgaver=korrektur")
    wait_ready(page)
    page.goto(site_url + "vaerktoejer/aftale/")
    wait_ready(page)
    page.locator("#hj-aftale-medarbejder").focus()
    page.keyboard.type("Anna, fleksjob", delay=0)
    page.keyboard.press("Tab")  # past the counter, to the next field
    expect(page.locator("#hj-aftale-leder")).to_be_focused()
    page.keyboard.type("Bo", delay=0)
    page.locator("#hj-aftale-opgaver").focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    expect(page.locator("#hj-aftale-opgaver")).to_have_value("")
    # Fetch the tasks again from the finder, by keyboard: the select, then its button.
    page.locator("#hj-aftale-finder-source").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#hj-aftale-opgaver")).to_have_value("Kan løses hjemme: Korrekturlæsning.")
    expect(page.locator(".hj-widget__status")).to_contain_text("Udfyldt fra »Mine opgaver«")
    page.locator("#hj-aftale-start").focus()
    page.keyboard.type("04012027", delay=0)  # the field's order of day and month follows the browser's language
    expect(page.locator("#hj-aftale-start")).to_have_value(re.compile(r"^2027-(01-04|04-01)$"))
    expect(page.locator("#hj-aftale-medarbejder")).to_have_value("Anna, fleksjob")
    assert watch.errors == [] and watch.foreign_requests() == []
