"""The checklist widget: answering every kind of item, the old saved ticks, clear and undo, rendering,
progress, text at its limit, the action list in the JSON export, and the list quoted on guidance pages."""

import json
import re

import pytest

from tools import checklist_answers as answers_
from tools import checklists, copies
from tools.contract import STORAGE_OK, STORAGE_UNAVAILABLE, Context, Stored
from tools.html import number
from tools.widgets import checklist as widget

CONFIG = {"checklist": "kom-godt-i-gang"}
IDS = checklists.load("kom-godt-i-gang").item_ids
ROOT = "hjemmearbejde/v1/checklist/kom-godt-i-gang"
NOW = "2026-11-23T10:15:00+01:00"


def mounted(documents=None, storage=STORAGE_OK, checklist="kom-godt-i-gang", corrupt=()):
    state = widget.start({"checklist": checklist})
    return widget.mount(state, Context(stored=Stored(documents or {}, tuple(corrupt)), storage=storage, now=NOW))


def tick(state, item_id, checked=True):
    return widget.handle(state, {"type": "change", "name": f"answer:{item_id}", "value": "true",
                                 "checked": checked, "now": NOW})


def saved(effects):
    return [e for e in effects if e["type"] == "save"]


def answers(state):
    return state["copies"][state["current"]]["data"]["answers"]


def test_start_is_empty_and_static():
    state = widget.start(CONFIG)
    assert answers(state) == {} and state["storage"] == "static"


def test_storage_root_is_versioned_and_per_checklist():
    assert widget.storage_key(CONFIG) == ROOT


def test_static_render_holds_every_item_unchecked_with_the_count_and_no_js_controls():
    html = widget.render(widget.start(CONFIG))
    for item in checklists.load("kom-godt-i-gang").items:
        assert f'name="answer:{item.id}"' in html
    assert not re.search(r"\schecked\b", html)
    assert f"0 af {len(IDS)} punkter" in html
    for action in ("print", "export-json", "copies-toggle", "clear"):
        assert f'data-action="{action}"' not in html
    assert 'type="file"' not in html


def test_ticking_saves_the_copy_and_updates_the_count():
    state, _ = mounted()
    state, effects = tick(state, IDS[2])
    assert answers(state) == {IDS[2]: True}
    [effect] = saved(effects)
    assert effect["key"].startswith(ROOT + "/")
    document = effect["document"]
    assert document["schema"] == 2 and document["tool"] == "checklist" and document["checklist"] == "kom-godt-i-gang"
    assert document["name"] == "Min liste" and document["changed"] == NOW
    assert document["data"] == {"answers": {IDS[2]: True}, "notes": {}}
    html = widget.render(state)
    assert f"1 af {len(IDS)} punkter" in html
    assert re.search(rf'value="true" checked[^>]*>\s*<label for="hj-kom-godt-i-gang-{IDS[2]}"', html) or \
        f'id="hj-kom-godt-i-gang-{IDS[2]}" name="answer:{IDS[2]}" value="true" checked' in html


def test_answers_keep_the_checklist_order_and_repeats_are_idempotent():
    state, _ = mounted()
    state, _ = tick(state, IDS[3])
    state, _ = tick(state, IDS[0])
    assert list(answers(state)) == [IDS[0], IDS[3]]
    same, effects = tick(state, IDS[0])
    assert same == state and effects == []
    state, effects = tick(state, IDS[0], checked=False)
    assert answers(state) == {IDS[3]: True} and saved(effects)


def test_unknown_items_and_events_change_nothing():
    state, _ = mounted()
    assert tick(state, "findes-ikke") == (state, [])
    assert widget.handle(state, {"type": "click", "action": "nothing", "now": NOW}) == (state, [])
    assert widget.handle(state, {"type": "input", "name": "x", "value": "y", "now": NOW}) == (state, [])


def test_the_old_saved_ticks_become_the_first_copy():
    """Before copies, the site saved {"schema": 1, "checked": [...]} under the root key."""
    state, effects = mounted({ROOT: {"schema": 1, "checked": [IDS[1], "fjernet-punkt", 7]}})
    assert answers(state) == {IDS[1]: True}
    assert state["copies"][state["current"]]["name"] == "Min liste"
    new, removed = saved(effects)
    assert new["key"] == f"{ROOT}/{state['current']}" and new["document"]["schema"] == 2
    assert new["document"]["data"]["answers"] == {IDS[1]: True}
    assert removed == {"type": "save", "key": ROOT, "document": None}
    assert not [e for e in effects if e["type"] == "announce"]  # a quiet upgrade


