"""The task finder widget: picking, own tasks, answers, hours, links, copies and files, as pure functions."""

import json

import pytest

from tools import copies, runtime, task_copy
from tools.contract import Context, Stored
from tools.task_catalogue import load
from tools.widgets import task_finder as tf

NOW = "2026-11-23T10:00:00.000+01:00"
ROOT = tf.ROOT


def mounted(query=None, stored=None):
    return tf.mount(tf.start({}), Context(storage="ok", now=NOW, query=query or {},
                                          stored=Stored(documents=stored or {})))


def send(state, **event):
    return tf.handle(state, {"now": NOW, **event})


def data(state):
    return copies.data(state)


def pick(state, *task_ids):
    for task_id in task_ids:
        state, _ = send(state, type="click", action="task-toggle", value=task_id)
    return state


def saves(effects):
    return [e for e in effects if e["type"] == "save"]


def test_static_html_lists_the_whole_catalogue_and_no_controls_that_need_javascript():
    html = runtime.render_static("task-finder", {})
    assert all(t.name.replace("&", "&amp;") in html for t in load().tasks)
    assert 'data-action="task-toggle"' not in html and "Tilføj opgaven" not in html
    assert json.loads(html.split('data-init="')[1].split('"')[0].replace("&quot;", '"'))["storageRoot"] == ROOT


def test_search_filters_by_name_description_and_keywords_and_area_narrows_it():
    state, _ = mounted()
    assert 'data-action="task-toggle"' not in tf.render(state)  # nothing listed before a search or an area
    state, _ = send(state, type="input", name="search", value="RENGØR")
    html = tf.render(state)
    assert 'value="rengoering"' in html and 'value="bogholderi"' not in html
    state, _ = send(state, type="input", name="search", value="")
    state, _ = send(state, type="change", name="area", value="oekonomi")
    html = tf.render(state)
    assert 'value="bogholderi"' in html and 'value="rengoering"' not in html
    state, _ = send(state, type="change", name="area", value="<script>")
    assert state["area"] == ""


def test_picking_a_task_adds_it_with_its_default_answers_saves_and_says_so_and_picking_again_removes_it():
    state, _ = mounted()
    state, effects = send(state, type="click", action="task-toggle", value="bogholderi")
    task = data(state)["tasks"][0]
    assert task["id"] == "bogholderi" and task["answers"] == load().task("bogholderi").answers and not task["own"]
    assert saves(effects)[0]["key"].startswith(ROOT + "/")
    assert any("er valgt" in e.get("message", "") for e in effects)
    state, _ = send(state, type="change", name="area", value="alle")
    assert 'aria-pressed="true"' in tf.render(state)
    state, effects = send(state, type="click", action="task-toggle", value="bogholderi")
    assert data(state)["tasks"] == [] and saves(effects)


def test_an_own_task_is_added_escaped_with_no_answers_and_its_questions_open():
    state, _ = mounted()
    state, effects = send(state, type="submit", action="task-own", fields=[["own-name", "<img src=x onerror=alert(1)>"]])
    task = data(state)["tasks"][0]
    assert task["own"] and task["answers"] == {} and task["id"] == "egen-1"
    assert {"type": "focus", "id": "hj-opgaver-task-egen-1-title"} in effects
    html = tf.render(state)
    assert "<img" not in html and "&lt;img src=x" in html
    assert 'id="hj-opgaver-task-egen-1-questions" hidden' not in html
    assert "Mangler svar på 10 spørgsmål" in html


@pytest.mark.parametrize("typed, message", [("   ", "Skriv opgavens navn."), ("x" * 81, "højst have 80 tegn")])
def test_a_bad_own_task_name_is_shown_at_the_field_and_what_was_typed_stays(typed, message):
    state, _ = mounted()
    state = pick(state, "bogholderi")
    state, effects = send(state, type="submit", action="task-own", fields=[["own-name", typed]])
    assert {"type": "focus", "id": "hj-opgaver-errors"} in effects
    html = tf.render(state)
    assert message in html and 'href="#hj-opgaver-own-name"' in html and 'aria-invalid="true"' in html
    assert state["drafts"]["own-name"] == typed and len(data(state)["tasks"]) == 1


def test_answering_changes_the_group_and_the_reasons():
    state, _ = mounted()
    state = pick(state, "bogholderi")
    assert "Kan løses hjemme (1)" in tf.render(state)
    state, effects = send(state, type="change", name="answer:bogholderi:maskiner", value="yes", checked=True)
    assert data(state)["tasks"][0]["answers"]["maskiner"] == "yes" and saves(effects)
    html = tf.render(state)
    assert "Kræver fremmøde (1)" in html and "Man skal betjene maskiner" in html
    unchanged, _ = send(state, type="change", name="answer:bogholderi:maskiner", value="maybe", checked=True)
    assert data(unchanged) == data(state)


def test_hours_are_kept_as_typed_a_bad_value_is_shown_at_the_field_and_said_when_leaving_it():
    state, _ = mounted()
    state = pick(state, "bogholderi", "rengoering")
    state, effects = send(state, type="input", name="hours:bogholderi", value="-3")
    assert data(state)["tasks"][0]["hours"] == "-3" and not [e for e in effects if e["type"] == "announce"]
    state, effects = send(state, type="change", name="hours:bogholderi", value="-3")
    assert any("negativt" in e.get("message", "") for e in effects)
    html = tf.render(state)
    assert 'href="#hj-opgaver-hours-bogholderi"' in html and "Ret fejlene ovenfor" in html
    state, _ = send(state, type="change", name="hours:bogholderi", value="30")
    state, _ = send(state, type="change", name="hours:rengoering", value="7,5")
    html = tf.render(state)
    assert "Der er et problem" not in html and "Forslag: op til 4 dage hjemme" in html


