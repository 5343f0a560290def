import re

from tools import checklists
from tools.contract import STORAGE_CORRUPT, STORAGE_OK, STORAGE_UNAVAILABLE, Context
from tools.widgets import checklist as widget

CONFIG = {"checklist": "kom-godt-i-gang"}
IDS = checklists.load("kom-godt-i-gang").item_ids


def mounted(stored=None, storage=STORAGE_OK):
    state, effects = widget.mount(widget.start(CONFIG), Context(stored=stored, storage=storage))
    return state, effects


def tick(state, item_id, checked=True):
    return widget.handle(state, {"type": "change", "name": "item", "value": item_id, "checked": checked})


def test_start_is_empty_and_static():
    state = widget.start(CONFIG)
    assert state["checked"] == [] and state["storage"] == "static"


def test_storage_key_is_versioned_and_per_checklist():
    assert widget.storage_key(CONFIG) == "hjemmearbejde/v1/checklist/kom-godt-i-gang"


def test_static_render_holds_every_item_unchecked_with_the_count():
    html = widget.render(widget.start(CONFIG))
    for item in checklists.load("kom-godt-i-gang").items:
        assert f'value="{item.id}"' in html
    assert not re.search(r"\schecked\b", html)
    assert f"0 af {len(IDS)} punkter" in html


def test_ticking_saves_and_updates_the_count():
    state, _ = mounted()
    state, effects = tick(state, IDS[2])
    assert state["checked"] == [IDS[2]]
    assert effects == [{"type": "save", "document": {"schema": 1, "checked": [IDS[2]]}}]
    html = widget.render(state)
    assert f"1 af {len(IDS)} punkter" in html
    assert f'value="{IDS[2]}" checked' in html


def test_checked_items_keep_the_checklist_order():
    state, _ = mounted()
    state, _ = tick(state, IDS[3])
    state, _ = tick(state, IDS[0])
    assert state["checked"] == [IDS[0], IDS[3]]


def test_unticking_and_repeated_events_are_idempotent():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    same, effects = tick(state, IDS[0])
    assert same == state and effects == []
    state, effects = tick(state, IDS[0], checked=False)
    assert state["checked"] == [] and effects[0]["document"]["checked"] == []


def test_unknown_items_and_events_change_nothing():
    state, _ = mounted()
    assert tick(state, "findes-ikke") == (state, [])
    assert widget.handle(state, {"type": "click", "action": "nothing"}) == (state, [])
    assert widget.handle(state, {"type": "input", "name": "x", "value": "y"}) == (state, [])


def test_mount_restores_a_saved_document_and_drops_unknown_ids():
    state, effects = mounted({"schema": 1, "checked": [IDS[1], "fjernet-punkt", 7]})
    assert state["checked"] == [IDS[1]] and effects == []


def test_mount_with_an_unreadable_document_starts_over_and_says_so():
    for stored, storage in [({"schema": 99}, STORAGE_OK), ({"schema": 1, "checked": "x"}, STORAGE_OK),
                            ([1, 2], STORAGE_OK), (None, STORAGE_CORRUPT)]:
        state, effects = mounted(stored, storage)
        assert state["checked"] == []
        if stored is not None or storage == STORAGE_CORRUPT:
            assert effects and effects[0]["type"] == "announce" and "forfra" in effects[0]["message"]


def test_mount_without_storage_warns_in_danish():
    state, _ = mounted(storage=STORAGE_UNAVAILABLE)
    assert state["storage"] == "unavailable"
    assert "tillader ikke" in widget.render(state)


def test_a_failed_save_is_shown_and_the_ticks_stay():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    state, _ = widget.handle(state, {"type": "save-failed", "reason": "QuotaExceededError"})
    assert state["checked"] == [IDS[0]]
    assert "kunne ikke gemmes" in widget.render(state)


def test_clear_removes_the_document_and_can_be_undone():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    state, _ = tick(state, IDS[4])
    state, effects = widget.handle(state, {"type": "click", "action": "clear"})
    assert state["checked"] == []
    assert {"type": "save", "document": None} in effects
    assert {"type": "focus", "id": "hj-kom-godt-i-gang-undo"} in effects
    assert 'id="hj-kom-godt-i-gang-undo"' in widget.render(state)
    state, effects = widget.handle(state, {"type": "click", "action": "undo"})
    assert state["checked"] == [IDS[0], IDS[4]] and state["undo"] is None
    assert effects[0] == {"type": "save", "document": {"schema": 1, "checked": [IDS[0], IDS[4]]}}
    assert 'data-action="undo"' not in widget.render(state)


def test_clearing_an_empty_list_says_so_and_saves_nothing():
    state, _ = mounted()
    state, effects = widget.handle(state, {"type": "click", "action": "clear"})
    assert [e["type"] for e in effects] == ["announce"]


def test_a_change_in_another_tab_is_adopted():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    state, effects = widget.handle(state, {"type": "stored-elsewhere",
                                           "document": {"schema": 1, "checked": [IDS[5]]}})
    assert state["checked"] == [IDS[5]]
    assert effects[0]["type"] == "announce"
    state, _ = widget.handle(state, {"type": "stored-elsewhere", "document": None})
    assert state["checked"] == []


def test_labels_are_tied_to_their_checkboxes_and_hints():
    html = widget.render(widget.start(CONFIG))
    for item in checklists.load("kom-godt-i-gang").items:
        assert f'<label for="hj-kom-godt-i-gang-{item.id}">' in html
        if item.hint:
            assert f'aria-describedby="hj-kom-godt-i-gang-{item.id}-hint"' in html


def test_print_and_export_are_offered_only_once_the_widget_runs():
    assert 'data-action="print"' not in widget.render(widget.start(CONFIG))
    state, _ = mounted()
    html = widget.render(state)
    assert 'data-action="print"' in html and 'data-action="export"' in html
    assert widget.handle(state, {"type": "click", "action": "print"}) == (state, [{"type": "print"}])


def test_export_is_a_markdown_task_list_of_the_ticks():
    state, _ = mounted()
    state, _ = tick(state, IDS[0])
    same, effects = widget.handle(state, {"type": "click", "action": "export"})
    assert same == state
    file = effects[0]
    assert file["type"] == "download" and file["filename"] == "tjekliste-kom-godt-i-gang.md"
    assert file["mime"].startswith("text/markdown")
    checklist = checklists.load("kom-godt-i-gang")
    text = file["content"]
    assert text.startswith(f"# {checklist.title}\n")
    assert f"1 af {len(IDS)} punkter er klaret." in text
    assert f"- [x] {checklist.items[0].text}" in text
    for item in checklist.items[1:]:
        assert f"- [ ] {item.text}" in text
    assert "## Før (1 af" in text and checklist.source in text
