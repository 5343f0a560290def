"""Robustness in a real browser: hostile text typed into a free-text field of every tool, a change
made in another tab on every tool, and a browser without WebAssembly."""

import re

import pytest
from playwright.sync_api import expect

from tools import checklists

from tests.support.browser import START_TIMEOUT_MS, wait_ready
from tests.unit.test_hostile_input import CORPUS

pytestmark = pytest.mark.browser

EVALUATION = checklists.load("evaluering")
EVALUATION_TEXT = next(i for i in EVALUATION.items if i.kind == checklists.TEXT)

# Each tool's page and one free-text field on it (the finder's note needs a picked task first).
FIELDS = {
    "checklist": ("vaerktoejer/tjekliste-evaluering/", f"#hj-evaluering-{EVALUATION_TEXT.id}"),
    "task-finder": ("vaerktoejer/opgavefinder/?opgaver=bogholderi", "#hj-opgaver-note-bogholderi"),
    "agreement": ("vaerktoejer/aftale/", "#hj-aftale-opgaver"),
    "copy-name": ("vaerktoejer/tjekliste-kom-godt-i-gang/", "#hj-kom-godt-i-gang-copy-name"),
}

# Every kind of the unit layer's corpus but the very long one (the unit layer has it), typed as one
# text; a copy's name takes at most 80 characters, so it gets the sharpest few.
HOSTILE = " ¦ ".join(text for kind, text in CORPUS.items() if kind != "long")
SHORT_HOSTILE = '"><img src=x onerror=alert(1)><script>x</script> {{ 7*7 }} 😀 \u202eæøå'

TRAP = """window.__executed = [];
for (const name of ['alert', 'confirm', 'prompt']) window[name] = () => window.__executed.push(name);"""

INJECTED = "document.querySelectorAll('.hj-widget img, .hj-widget svg[onload], .hj-widget script, [onerror], [onmouseover]').length"


@pytest.mark.parametrize("tool", FIELDS)
def test_hostile_text_is_shown_as_typed_kept_after_reload_and_never_runs(open_context, site_url, tool):
    context, watch = open_context()
    context.add_init_script(TRAP)
    page = context.new_page()
    path, selector = FIELDS[tool]
    page.goto(site_url + path)
    wait_ready(page)
    if tool == "copy-name":
        page.locator('[data-action="copies-toggle"]').click()
    field = page.locator(selector)
    multiline = field.evaluate("f => f.tagName") == "TEXTAREA"
    typed = SHORT_HOSTILE if tool == "copy-name" else HOSTILE if multiline else HOSTILE.replace("\n", " ")
    field.click()
    page.keyboard.type(typed, delay=0)
    expect(field).to_have_value(typed)
    if tool == "copy-name":
        page.get_by_role("button", name="Opret kopi", exact=True).click()
        expect(page.locator("#hj-kom-godt-i-gang-current strong")).to_have_text(typed.strip())
    else:
        page.locator("h1").click()  # leave the field: the last keystroke is saved
        page.reload()
        wait_ready(page)
        expect(field).to_have_value(typed)
    assert page.evaluate("window.__executed") == []
    assert page.evaluate(INJECTED) == 0
    assert watch.errors == []  # an inline handler that got through would also be a CSP violation


# Each tool that saves: where it is, something to do in one tab, and how the other tab shows it.
CHANGES = {
    "task-finder": ("vaerktoejer/opgavefinder/",
                    lambda page: (page.locator("#hj-opgaver-search").fill("bogholderi"),
                                  page.locator('[data-action="task-toggle"][value="bogholderi"]').click()),
                    lambda page: expect(page.locator("#hj-opgaver-hours-bogholderi")).to_be_visible()),
    "agreement": ("vaerktoejer/aftale/",
                  lambda page: page.locator("#hj-aftale-medarbejder").fill("Anna Hansen"),
                  lambda page: expect(page.locator("#hj-aftale-medarbejder")).to_have_value("Anna Hansen")),
}


@pytest.mark.parametrize("tool", CHANGES)
def test_a_change_made_in_another_tab_shows_in_this_one(open_context, site_url, tool):
    context, watch = open_context()
    path, change, shows = CHANGES[tool]
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.goto(site_url + path)
        wait_ready(page)
    change(first)
    shows(second)
    expect(second.locator(".hj-widget__status")).to_have_text(re.compile("andet vindue"))
    assert watch.errors == []


def test_a_browser_without_webassembly_keeps_the_static_tool_with_a_danish_message(open_context, site_url):
    # Locked-down browsers can turn WebAssembly off (e.g. with the JIT); Chromium's own switch for it,
    # --js-flags=--noexpose_wasm, no longer removes it, so the page's global goes before any script runs.
    context, watch = open_context()
    context.add_init_script("delete globalThis.WebAssembly")
    page = context.new_page()
    page.goto(site_url + "vaerktoejer/tjekliste-kom-godt-i-gang/")
    expect(page.locator("[data-widget]")).to_have_attribute("data-state", "error", timeout=START_TIMEOUT_MS)
    expect(page.locator(".hj-widget__status")).to_have_text(re.compile("kunne ikke starte"))
    expect(page.get_by_role("button", name="Prøv igen", exact=True)).to_be_visible()
    expect(page.locator('.hj-checklist input[type="checkbox"]').first).to_be_visible()
    assert not [u for u in watch.requests if "pyodide" in u or u.endswith("worker.js")]  # nothing downloaded in vain
    page.goto(site_url + "regler/")
    expect(page.locator(".hj-widget__retry")).to_have_count(0)