def test_unreadable_documents_are_set_aside_and_the_user_is_told():
    bad = {f"{ROOT}/k1": {"schema": 2, "tool": "checklist", "checklist": "kom-godt-i-gang", "name": "X",
                          "data": {"answers": {IDS[0]: "ja"}, "notes": {}}},
           ROOT: {"schema": 1, "checked": "x"}}
    state, effects = mounted(bad, corrupt=[f"{ROOT}/k2"])
    assert answers(state) == {}
    moved = sorted(e["key"] for e in effects if e["type"] == "set-aside")
    assert moved == [ROOT, f"{ROOT}/k1", f"{ROOT}/k2"]
    for effect in effects:
        if effect["type"] == "set-aside":
            assert effect["backup"].startswith("hjemmearbejde/backup/20261123-101500/v1/checklist/")
    assert "lagt til side" in widget.render(state)
    assert any(e["type"] == "announce" and "lagt til side" in e["message"] for e in effects)


def test_a_copy_from_a_newer_version_is_left_alone_with_a_message():
    newer = {f"{ROOT}/k1": {"schema": 3, "name": "Fra fremtiden", "data": {}}}
    state, effects = mounted(newer)
    assert not [e for e in effects if e["type"] in ("save", "set-aside")]
    assert "nyere udgave" in widget.render(state) and "Fra fremtiden" in widget.render(state)


def test_mount_without_storage_warns_in_danish_and_still_works():
    state, _ = mounted(storage=STORAGE_UNAVAILABLE)
    assert state["storage"] == "unavailable"
    assert "tillader ikke" in widget.render(state)
    state, _ = tick(state, IDS[0])
    assert answers(state) == {IDS[0]: True}


def test_a_failed_save_is_shown_and_the_answers_stay():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    state, _ = widget.handle(state, {"type": "save-failed", "key": "k", "reason": "QuotaExceededError"})
    assert answers(state) == {IDS[0]: True}
    assert "kunne ikke gemmes" in widget.render(state)


def test_clear_empties_the_copy_and_can_be_undone():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    state, _ = tick(state, IDS[4])
    state, effects = widget.handle(state, {"type": "click", "action": "clear", "now": NOW})
    assert answers(state) == {}
    assert saved(effects)[0]["document"]["data"] == {"answers": {}, "notes": {}}
    assert {"type": "focus", "id": "hj-kom-godt-i-gang-undo"} in effects
    assert 'id="hj-kom-godt-i-gang-undo"' in widget.render(state)
    state, effects = widget.handle(state, {"type": "click", "action": "undo", "now": NOW})
    assert answers(state) == {IDS[0]: True, IDS[4]: True} and state["undo"] is None
    assert saved(effects)[0]["document"]["data"]["answers"] == {IDS[0]: True, IDS[4]: True}
    assert 'data-action="undo"' not in widget.render(state)


def test_clearing_an_empty_list_says_so_and_saves_nothing():
    state, _ = mounted()
    state, effects = widget.handle(state, {"type": "click", "action": "clear", "now": NOW})
    assert [e["type"] for e in effects] == ["announce"]


def test_a_change_in_another_tab_is_adopted():
    state, _ = mounted()
    state, effects = tick(state, IDS[0])
    key, document = saved(effects)[0]["key"], saved(effects)[0]["document"]
    other = {**document, "data": {"answers": {IDS[5]: True}, "notes": {}}}
    state, effects = widget.handle(state, {"type": "stored-elsewhere", "stored": {"documents": {key: other}},
                                           "now": NOW})
    assert answers(state) == {IDS[5]: True}
    assert effects[0]["type"] == "announce"


def test_labels_are_tied_to_their_checkboxes_and_hints():
    html = widget.render(widget.start(CONFIG))
    for item in checklists.load("kom-godt-i-gang").items:
        assert f'<label for="hj-kom-godt-i-gang-{item.id}">' in html
        if item.hint:
            assert f'aria-describedby="hj-kom-godt-i-gang-{item.id}-hint"' in html


