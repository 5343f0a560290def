"""Named copies and files, generic to every tool: tested through the checklist that uses them."""

import json
from dataclasses import replace

import pytest

from tools import copies
from tools.contract import MAX_FILE_BYTES, STORAGE_OK, Context, Stored
from tools.widgets import checklist as widget

ROOT = "hjemmearbejde/v1/checklist/kom-godt-i-gang"
NOW = "2026-11-23T10:15:00+01:00"
LATER = "2026-11-23T11:00:00+01:00"
FIRST, SECOND = widget.checklists.load("kom-godt-i-gang").item_ids[:2]


def mounted(documents=None):
    return widget.mount(widget.start({"checklist": "kom-godt-i-gang"}),
                        Context(stored=Stored(documents or {}), storage=STORAGE_OK, now=NOW))[0]


def send(state, now=NOW, **event):
    return widget.handle(state, {**event, "now": now})


def click(state, action, value=None, now=NOW):
    return send(state, now, type="click", action=action, value=value)


def names(state):
    return sorted(c["name"] for c in state["copies"].values())


def current_name(state):
    return copies.current(state)["name"]


def create(state, name, now=NOW):
    return send(state, now, type="submit", action="copy-create", fields=[["copy-name", name]])


def test_a_new_tool_has_one_unsaved_copy_that_is_saved_on_the_first_change():
    state = mounted()
    assert names(state) == ["Min liste"]
    assert "ikke ændret endnu" in widget.render(state)
    state, effects = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    assert [e["type"] for e in effects] == ["save"]
    assert "sidst ændret 23. november 2026 kl. 10.15" in widget.render(state)


def test_create_switch_rename_and_the_copies_panel():
    state = mounted()
    state, _ = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    first_id = state["current"]
    state, _ = click(state, "copies-toggle")
    html = widget.render(state)
    assert 'aria-expanded="true"' in html and "Dine kopier i denne browser" in html
    state, effects = create(state, "  Anna  ")
    assert current_name(state) == "Anna" and copies.data(state) == {"answers": {}, "notes": {}}
    assert effects[0]["type"] == "save" and effects[0]["document"]["name"] == "Anna"
    assert {"type": "focus", "id": "hj-kom-godt-i-gang-current"} in effects
    state, effects = send(state, type="input", name="copy-rename", value="Anna H.")
    state, effects = send(state, type="submit", action="copy-rename", fields=[["copy-rename", "Anna H."]])
    assert current_name(state) == "Anna H." and effects[0]["document"]["name"] == "Anna H."
    state, effects = click(state, "copy-open", first_id, now=LATER)
    assert state["current"] == first_id and copies.data(state)["answers"] == {FIRST: True}
    assert effects[0]["document"]["opened"] == LATER  # reopens here after a reload
    reloaded = mounted({e["key"]: e["document"] for e in [effects[0]]} | {
        f"{ROOT}/x": {**effects[0]["document"], "name": "Anna H.", "opened": NOW}})
    assert current_name(reloaded) == "Min liste"


@pytest.mark.parametrize("name, message", [
    ("", "Skriv et navn"),
    ("   ", "Skriv et navn"),
    ("x" * 81, "højst have 80 tegn"),
    ("min LISTE", "hedder »min LISTE«"),
])
def test_a_bad_name_is_shown_at_the_field_and_in_the_summary_and_loses_nothing(name, message):
    state, _ = click(mounted(), "copies-toggle")
    state, _ = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    before = state["copies"]
    state, effects = create(state, name)
    assert state["copies"] == before
    assert effects == [{"type": "focus", "id": "hj-kom-godt-i-gang-errors"}]
    html = widget.render(state)
    assert "Der er et problem" in html and message in html
    assert 'href="#hj-kom-godt-i-gang-copy-name"' in html and 'aria-invalid="true"' in html
    assert f'value="{name}"' in html  # what was typed stays in the field
    state, _ = create(state, "Bo")
    assert "Der er et problem" not in widget.render(state)


def test_delete_and_undo():
    state = mounted()
    state, _ = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    kept_id = state["current"]
    state, _ = create(state, "Anna", now=LATER)
    anna = state["current"]
    state, effects = click(state, "copy-delete", anna)
    assert names(state) == ["Min liste"] and state["current"] == kept_id
    assert effects[0] == {"type": "save", "key": f"{ROOT}/{anna}", "document": None}
    assert {"type": "focus", "id": "hj-kom-godt-i-gang-undo-delete"} in effects
    assert "Fortryd sletningen" in widget.render(state)
    state, effects = click(state, "copy-undo-delete")
    assert names(state) == ["Anna", "Min liste"] and state["current"] == anna
    assert effects[0]["key"] == f"{ROOT}/{anna}" and effects[0]["document"]["name"] == "Anna"


def test_deleting_the_last_copy_leaves_a_fresh_one():
    state = mounted()
    state, _ = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    state, _ = click(state, "copy-delete", state["current"])
    assert names(state) == ["Min liste"] and copies.data(state)["answers"] == {}


# ---- Export and import --------------------------------------------------------

def exported(state):
    _, effects = click(state, "export-json")
    file = effects[0]
    assert file["type"] == "download" and file["mime"] == "application/json"
    return file


def pick(state, text, filename="liste.json", size=None, error=None):
    file = {"name": filename, "size": len(text.encode()) if size is None else size}
    file.update({"error": error} if error else {"text": text})
    return send(state, type="file", name="import", id="hj-kom-godt-i-gang-import", file=file)


