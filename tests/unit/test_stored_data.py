""""Mine data": listing what the site keeps in this browser, and deleting it."""

from tools.contract import STORAGE_OK, STORAGE_UNAVAILABLE, Context, Stored
from tools.widgets import stored_data as widget

NOW = "2026-11-23T10:15:00+01:00"
COPY = {"schema": 2, "tool": "checklist", "checklist": "apv-leder", "title": "Tjekliste: APV", "name": "Anna",
        "changed": "2026-11-20T09:05:00+01:00", "data": {"answers": {}, "notes": {}}}
DOCUMENTS = {
    "hjemmearbejde/v1/checklist/apv-leder/k1": COPY,
    "hjemmearbejde/v1/checklist/apv-leder/k2": {**COPY, "name": "<b>Bo</b>"},
    "hjemmearbejde/v1/checklist/kom-godt-i-gang": {"schema": 1, "checked": ["x"]},
    "hjemmearbejde/backup/20261123-101500/v1/checklist/apv-leder/k3": {"schema": 2, "title": "Tjekliste: APV"},
}


def mounted(documents=DOCUMENTS, corrupt=("hjemmearbejde/v1/checklist/x/k9",)):
    return widget.mount(widget.start({}), Context(stored=Stored(documents, corrupt), storage=STORAGE_OK, now=NOW))


def click(state, action, value=None):
    return widget.handle(state, {"type": "click", "action": action, "value": value, "now": NOW})


def test_its_root_is_the_sites_whole_namespace():
    assert widget.storage_key({}) == "hjemmearbejde"


def test_it_lists_tool_copy_name_and_last_change_escaped():
    state, _ = mounted()
    html = widget.render(state)
    assert "Siden har gemt 5 ting" in html
    assert "Tjekliste: APV" in html and "Anna" in html and "20. november 2026 kl. 09.05" in html
    assert "&lt;b&gt;Bo&lt;/b&gt;" in html and "<b>Bo</b>" not in html
    assert "Gemt af en ældre udgave (v1/checklist/kom-godt-i-gang)" in html
    assert "Lagt til side" in html and "Data, der ikke kan læses" in html


def test_delete_one_and_undo():
    state, _ = mounted()
    key = "hjemmearbejde/v1/checklist/apv-leder/k1"
    state, effects = click(state, "stored-delete", key)
    assert effects[0] == {"type": "save", "key": key, "document": None}
    assert "Anna" not in widget.render(state).split("</table>")[0].split("<table")[1]
    state, effects = click(state, "stored-undo")
    assert effects[0] == {"type": "save", "key": key, "document": COPY}
    assert "Siden har gemt 5 ting" in widget.render(state)


def test_delete_all_asks_first_and_then_removes_every_key():
    state, _ = mounted()
    asked, effects = click(state, "stored-delete-all")
    assert asked["entries"] == state["entries"] and not [e for e in effects if e["type"] == "save"]
    assert "Vil du slette alt" in widget.render(asked)
    cancelled, _ = click(asked, "stored-cancel")
    assert cancelled["entries"] == state["entries"] and not cancelled["confirm"]
    done, effects = click(asked, "stored-delete-all-confirm")
    removed = sorted(e["key"] for e in effects if e["type"] == "save" and e["document"] is None)
    assert removed == sorted([*DOCUMENTS, "hjemmearbejde/v1/checklist/x/k9"])
    assert "Siden har intet gemt" in widget.render(done)


def test_without_storage_or_javascript_it_says_so():
    state, _ = widget.mount(widget.start({}), Context(storage=STORAGE_UNAVAILABLE, now=NOW))
    assert "tillader ikke" in widget.render(state)
    assert "Uden JavaScript gemmer siden intet" in widget.render(widget.start({}))


def test_a_change_in_another_tab_refreshes_the_list():
    state, _ = mounted()
    state, effects = widget.handle(state, {"type": "stored-elsewhere", "stored": {"documents": {}}, "now": NOW})
    assert state["entries"] == [] and effects[0]["type"] == "announce"