def test_print_and_export_are_offered_once_the_widget_runs():
    state, _ = mounted()
    html = widget.render(state)
    for action in ("print", "export-markdown", "export-json"):
        assert f'data-action="{action}"' in html
    state, effects = widget.handle(state, {"type": "click", "action": "print", "now": NOW})
    assert effects == [{"type": "print"}]
    assert "udskrevet 23. november 2026 kl. 10.15" in widget.render(state)


def test_export_is_a_markdown_task_list_of_the_ticks():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    same, effects = widget.handle(state, {"type": "click", "action": "export-markdown", "now": NOW})
    assert same == state
    file = effects[0]
    assert file["type"] == "download" and file["filename"] == "tjekliste-kom-godt-i-gang-min-liste.md"
    assert file["mime"].startswith("text/markdown")
    checklist = checklists.load("kom-godt-i-gang")
    text = file["content"]
    assert text.startswith(f"# {checklist.title}\n")
    assert "Kopi: Min liste" in text and "Hentet: 23. november 2026 kl. 10.15" in text
    assert f"1 af {len(IDS)} punkter er klaret." in text
    assert f"- [x] {checklist.items[0].text}" in text
    for item in checklist.items[1:]:
        assert f"- [ ] {item.text}" in text
    assert "## Før (1 af" in text and checklist.source in text


# ---- Every item kind, on the lists that use them ------------------------------

def first_item(checklist_id, kind):
    return next(i for i in checklists.load(checklist_id).items if i.kind == kind)


def lists_with(kind):
    return [c for c in checklists.available() if any(i.kind == kind for i in checklists.load(c).items)]


@pytest.mark.parametrize("checklist_id", lists_with("status"))
def test_status_items_take_the_three_answers_a_note_and_make_the_action_list(checklist_id):
    item = first_item(checklist_id, "status")
    state, _ = mounted(checklist=checklist_id)
    html = widget.render(state)
    for label in ("I orden", "Skal handles", "Ikke relevant"):
        assert f">{label}</label>" in html
    assert "Ingen punkter er markeret" in html
    state, _ = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": "act",
                                     "checked": True, "now": NOW})
    state, effects = widget.handle(state, {"type": "input", "name": f"note:{item.id}",
                                           "value": "Køb <b>skærm</b>", "now": NOW})
    assert saved(effects)[0]["document"]["data"] == {"answers": {item.id: "act"}, "notes": {item.id: "Køb <b>skærm</b>"}}
    html = widget.render(state)
    actions = html[html.index('class="hj-action-list"'):]
    assert escape_text(item.text) in actions and "Køb &lt;b&gt;skærm&lt;/b&gt;" in actions
    assert "Handleliste (1)" in html
    text = widget.handle(state, {"type": "click", "action": "export-markdown", "now": NOW})[1][0]["content"]
    assert f"## Handleliste\n\n- [ ] {item.text}\n  Køb <b>skærm</b>" in text
    # "I orden" takes it off the list again
    state, _ = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": "ok",
                                     "checked": True, "now": NOW})
    assert "Handleliste (0)" in widget.render(state)


def escape_text(text):
    from tools.html import escape
    return escape(text)


@pytest.mark.parametrize("checklist_id", lists_with("text"))
def test_text_items_keep_the_text_and_count_characters(checklist_id):
    item = first_item(checklist_id, "text")
    state, _ = mounted(checklist=checklist_id)
    typed = "Det går godt, 2,5 dage 😀\u200f ‮ <script>alert(1)</script> & \"citat\""
    state, effects = widget.handle(state, {"type": "input", "name": f"answer:{item.id}", "value": typed, "now": NOW})
    assert answers(state) == {item.id: typed}
    html = widget.render(state)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert f">{escape_text(typed)}</textarea>" in html  # exactly as typed, commas included
    assert f"{len(typed)} af {item.max_length:,} tegn".replace(",", ".") in html
    assert f'maxlength="{item.max_length}"' in html
    state, _ = widget.handle(state, {"type": "input", "name": f"answer:{item.id}", "value": "", "now": NOW})
    assert answers(state) == {}


@pytest.mark.parametrize("checklist_id", lists_with("date"))
def test_date_items_take_an_iso_date_and_refuse_others(checklist_id):
    item = first_item(checklist_id, "date")
    state, _ = mounted(checklist=checklist_id)
    state, _ = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": "2027-02-01", "now": NOW})
    assert answers(state) == {item.id: "2027-02-01"}
    assert 'value="2027-02-01"' in widget.render(state)
    same, effects = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": "1. februar",
                                          "now": NOW})
    assert same == state and effects == []