def test_export_json_holds_tool_checklist_schema_name_answers_and_date():
    state = mounted()
    state, _ = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    file = exported(state)
    assert file["filename"] == "tjekliste-kom-godt-i-gang-min-liste.json"
    document = json.loads(file["content"])
    assert document == {"tool": "checklist", "checklist": "kom-godt-i-gang", "schema": 2,
                        "title": "Tjekliste: Kom godt i gang med hjemmearbejde", "name": "Min liste",
                        "exported": NOW, "data": {"answers": {FIRST: True}, "notes": {}}}


def test_fields_a_shelf_derives_are_exported_for_the_reader_and_ignored_on_import():
    books = replace(widget.shelf("kom-godt-i-gang"), derived={"ticked": lambda data: len(data["answers"])})
    document = copies.export_document(books, {"name": "Anna", "data": {"answers": {FIRST: True}, "notes": {}}}, NOW)
    assert document["ticked"] == 1
    imported, problem = copies.read_import(books, json.dumps({**document, "ticked": "ikke et tal"}))
    assert problem is None and imported["data"] == {"answers": {FIRST: True}, "notes": {}}
    assert "ticked" not in imported
    imported, problem = copies.read_import(books, json.dumps({**document, "other": 1}))
    assert imported is None and problem == "Filen har felter, som værktøjet ikke kender: other."


def test_import_round_trip_into_a_new_copy():
    state = mounted()
    state, _ = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    text = exported(state)["content"]
    other = mounted()
    other, effects = pick(other, text)
    assert other["pending"]["name"] == "Min liste"
    assert {"type": "focus", "id": "hj-kom-godt-i-gang-pending"} in effects
    html = widget.render(other)
    assert "Hent som ny kopi" in html and "»liste.json«" in html
    other, effects = click(other, "import-new", now=LATER)
    assert names(other) == ["Min liste", "Min liste (2)"]
    assert current_name(other) == "Min liste (2)" and copies.data(other)["answers"] == {FIRST: True}
    assert effects[0]["type"] == "save" and other["pending"] is None


def test_import_over_the_current_copy_only_after_confirming():
    source = mounted()
    source, _ = send(source, type="change", name=f"answer:{SECOND}", value="true", checked=True)
    text = exported(source)["content"]
    state = mounted()
    state, _ = send(state, type="change", name=f"answer:{FIRST}", value="true", checked=True)
    state, _ = pick(state, text)
    state, effects = click(state, "import-replace")
    assert copies.data(state)["answers"] == {FIRST: True} and not [e for e in effects if e["type"] == "save"]
    assert "Er du sikker?" in widget.render(state)
    cancelled, _ = click(state, "import-cancel")
    assert copies.data(cancelled)["answers"] == {FIRST: True} and cancelled["pending"] is None
    state, effects = click(state, "import-replace-confirm")
    assert copies.data(state)["answers"] == {SECOND: True}
    assert effects[0]["type"] == "save" and names(state) == ["Min liste"]


def good_file(**changes):
    document = {"tool": "checklist", "checklist": "kom-godt-i-gang", "schema": 2, "name": "Anna",
                "exported": NOW, "data": {"answers": {FIRST: True}, "notes": {}}}
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize("text, message", [
    ("ikke json {", "ikke en JSON-fil"),
    ("[1, 2]", "ikke en kopi"),
    (good_file(tool="finder"), "andet værktøj"),
    (good_file(checklist="apv-leder", title="Tjekliste: APV"), "hører til »Tjekliste: APV«"),
    (good_file(schema=3), "nyere udgave"),
    (good_file(extra=1), "felter, som værktøjet ikke kender: extra"),
    (good_file(name=""), "gyldigt navn"),
    (good_file(data={"answers": {FIRST: "ja"}, "notes": {}}), "Filen kan ikke bruges"),
    (good_file(data={"answers": {}, "notes": {FIRST: "x"}}), "ikke plads til en note"),
])
def test_a_bad_import_file_is_refused_at_the_field_and_nothing_changes(text, message):
    state = mounted()
    state, _ = send(state, type="change", name=f"answer:{SECOND}", value="true", checked=True)
    before = state["copies"]
    state, effects = pick(state, text)
    assert state["copies"] == before and state["pending"] is None
    assert not [e for e in effects if e["type"] == "save"]
    html = widget.render(state)
    assert message in html and 'href="#hj-kom-godt-i-gang-import"' in html


def test_a_file_over_one_megabyte_is_refused_unread():
    state, _ = pick(mounted(), "", size=MAX_FILE_BYTES + 1, error="too-large")
    assert "for stor" in widget.render(state)
    assert f'data-max-bytes="{MAX_FILE_BYTES}"' in widget.render(state)


def test_answers_to_points_the_list_no_longer_has_are_left_out_with_a_note():
    state, _ = pick(mounted(), good_file(data={"answers": {FIRST: True, "gammelt-punkt": True}, "notes": {}}))
    assert state["pending"]["data"]["answers"] == {FIRST: True}
    assert "1 svar hører ikke til listen" in widget.render(state)


def test_a_hostile_copy_name_survives_export_and_import_intact_and_is_escaped():
    state = widget.mount(widget.start({"checklist": "kom-godt-i-gang"}),
                         Context(storage=STORAGE_OK, now=NOW))[0]
    state, _ = create(state, '<script>alert("navn")</script>')
    text = exported(state)["content"]
    assert "<script>" in json.loads(text)["name"]
    other, _ = pick(mounted(), text)
    other, _ = click(other, "import-new")
    assert current_name(other) == '<script>alert("navn")</script>'
    html = widget.render(other)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
