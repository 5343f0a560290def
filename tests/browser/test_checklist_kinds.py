"""The item kinds in a real browser: status and the action list, text and dates, choices and summaries."""

import json
import re

import pytest
from playwright.sync_api import expect

from tools import checklists

from tests.support.browser import axe_violations, exported_text, pick_file, printed_text, wait_ready

pytestmark = pytest.mark.browser


def checklist_with(kind):
    return next(c for c in checklists.available() if any(i.kind == kind for i in checklists.load(c).items))


def open_checklist(page, site_url, checklist_id):
    page.goto(f"{site_url}vaerktoejer/tjekliste-{checklist_id}/")
    wait_ready(page)


def test_status_points_make_a_live_action_list_kept_after_reload_and_in_the_export(open_context, site_url):
    context, watch = open_context(accept_downloads=True)
    page = context.new_page()
    checklist = checklists.load(checklist_with("status"))
    item = next(i for i in checklist.items if i.kind == "status")
    uid = f"hj-{checklist.id}-{item.id}"
    open_checklist(page, site_url, checklist.id)
    # Keyboard alone: Tab into the radio group, arrow to "Skal handles".
    page.locator(f"#{uid}-ok").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"#{uid}-act")).to_be_checked()
    note = page.locator(f"#{uid}-note")
    note.click()
    page.keyboard.type("Bestil en skærm <i>nu</i> 😀", delay=0)
    actions = page.locator(".hj-action-list")
    expect(actions).to_contain_text(item.text)
    expect(actions).to_contain_text("Bestil en skærm <i>nu</i> 😀")
    page.reload()
    wait_ready(page)
    expect(page.locator(f"#{uid}-act")).to_be_checked()
    expect(page.locator(f"#{uid}-note")).to_have_value("Bestil en skærm <i>nu</i> 😀")
    text = exported_text(page, "export-markdown")
    assert "## Handleliste" in text and f"- [ ] {item.text}" in text and "Bestil en skærm <i>nu</i> 😀" in text
    pdf = printed_text(page)
    assert "Handleliste (1)" in pdf and "Bestil en skærm" in pdf and "Skal handles" in pdf
    assert watch.errors == []


def test_fast_typing_in_a_text_answer_loses_nothing_and_survives_reload_and_a_file_round_trip(open_context, site_url):
    context, watch = open_context(accept_downloads=True)
    page = context.new_page()
    checklist = checklists.load(checklist_with("text"))
    text_item = next(i for i in checklist.items if i.kind == "text")
    date_item = next((i for i in checklist.items if i.kind == "date"), None)
    open_checklist(page, site_url, checklist.id)
    field = page.locator(f"#hj-{checklist.id}-{text_item.id}")
    typed = 'Linje ét: "<script>alert(1)</script>" & æøå\nLinje to: \u200f‮ {{ 7*7 }} 😀 ' + "z" * 300
    field.click()
    page.keyboard.type(typed, delay=0)  # as fast as the browser takes keystrokes
    expect(field).to_have_value(typed)
    expect(page.locator(f"#hj-{checklist.id}-{text_item.id}-count")).to_have_text(
        re.compile(rf"^{len(typed)} af "))
    if date_item:
        page.locator(f"#hj-{checklist.id}-{date_item.id}").fill("2027-02-01")
    page.locator(f"#hj-{checklist.id}-{text_item.id}-count").click()  # blur
    page.reload()
    wait_ready(page)
    expect(field).to_have_value(typed)
    exported = exported_text(page)
    assert json.loads(exported)["data"]["answers"][text_item.id] == typed

    fresh = open_context()[0].new_page()
    open_checklist(fresh, site_url, checklist.id)
    pick_file(fresh, f"#hj-{checklist.id}-import", "svar.json", exported)
    fresh.get_by_role("button", name=re.compile("^Erstat")).click()
    fresh.get_by_role("button", name=re.compile("^Ja, erstat")).click()
    expect(fresh.locator(f"#hj-{checklist.id}-{text_item.id}")).to_have_value(typed)
    if date_item:
        expect(fresh.locator(f"#hj-{checklist.id}-{date_item.id}")).to_have_value("2027-02-01")
    assert watch.errors == []