@pytest.mark.parametrize("checklist_id", lists_with("choice"))
def test_choice_items_take_one_of_their_options(checklist_id):
    item = first_item(checklist_id, "choice")
    state, _ = mounted(checklist=checklist_id)
    option = item.options[0]
    state, _ = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": option.value,
                                     "checked": True, "now": NOW})
    assert answers(state) == {item.id: option.value}
    same, _ = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": "findes-ikke",
                                    "checked": True, "now": NOW})
    assert answers(same) == {item.id: option.value}


def test_an_agenda_list_turns_the_ticked_points_and_notes_into_a_numbered_agenda():
    checklist_id = "teammoede"
    checklist = checklists.load(checklist_id)
    assert checklist.agenda and {i.kind for i in checklist.items} == {"check"}
    state, _ = mounted(checklist=checklist_id)
    assert "Sæt kryds ved de punkter" in widget.render(state)
    first, last = checklist.items[0], checklist.items[-1]
    for item in (last, first):
        state, _ = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": "true",
                                         "checked": True, "now": NOW})
    state, _ = widget.handle(state, {"type": "input", "name": f"note:{first.id}", "value": "10 min.", "now": NOW})
    html = widget.render(state)
    agenda = html[html.index('class="hj-agenda"'):]
    assert agenda.index(escape_text(first.text)) < agenda.index(escape_text(last.text))  # the list's order
    assert "10 min." in agenda
    text = widget.handle(state, {"type": "click", "action": "export-markdown", "now": NOW})[1][0]["content"]
    assert f"## Dagsorden\n\n1. {first.text}" in text and "  10 min." in text and f"2. {last.text}" in text


def test_scored_choices_give_each_section_the_summary_its_share_of_points_reaches():
    checklist_id = next(c for c in checklists.available() if any(s.summaries for s in checklists.load(c).sections))
    section = next(s for s in checklists.load(checklist_id).sections if s.summaries)
    scored = [i for i in section.items if i.kind == "choice"]
    state, _ = mounted(checklist=checklist_id)
    assert "Det peger svarene på" not in widget.render(state)  # nothing answered, nothing concluded

    def answer_all(pick):
        current = state
        for item in scored:
            option = pick(item.options, key=lambda o: o.score or 0)
            current, _ = widget.handle(current, {"type": "change", "name": f"answer:{item.id}",
                                                 "value": option.value, "checked": True, "now": NOW})
        return widget.render(current)

    assert escape_text(section.summaries[0].text) in answer_all(max)   # every point ready: the top text
    assert escape_text(section.summaries[-1].text) in answer_all(min)  # none ready: the min = 0 text


def test_goals_and_tools_make_a_plan_of_the_ticked_tools_by_goal():
    checklist = checklists.load("maal-og-redskaber")
    assert checklist.agenda_title == "Jeres plan"
    state, _ = mounted(checklist="maal-og-redskaber")
    for item_id in ("hjemme-koncentration", "faste-moeder"):
        state, _ = widget.handle(state, {"type": "change", "name": f"answer:{item_id}", "value": "true",
                                         "checked": True, "now": NOW})
    html = widget.render(state)
    plan = html[html.index('class="hj-agenda"'):]
    assert ">Jeres plan</h2>" in plan and "Dagsorden" not in plan
    assert "(Mål: bedre ro til at koncentrere sig)" in plan and "(Mål: mere deling af viden)" in plan
    text = widget.handle(state, {"type": "click", "action": "export-markdown", "now": NOW})[1][0]["content"]
    assert "## Jeres plan\n\n1. Mulighed for hjemmearbejde (Mål: bedre ro til at koncentrere sig)" in text


# ---- Progress -------------------------------------------------------------------

def answer(state, item, value):
    return widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": value,
                                 "checked": True, "now": NOW})[0]


