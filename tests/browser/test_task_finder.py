"""The task finder in a real browser: keyboard use, typing fast, the result, reload, links, files, print, axe."""

import json

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations, exported_text, pick_file, printed_text, wait_ready

pytestmark = pytest.mark.browser

PAGE = "vaerktoejer/opgavefinder/"
ROOT = "hjemmearbejde/v1/task-finder"


def stored(page):
    return page.evaluate("""root => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith(root + '/')).map(k => [k, JSON.parse(localStorage.getItem(k))]))""", ROOT)


def current_data(page):
    [document] = [d for d in stored(page).values()]
    return document["data"]


def test_a_leader_works_through_the_finder_by_keyboard_alone(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + PAGE)
    wait_ready(page)

    # Search as you type, then pick a task from the list with the keyboard.
    page.locator("#hj-opgaver-search").focus()
    page.keyboard.type("bogholderi", delay=0)
    pick = page.get_by_role("button", name="Vælg Regnskab, bogholderi og controlling", exact=True)
    expect(pick).to_be_visible()
    expect(page.locator("#hj-opgaver-search")).to_have_value("bogholderi")
    page.keyboard.press("Tab")
    expect(page.locator("#hj-opgaver-area")).to_be_focused()
    page.keyboard.press("Tab")
    expect(pick).to_be_focused()
    page.keyboard.press("Enter")
    picked = page.locator('[data-action="task-toggle"][value="bogholderi"]')
    expect(picked).to_have_attribute("aria-pressed", "true")
    expect(picked).to_be_focused()  # focus stays where the user is
    expect(page.locator(".hj-widget__status")).to_contain_text("er valgt")

    # An own task: typed fast, added with Enter; focus moves to it and its questions are open.
    page.locator("#hj-opgaver-own-name").focus()
    page.keyboard.type("Opdatere vagtplanen", delay=0)
    page.keyboard.press("Enter")
    expect(page.locator("#hj-opgaver-task-egen-1-title")).to_be_focused()
    expect(page.locator("#hj-opgaver-task-egen-1")).to_contain_text("Mangler svar på 10 spørgsmål")
    for question, answer in (("moede-mennesker", "no"), ("fysiske-ting", "no"), ("maskiner", "no"),
                             ("udendoers", "no"), ("vaernemidler", "no"), ("fortroligt", "no"),
                             ("computer-telefon", "yes"), ("samarbejde", "yes"), ("oplaering", "no"),
                             ("fordybelse", "no")):
        page.locator(f"#hj-opgaver-egen-1-{question}-{answer}").focus()
        page.keyboard.press("Space")
    expect(page.locator("#hj-opgaver-task-egen-1")).to_contain_text("Kan delvis eller med tilpasning")
    expect(page.locator("#hj-opgaver-task-egen-1")).to_contain_text("tæt samarbejde ansigt til ansigt")

    # Hours and a note, typed fast: nothing typed is lost to a re-render.
    page.locator("#hj-opgaver-hours-bogholderi").focus()
    page.keyboard.type("30", delay=0)
    page.locator("#hj-opgaver-hours-egen-1").focus()
    page.keyboard.type("10", delay=0)
    note = page.locator("#hj-opgaver-note-egen-1")
    note.focus()
    text = "Kan ske hjemme, når planen ligger i systemet. <b>fed</b> & mere"
    page.keyboard.type(text, delay=0)
    expect(note).to_have_value(text)
    page.keyboard.press("Tab")

    result = page.locator("#hj-opgaver-result")
    expect(result).to_contain_text("Forslag: op til 4 dage hjemme og 1 faste dag på arbejdspladsen")
    expect(result).to_contain_text("Kan løses hjemme (1)")
    expect(result).to_contain_text("tilknytningen til arbejdspladsen")
    expect(result.locator("table.hj-chart__table")).to_contain_text("30")

    # A reload keeps everything.
    page.reload()
    wait_ready(page)
    expect(page.locator("#hj-opgaver-hours-bogholderi")).to_have_value("30")
    expect(page.locator("#hj-opgaver-note-egen-1")).to_have_value(text)
    expect(page.locator("#hj-opgaver-egen-1-samarbejde-yes")).to_be_checked()
    expect(page.locator("#hj-opgaver-result")).to_contain_text("Forslag: op til 4 dage hjemme")
    assert [t["id"] for t in current_data(page)["tasks"]] == ["bogholderi", "egen-1"]
    assert [v["id"] for v in axe_violations(page)] == []

    # Bad hours: shown at the field and in the summary, said when leaving it; nothing typed is lost.
    hours = page.locator("#hj-opgaver-hours-bogholderi")
    hours.fill("-3")
    hours.press("Tab")
    expect(page.locator("#hj-opgaver-hours-bogholderi-error")).to_contain_text("negativt")
    expect(hours).to_have_attribute("aria-invalid", "true")
    expect(hours).to_have_value("-3")
    page.locator("#hj-opgaver-errors").get_by_role("link").click()
    expect(hours).to_be_focused()
    assert [v["id"] for v in axe_violations(page)] == []  # Material's back-to-top button is shown now too
    assert "Anna" not in page.url and "?" not in page.url
    assert watch.errors == [] and watch.foreign_requests() == []


def test_a_link_preselects_tasks_once_and_says_which_ids_it_did_not_know(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + PAGE + "?opgaver=bogholderi,rengoering,findes-ikke")
    wait_ready(page)
    expect(page.locator(".hj-notice")).to_contain_text("Linket har valgt 2 opgaver")
    expect(page.locator(".hj-notice")).to_contain_text("»findes-ikke«")
    expect(page.locator("#hj-opgaver-result")).to_contain_text("Kræver fremmøde (1)")
    assert "opgaver=" not in page.url  # applied: a reload does not apply it again
    page.reload()
    wait_ready(page)
    expect(page.locator(".hj-notice")).to_have_count(0)
    assert len(stored(page)) == 1
    assert [t["id"] for t in current_data(page)["tasks"]] == ["bogholderi", "rengoering"]
    assert watch.errors == []


def test_export_import_round_trip_and_print_with_the_answers(open_context, site_url):
    context, watch = open_context(accept_downloads=True)
    page = context.new_page()
    page.goto(site_url + PAGE + "?opgaver=korrektur,kasse")
    wait_ready(page)
    page.locator("#hj-opgaver-hours-korrektur").fill("12")
    exported = json.loads(exported_text(page))
    assert exported["tool"] == "task-finder" and exported["schema"] == 1
    assert [t["hours"] for t in exported["data"]["tasks"]] == ["12", ""]

    exported["name"] = "Fra jobcentret"
    pick_file(page, "#hj-opgaver-import", "opgaver.json", json.dumps(exported))
    page.get_by_role("button", name="Hent som ny kopi", exact=True).click()
    expect(page.locator("#hj-opgaver-current strong")).to_have_text("Fra jobcentret")
    expect(page.locator("#hj-opgaver-hours-korrektur")).to_have_value("12")
    assert len(stored(page)) == 2

    printed = printed_text(page)
    assert "Korrekturlæsning" in printed or "Korrektur" in printed
    assert "Kræver fremmøde (1)" in printed and "Søg efter en opgave" not in printed
    assert watch.errors == [] and watch.foreign_requests() == []