def test_more_hours_in_all_than_a_week_holds_is_refused_at_the_field():
    state, _ = mounted()
    state = pick(state, "bogholderi", "korrektur", "kundeservice")
    for task_id in ("bogholderi", "korrektur", "kundeservice"):
        state, _ = send(state, type="change", name=f"hours:{task_id}", value="60")
    assert "En uge har kun 168" in tf.render(state)


def test_the_result_has_a_chart_with_a_table_as_its_text_alternative():
    state, _ = mounted()
    state = pick(state, "bogholderi", "rengoering")
    html = tf.render(state)
    assert '<svg' in html and 'aria-hidden="true"' in html
    assert "<caption>Fordeling af opgaver på de tre grupper</caption>" in html
    assert "<td>50 %</td>" in html


def test_the_situation_changes_the_advice_and_is_saved():
    state, _ = mounted()
    state = pick(state, "bogholderi")
    state, effects = send(state, type="change", name="situation:ny", value="yes", checked=True)
    assert data(state)["situation"] == {"ny": "yes"} and saves(effects)
    assert "fysiske møder og oplæring" in tf.render(state)
    state, _ = send(state, type="change", name="situation:ny", value="", checked=True)
    assert data(state)["situation"] == {}


def test_remove_and_undo_puts_the_task_back_where_it_was():
    state, _ = mounted()
    state = pick(state, "bogholderi", "korrektur", "kundeservice")
    state, effects = send(state, type="click", action="task-remove", value="korrektur")
    assert [t["id"] for t in data(state)["tasks"]] == ["bogholderi", "kundeservice"]
    assert {"type": "focus", "id": "hj-opgaver-task-undo"} in effects
    state, effects = send(state, type="click", action="task-undo")
    assert [t["id"] for t in data(state)["tasks"]] == ["bogholderi", "korrektur", "kundeservice"]
    assert {"type": "focus", "id": "hj-opgaver-task-korrektur-title"} in effects


def test_a_link_preselects_known_tasks_skips_unknown_ones_with_a_message_and_drops_the_parameter():
    state, effects = mounted(query={"opgaver": ["bogholderi,kundeservice,findes-ikke,<b>x</b>"]})
    assert [t["id"] for t in data(state)["tasks"]] == ["bogholderi", "kundeservice"]
    assert {"type": "drop-query", "names": ["opgaver"]} in effects and saves(effects)
    html = tf.render(state)
    assert "»findes-ikke«" in html and "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_a_link_never_overwrites_tasks_already_there_it_makes_a_new_copy():
    first, effects = mounted()
    first = pick(first, "rengoering")
    stored = {e["key"]: e["document"] for e in saves(effects)}
    key = f"{ROOT}/{first['current']}"
    stored[key] = {"schema": 1, "tool": "task-finder", "title": task_copy.TITLE, "name": "Anna",
                   "changed": NOW, "opened": NOW, "data": data(first)}
    state, effects = mounted(query={"opgaver": ["bogholderi"]}, stored=stored)
    assert len(state["copies"]) == 2 and copies.current(state)["name"] == tf.LINK_COPY_NAME
    assert [t["id"] for t in data(state)["tasks"]] == ["bogholderi"]
    assert all(e["key"] != key for e in saves(effects))


def test_export_and_import_round_trip():
    state, _ = mounted()
    state = pick(state, "bogholderi")
    state, _ = send(state, type="submit", action="task-own", fields=[["own-name", "Vagtplan"]])
    state, _ = send(state, type="input", name="note:egen-1", value="Note med <script>")
    state, effects = send(state, type="click", action="export-json")
    text = next(e for e in effects if e["type"] == "download")["content"]
    imported, problem = copies.read_import(tf.shelf(), text)
    assert problem is None and imported["data"] == data(state)
    markdown = tf.shelf().markdown("Anna", data(state), NOW)
    assert "Vagtplan" in markdown and "(egen opgave)" in markdown and "Note med <script>" in markdown


@pytest.mark.parametrize("broken", [
    {"tasks": "x", "situation": {}, "work_days": ""},
    {"tasks": [{"id": "a"}], "situation": {}, "work_days": ""},
    {"tasks": [], "situation": {"ukendt": "yes"}, "work_days": ""},
    {"tasks": [], "situation": {}, "work_days": 5},
    {"tasks": [{"id": "a", "name": "", "own": True, "answers": {}, "hours": "", "note": ""}], "situation": {}, "work_days": ""},
    {"tasks": [{"id": "a", "name": "A", "own": True, "answers": {"maskiner": "maybe"}, "hours": "", "note": ""}],
     "situation": {}, "work_days": ""},
    {"tasks": [], "situation": {}},
])
def test_data_out_of_shape_is_refused_not_guessed(broken):
    assert task_copy.read(load(), broken).data is None


def test_the_documented_data_shape_is_what_is_saved():
    state, effects = mounted()
    state = pick(state, "bogholderi")
    document = saves(send(state, type="input", name="work-days", value="4")[1])[0]["document"]
    assert set(document["data"]) == {"tasks", "situation", "work_days"}
    assert set(document["data"]["tasks"][0]) == task_copy.TASK_KEYS
    assert document["data"]["work_days"] == "4" and document["tool"] == "task-finder"


def test_a_note_with_commas_renders_exactly_as_typed():
    state, _ = mounted()
    state = pick(state, "bogholderi")
    state, _ = send(state, type="input", name="note:bogholderi", value="Hjemme, når planen, er klar")
    assert ">Hjemme, når planen, er klar</textarea>" in tf.render(state)