def text_of(html, element_id):
    """The text inside the element with this id (tags left out)."""
    match = re.search(rf'<(\w+)[^>]*\sid="{element_id}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, element_id
    return re.sub(r"<[^>]+>", "", match[2])


@pytest.mark.parametrize("storage", ["static", STORAGE_OK])
def test_progress_is_a_bar_named_by_the_count_in_total_and_a_count_per_section(storage):
    checklist = checklists.load("apv-leder")
    first, last = checklist.sections[0], checklist.sections[-1]
    state = widget.start({"checklist": "apv-leder"}) if storage == "static" else mounted(checklist="apv-leder")[0]
    done = {}
    if storage != "static":
        for item, value in ((first.items[0], "ok"), (first.items[1], "act"), (last.items[0], "na")):
            state = answer(state, item, value)
        done = {first.id: 2, last.id: 1}
    html = widget.render(state)
    total, answered = len(checklist.items), sum(done.values())
    [bar] = re.findall(r"<progress\b[^>]*>", html)
    assert f'max="{total}"' in bar and f'value="{answered}"' in bar
    label = re.search(r'aria-labelledby="([^"]+)"', bar)[1]
    assert text_of(html, label) == f"{answered} af {total} punkter er besvaret"
    for section in checklist.sections:
        heading = text_of(html, f"hj-apv-leder-{section.id}-title")
        assert heading == f"{section.title} {done.get(section.id, 0)} af {len(section.items)} punkter"
        assert f'aria-labelledby="hj-apv-leder-{section.id}-title"' in html


# ---- Text at its limit ------------------------------------------------------------

def text_of_length(length):
    """A text of exactly `length` characters: Danish letters, punctuation and line breaks."""
    return ("Hjemme tirsdag, æøå ÆØÅ & \"citat\".\n" * (length // 10))[:length]


def answer_events(item):
    """Two answers to a point in turn, then the first again, as the reader gives them, and its note."""
    if item.kind == checklists.CHECK:
        events = [{"type": "change", "value": "true", "checked": c} for c in (True, False, True)]
    elif item.kind in (checklists.STATUS, checklists.CHOICE):
        values = [o.value for o in item.choices]
        events = [{"type": "change", "value": v, "checked": True} for v in (values[0], values[1], values[0])]
    elif item.kind == checklists.DATE:
        events = [{"type": "input", "value": v} for v in ("2026-11-24", "2026-12-01", "2026-11-24")]
    else:
        events = [{"type": "input", "value": v} for v in ("Hjem", "Hjemme & <ude>", "Hjem")]
    events = [{**e, "name": f"answer:{item.id}"} for e in events]
    if item.note:
        events += [{"type": "input", "name": f"note:{item.id}", "value": v} for v in ("En note", "", "En note")]
    return events


def made_afresh(state):
    """The HTML with nothing kept from earlier renders."""
    widget._made.clear()
    return widget.render(state)


@pytest.mark.parametrize("checklist_id", checklists.available())
def test_a_render_that_reuses_the_points_kept_from_the_last_is_the_render_made_afresh(checklist_id):
    state, _ = mounted(checklist=checklist_id)
    assert widget.render(state) == made_afresh(state)
    for item in checklists.load(checklist_id).items:
        for event in answer_events(item):
            state, _ = widget.handle(state, {**event, "now": NOW})
            assert widget.render(state) == made_afresh(state), (item.id, event)
    for action in ("clear", "undo"):  # every point at once
        state, _ = widget.handle(state, {"type": "click", "action": action, "now": NOW})
        assert widget.render(state) == made_afresh(state), action


def test_typing_keeps_one_html_per_point_not_one_per_keystroke():
    item = first_item("apv-leder", "status")
    state, _ = mounted(checklist="apv-leder")
    widget._made.clear()
    for length in range(1, 60):
        state, _ = widget.handle(state, {"type": "input", "name": f"note:{item.id}", "value": "x" * length, "now": NOW})
        widget.render(state)
    assert len(widget._made) == len(checklists.load("apv-leder").items)


def test_a_text_answer_of_10000_characters_the_format_s_most_is_kept_exactly_and_one_more_is_cut():
    checklist = checklists.parse({"id": "x", "title": "T", "source": "S", "sections": [
        {"id": "a", "title": "A", "items": [{"id": "svar", "text": "Svar", "kind": "text"}]}]})
    item = checklist.item("svar")
    assert item.max_length == checklists.MAX_TEXT_LENGTH == 10_000  # the default is the most there is
    typed = text_of_length(item.max_length)
    data = answers_.set_answer(checklist, answers_.empty(), "svar", typed)
    assert data["answers"] == {"svar": typed}
    assert answers_.read(checklist, json.loads(json.dumps(data))).data == data  # stored or imported: kept
    assert answers_.set_answer(checklist, answers_.empty(), "svar", typed + "x") == data
    assert "højst have 10.000 tegn" in answers_.read(checklist, {"answers": {"svar": typed + "x"}}).errors[0]


def test_a_note_of_the_full_10000_characters_is_kept_exactly_everywhere_and_one_more_is_cut():
    item = first_item("apv-leder", "status")
    typed = text_of_length(checklists.MAX_TEXT_LENGTH)
    assert len(typed) == 10_000
    state, _ = mounted(checklist="apv-leder")
    state, effects = widget.handle(state, {"type": "input", "name": f"note:{item.id}", "value": typed, "now": NOW})
    assert copies.data(state)["notes"] == {item.id: typed}
    [save] = saved(effects)
    assert save["document"]["data"]["notes"] == {item.id: typed}
    assert f">{escape_text(typed)}</textarea>" in widget.render(state)
    reloaded, _ = mounted({save["key"]: json.loads(json.dumps(save["document"]))}, checklist="apv-leder")
    assert copies.data(reloaded)["notes"] == {item.id: typed}
    file = widget.handle(reloaded, {"type": "click", "action": "export-json", "now": NOW})[1][0]
    imported, problem = copies.read_import(widget.shelf("apv-leder"), file["content"])
    assert problem is None and imported["data"]["notes"] == {item.id: typed}
    state, _ = widget.handle(state, {"type": "input", "name": f"note:{item.id}", "value": typed + "x", "now": NOW})
    assert copies.data(state)["notes"] == {item.id: typed}


@pytest.mark.parametrize("checklist_id", lists_with("text"))
def test_text_over_an_items_limit_is_cut_to_the_limit_when_typed_and_refused_in_a_file(checklist_id):
    item = first_item(checklist_id, "text")
    state, _ = mounted(checklist=checklist_id)
    kept = text_of_length(item.max_length)
    state, _ = widget.handle(state, {"type": "input", "name": f"answer:{item.id}", "value": kept + "mere tekst",
                                     "now": NOW})
    assert answers(state) == {item.id: kept} and len(kept) == item.max_length
    document = json.loads(widget.handle(state, {"type": "click", "action": "export-json", "now": NOW})[1][0]["content"])
    document["data"]["answers"][item.id] = kept + "x"
    imported, problem = copies.read_import(widget.shelf(checklist_id), json.dumps(document))
    assert imported is None and f"højst have {number(item.max_length)} tegn" in problem


# ---- The action list in the JSON export --------------------------------------------

def test_the_json_export_carries_the_action_list_and_import_takes_the_answers_not_the_list():
    checklist = checklists.load("apv-leder")
    first, ok, last = checklist.items[0], checklist.items[1], checklist.items[-1]
    state, _ = mounted(checklist="apv-leder")
    for item, value in ((last, "act"), (ok, "ok"), (first, "act")):
        state = answer(state, item, value)
    state, _ = widget.handle(state, {"type": "input", "name": f"note:{first.id}", "value": "Aftal mål <b>nu</b>",
                                     "now": NOW})
    file = widget.handle(state, {"type": "click", "action": "export-json", "now": NOW})[1][0]
    document = json.loads(file["content"])
    assert document["actions"] == [{"id": first.id, "text": first.text, "note": "Aftal mål <b>nu</b>"},
                                   {"id": last.id, "text": last.text, "note": ""}]
    assert document["data"] == copies.data(state)

    books = widget.shelf("apv-leder")
    imported, problem = copies.read_import(books, file["content"])
    assert problem is None and imported["data"] == copies.data(state)
    # The list is derived from the answers: a file whose list says otherwise still gives the answers.
    edited = json.dumps({**document, "actions": [{"id": "findes-ikke", "text": "x", "note": "y"}]})
    imported, problem = copies.read_import(books, edited)
    assert problem is None and imported["data"] == copies.data(state)

    other, _ = mounted(checklist="apv-leder")
    other, _ = widget.handle(other, {"type": "file", "name": "import", "now": NOW,
                                     "file": {"name": "apv.json", "size": len(file["content"]), "text": file["content"]}})
    other, _ = widget.handle(other, {"type": "click", "action": "import-new", "now": NOW})
    assert copies.data(other) == copies.data(state)
    html = widget.render(other)
    assert "Handleliste (2)" in html and "Aftal mål &lt;b&gt;nu&lt;/b&gt;" in html


def test_a_list_without_status_points_exports_no_action_list():
    state, _ = mounted()
    file = widget.handle(state, {"type": "click", "action": "export-json", "now": NOW})[1][0]
    assert "actions" not in json.loads(file["content"])


def test_the_json_export_of_an_agenda_list_carries_the_agenda_and_import_takes_the_answers():
    checklist = checklists.load("teammoede")
    (first, *_), (second, *_) = checklist.sections[0].items, checklist.sections[1].items
    state, _ = mounted(checklist="teammoede")
    for item in (second, first):
        state, _ = widget.handle(state, {"type": "change", "name": f"answer:{item.id}", "value": "true",
                                         "checked": True, "now": NOW})
    state, _ = widget.handle(state, {"type": "input", "name": f"note:{second.id}", "value": "Kort <b>runde</b>",
                                     "now": NOW})
    file = widget.handle(state, {"type": "click", "action": "export-json", "now": NOW})[1][0]
    document = json.loads(file["content"])
    assert document["agenda"] == [  # in the list's order, as the page shows it
        {"section": checklist.sections[0].id, "id": first.id, "text": first.text, "note": ""},
        {"section": checklist.sections[1].id, "id": second.id, "text": second.text, "note": "Kort <b>runde</b>"}]
    # Made from the answers: a file whose agenda says otherwise still gives the answers.
    imported, problem = copies.read_import(widget.shelf("teammoede"), json.dumps({**document, "agenda": []}))
    assert problem is None and imported["data"] == copies.data(state)


# ---- Quoting a list on a guidance page --------------------------------------------

def quoted_points(html):
    return re.findall(r"<li>(.*?)</li>", html)


@pytest.mark.parametrize("checklist_id", checklists.available())
def test_the_quote_holds_every_section_and_point_of_the_data_file_in_order(checklist_id):
    checklist = checklists.load(checklist_id)
    html = widget.quote(checklist_id)
    assert quoted_points(html) == [escape_text(item.text) for item in checklist.items]
    headings = re.findall(r'<h3 id="([^"]+)">(.*?)</h3>', html)
    assert headings == [(f"{checklist_id}-{s.id}", escape_text(s.title)) for s in checklist.sections]
    for section in checklist.sections:
        for text in (section.intro, section.hint):
            assert not text or escape_text(text) in html
    assert "<input" not in html and "<progress" not in html  # text to read, not the tool


def test_the_quote_shows_only_the_named_sections_at_the_heading_level_asked():
    checklist = checklists.load("apv-leder")
    krav = next(s for s in checklist.sections if s.id == "krav")
    html = widget.quote("apv-leder", 4, ["krav"])
    assert re.findall(r"<h\d[^>]*>(.*?)</h\d>", html) == [escape_text(krav.title)]
    assert '<h4 id="apv-leder-krav">' in html and escape_text(krav.hint) in html
    assert quoted_points(html) == [escape_text(item.text) for item in krav.items]


def test_the_quote_shows_only_the_named_points_in_the_lists_order_and_leaves_out_empty_sections():
    checklist = checklists.load("apv-leder")
    wanted = ["faste-tider", "klare-maal", "resultater"]
    html = widget.quote("apv-leder", 3, items=wanted)
    assert quoted_points(html) == [escape_text(checklist.item(i).text) for i in ("klare-maal", "resultater", "faste-tider")]
    assert re.findall(r'<h3 id="([^"]+)"', html) == ["apv-leder-behov", "apv-leder-organisationen"]
    same = widget.quote("apv-leder", 3, ["behov", "organisationen"], wanted)
    assert same == html


@pytest.mark.parametrize("sections, items, message", [
    (["behov", "findes-ikke"], None, "apv-leder: ukendte afsnit findes-ikke"),
    (None, ["klare-maal", "findes-ikke", "ogsaa-ukendt"], "apv-leder: ukendte punkter findes-ikke, ogsaa-ukendt"),
    (["behov"], ["klare-maal", "plads"], "apv-leder: ukendte punkter plads i afsnittene behov"),
])
def test_the_quote_names_an_unknown_section_or_point(sections, items, message):
    with pytest.raises(checklists.ChecklistError) as error:
        widget.quote("apv-leder", 3, sections, items)
    assert str(error.value) == message
