"""The checklist engine in a real browser: copies, files, faults, "Mine data", print to PDF."""

import json
import re

import pytest
from playwright.sync_api import expect

from tools import checklists

from tests.support.browser import exported_text, pick_file, printed_text, wait_ready

pytestmark = pytest.mark.browser

PAGE = "vaerktoejer/tjekliste-kom-godt-i-gang/"
ROOT = "hjemmearbejde/v1/checklist/kom-godt-i-gang"
IDS = checklists.load("kom-godt-i-gang").item_ids


def stored(page, root="hjemmearbejde"):
    return page.evaluate("""root => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k === root || k.startsWith(root + '/')).map(k => [k, localStorage.getItem(k)]))""", root)


def tick(page, item_id):
    page.locator(f'label[for="hj-kom-godt-i-gang-{item_id}"]').click()


def expect_count(page, done):
    expect(page.locator(".hj-checklist__count")).to_have_text(re.compile(rf"^{done} af "))


def current_copy(page):
    return page.locator("#hj-kom-godt-i-gang-current strong")


def test_named_copies_create_switch_rename_delete_and_undo(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + PAGE)
    wait_ready(page)
    tick(page, IDS[0])
    expect_count(page, 1)
    toggle = page.locator('[data-action="copies-toggle"]')
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")

    page.locator("#hj-kom-godt-i-gang-copy-name").fill("Anna")
    page.locator("#hj-kom-godt-i-gang-copy-name").press("Enter")  # the form submits to the widget, not the server
    expect(current_copy(page)).to_have_text("Anna")
    expect(page.locator("#hj-kom-godt-i-gang-current")).to_be_focused()
    expect_count(page, 0)
    assert "Anna" not in page.url and "?" not in page.url
    tick(page, IDS[1])
    expect_count(page, 1)

    page.locator("#hj-kom-godt-i-gang-copy-rename").fill("Anna Hansen")
    page.get_by_role("button", name="Omdøb", exact=True).click()
    expect(current_copy(page)).to_have_text("Anna Hansen")

    page.get_by_role("button", name="Åbn Min liste", exact=True).click()
    expect(current_copy(page)).to_have_text("Min liste")
    expect(page.locator(f"#hj-kom-godt-i-gang-{IDS[0]}")).to_be_checked()
    expect(page.locator(f"#hj-kom-godt-i-gang-{IDS[1]}")).not_to_be_checked()

    page.reload()
    wait_ready(page)
    expect(current_copy(page)).to_have_text("Min liste")  # the copy opened last
    page.locator('[data-action="copies-toggle"]').click()
    page.get_by_role("button", name="Slet Anna Hansen", exact=True).click()
    expect(page.locator('[data-action="copy-undo-delete"]')).to_be_focused()
    # The button that had focus was morphed into another: it must not keep its old label.
    expect(page.get_by_role("button", name="Slet Anna Hansen", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Slet Min liste", exact=True)).to_have_count(1)
    assert len(stored(page, ROOT)) == 1
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Slet Anna Hansen", exact=True)).to_be_visible()
    assert len(stored(page, ROOT)) == 2
    assert watch.errors == [] and watch.foreign_requests() == []


def test_export_then_import_round_trip_and_a_bad_file_is_refused_at_the_field(open_context, site_url, tmp_path):
    context, watch = open_context(accept_downloads=True)
    page = context.new_page()
    page.goto(site_url + PAGE)
    wait_ready(page)
    tick(page, IDS[2])
    expect_count(page, 1)
    exported = json.loads(exported_text(page))
    assert exported["tool"] == "checklist" and exported["checklist"] == "kom-godt-i-gang"
    assert exported["schema"] == 2 and exported["name"] == "Min liste" and exported["exported"]
    assert exported["data"]["answers"] == {IDS[2]: True}

    # A file that is not JSON: the error summary takes focus and links to the field; nothing changes.
    before = stored(page, ROOT)
    pick_file(page, "#hj-kom-godt-i-gang-import", "noter.txt", "ikke json", mime="text/plain")
    summary = page.locator("#hj-kom-godt-i-gang-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("ikke en JSON-fil")
    summary.get_by_role("link").click()
    expect(page.locator("#hj-kom-godt-i-gang-import")).to_be_focused()
    assert stored(page, ROOT) == before

    # Too large: refused before it is read.
    pick_file(page, "#hj-kom-godt-i-gang-import", "stor.json", b" " * (1024 * 1024 + 1))
    expect(summary).to_contain_text("for stor")

    # The exported file comes back as a new copy.
    exported["name"] = "Fra den anden computer"
    pick_file(page, "#hj-kom-godt-i-gang-import", "liste.json", json.dumps(exported))
    expect(page.locator("#hj-kom-godt-i-gang-pending")).to_be_focused()
    expect(summary).to_have_count(0)
    page.get_by_role("button", name="Hent som ny kopi", exact=True).click()
    expect(current_copy(page)).to_have_text("Fra den anden computer")
    expect(page.locator(f"#hj-kom-godt-i-gang-{IDS[2]}")).to_be_checked()
    assert len(stored(page, ROOT)) == 2
    assert watch.errors == []


def test_corrupt_saved_data_is_set_aside_and_the_page_still_works(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + "om/")
    page.evaluate(f"localStorage.setItem('{ROOT}/k1', '{{not json')")
    page.goto(site_url + PAGE)
    wait_ready(page)
    expect(page.locator(".hj-notice")).to_contain_text("lagt til side")
    keys = stored(page)
    assert f"{ROOT}/k1" not in keys
    [backup] = [k for k in keys if k.startswith("hjemmearbejde/backup/")]
    assert keys[backup] == "{not json"
    tick(page, IDS[0])
    expect_count(page, 1)
    assert watch.errors == []


def open_and_tick_the_first(page, site_url):
    page.goto(site_url + PAGE)
    wait_ready(page)
    tick(page, IDS[0])
    expect_count(page, 1)


def test_mine_data_lists_and_deletes_everything_the_site_keeps(page_and_watch, site_url):
    page, watch = page_and_watch
    open_and_tick_the_first(page, site_url)
    page.evaluate("localStorage.setItem('other-app', 'keep me')")  # another application on the same origin
    page.goto(site_url + "om/privatliv/")
    wait_ready(page)
    table = page.locator(".hj-stored__table")
    expect(table).to_contain_text("Tjekliste: Kom godt i gang med hjemmearbejde")
    expect(table).to_contain_text("Min liste")
    page.get_by_role("button", name="Slet alt", exact=True).click()
    expect(page.locator("#hj-mine-data-confirm")).to_be_focused()
    page.get_by_role("button", name="Ja, slet alt", exact=True).click()
    expect(page.locator("#hj-mine-data-status")).to_have_text("Siden har intet gemt i denne browser.")
    assert stored(page) == {}
    assert page.evaluate("localStorage.getItem('other-app')") == "keep me"
    assert watch.errors == []


def test_printing_to_pdf_keeps_the_copy_name_the_date_and_the_answers(open_context, site_url):
    context, watch = open_context()
    context.add_init_script("window.print = () => { window.__printed = true; };")
    page = context.new_page()
    open_and_tick_the_first(page, site_url)
    page.locator('[data-action="print"]').click()
    page.wait_for_function("() => window.__printed === true")
    expect(page.locator(".hj-copies__current .hj-print-only")).to_contain_text("udskrevet")
    text = printed_text(page)
    assert "Kopi: Min liste" in text and "1 af" in text
    assert re.search(r"udskrevet \d{1,2}\. \w+ \d{4}", text), text[:300]
    assert checklists.load("kom-godt-i-gang").items[0].text in text
    assert "Hent en kopi fra en fil" not in text and "Ryd listen" not in text
    assert watch.errors == []


def test_without_javascript_the_empty_list_prints(open_context, site_url):
    context, _ = open_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    text = printed_text(page)
    for item in checklists.load("kom-godt-i-gang").items:
        assert item.text[:40] in text
    assert "Ryd listen" not in text



def test_mine_data_by_keyboard_alone_delete_one_and_undo(page_and_watch, site_url):
    page, watch = page_and_watch
    open_and_tick_the_first(page, site_url)
    page.goto(site_url + "om/privatliv/")
    wait_ready(page)
    delete = page.locator('[data-action="stored-delete"]').first
    delete.focus()
    page.keyboard.press("Enter")
    undo = page.locator('[data-action="stored-undo"]')
    expect(undo).to_be_focused()
    assert stored(page, ROOT) == {}
    page.keyboard.press("Enter")
    expect(page.locator('[data-action="stored-delete"]')).to_have_count(1)
    assert len(stored(page, ROOT)) == 1
    assert watch.errors == []