@pytest.mark.parametrize("kind", ["status", "choice"])
def test_a_picked_answer_survives_reload_and_a_file_round_trip(open_context, site_url, kind):
    context, watch = open_context(accept_downloads=True)
    page = context.new_page()
    checklist = checklists.load(checklist_with(kind))
    item = next(i for i in checklist.items if i.kind == kind)
    picked = item.choices[1]
    radio = f"#hj-{checklist.id}-{item.id}-{picked.value}"
    open_checklist(page, site_url, checklist.id)
    page.locator(f'label[for="hj-{checklist.id}-{item.id}-{picked.value}"]').click()
    expect(page.locator(radio)).to_be_checked()
    # The browser ticks the radio at once; Python's answer (and the save) follows.
    expect(page.locator(".hj-checklist__count")).to_have_text(re.compile(r"^1 af "))
    page.reload()
    wait_ready(page)
    expect(page.locator(radio)).to_be_checked()
    exported = exported_text(page)
    assert json.loads(exported)["data"]["answers"][item.id] == picked.value

    fresh = open_context()[0].new_page()
    open_checklist(fresh, site_url, checklist.id)
    pick_file(fresh, f"#hj-{checklist.id}-import", "svar.json", exported)
    fresh.get_by_role("button", name="Hent som ny kopi", exact=True).click()
    expect(fresh.locator(radio)).to_be_checked()
    assert f"Svar: {picked.label}" in printed_text(fresh)
    assert watch.errors == []


def test_choice_answers_give_a_summary_per_theme(page_and_watch, site_url):
    page, watch = page_and_watch
    checklist = next(c for c in map(checklists.load, checklists.available()) if any(s.summaries for s in c.sections))
    section = next(s for s in checklist.sections if s.summaries)
    open_checklist(page, site_url, checklist.id)
    for item in section.items:
        if item.kind == "choice":
            best = max(item.options, key=lambda o: o.score or 0)
            page.locator(f'label[for="hj-{checklist.id}-{item.id}-{best.value}"]').click()
    summary = page.locator(f"#hj-{checklist.id}-{section.id} .hj-checklist__summary")
    expect(summary).to_contain_text(section.summaries[0].text)
    assert watch.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_widget_filled_in_and_showing_errors(open_context, site_url, scheme):
    context, watch = open_context(color_scheme=scheme)
    page = context.new_page()
    checklist = checklists.load(checklist_with("status"))
    open_checklist(page, site_url, checklist.id)
    for item in checklist.items[:3]:
        if item.kind == "status":
            page.locator(f'label[for="hj-{checklist.id}-{item.id}-act"]').click()
            page.locator(f"#hj-{checklist.id}-{item.id}-note").fill("Aftal med IT")
    page.locator('[data-action="copies-toggle"]').click()
    page.get_by_role("button", name="Opret kopi", exact=True).click()  # no name: an error at the field
    expect(page.locator(f"#hj-{checklist.id}-errors")).to_be_visible()
    violations = axe_violations(page)
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
    assert watch.errors == []


def test_a_whole_checklist_done_with_the_keyboard_alone(page_and_watch, site_url):
    page, watch = page_and_watch
    checklist = checklists.load("kom-godt-i-gang")
    open_checklist(page, site_url, checklist.id)
    page.locator(f"#hj-{checklist.id}-{checklist.item_ids[0]}").focus()
    for item_id in checklist.item_ids:
        expect(page.locator(f"#hj-{checklist.id}-{item_id}")).to_be_focused()  # focus stays through re-renders
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
    total = len(checklist.item_ids)
    expect(page.locator(".hj-checklist__count")).to_have_text(f"{total} af {total} punkter")
    expect(page.locator(f"#hj-{checklist.id}-clear")).to_be_focused()  # the next stop after the last point
    assert watch.errors == []
