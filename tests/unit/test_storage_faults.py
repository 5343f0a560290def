"""Every tool that saves meets the same faults the same way: storage refused or full, a saved document
that is corrupt or from a newer version, and import files that are not what they claim."""

import json

import pytest

from tools import copies
from tools.contract import STORAGE_UNAVAILABLE, Context, Stored
from tools.widgets import agreement, checklist, task_finder

NOW = "2026-11-23T10:00:00.000+01:00"

TOOLS = [
    pytest.param(checklist, {"checklist": "apv-leder"}, id="checklist"),
    pytest.param(task_finder, {}, id="task-finder"),
    pytest.param(agreement, {}, id="agreement"),
]


def books(module, config):
    return module.shelf(config["checklist"]) if "checklist" in config else module.shelf()


def mount(module, config, storage="ok", stored=None):
    return module.mount(module.start(config), Context(storage=storage, now=NOW, stored=Stored.from_json(stored)))


@pytest.mark.parametrize("module, config", TOOLS)
def test_storage_refused_says_so_and_the_tool_still_works(module, config):
    state, effects = mount(module, config, storage=STORAGE_UNAVAILABLE)
    assert "tillader ikke, at siden gemmer" in module.render(state)
    state, _ = module.handle(state, {"type": "submit", "action": "copy-create", "fields": [["copy-name", "Ny"]],
                                     "now": NOW})
    assert copies.current(state)["name"] == "Ny"


@pytest.mark.parametrize("module, config", TOOLS)
def test_a_save_that_fails_is_shown_and_nothing_typed_is_lost(module, config):
    state, _ = mount(module, config)
    state, _ = module.handle(state, {"type": "submit", "action": "copy-create", "fields": [["copy-name", "Anna"]],
                                     "now": NOW})
    state, _ = module.handle(state, {"type": "save-failed", "key": "x", "reason": "QuotaExceededError", "now": NOW})
    assert "kunne ikke gemmes" in module.render(state) and copies.current(state)["name"] == "Anna"


@pytest.mark.parametrize("module, config", TOOLS)
def test_corrupt_and_foreign_documents_are_set_aside_and_newer_ones_left_alone(module, config):
    root = books(module, config).root
    newer = {"schema": 99, "tool": books(module, config).tool, **books(module, config).identity, "name": "Fremtid",
             "data": {}}
    stored = {"documents": {f"{root}/k1": {"schema": 1, "tool": "noget-andet", "data": {}},
                            f"{root}/k2": newer},
              "corrupt": [f"{root}/k3"]}
    state, effects = mount(module, config, stored=stored)
    aside = sorted(e["key"] for e in effects if e["type"] == "set-aside")
    assert aside == [f"{root}/k1", f"{root}/k3"]
    assert all(e["backup"].startswith("hjemmearbejde/backup/") for e in effects if e["type"] == "set-aside")
    html = module.render(state)
    assert "lagt til side" in html and "»Fremtid« er gemt af en nyere udgave" in html
    assert not [e for e in effects if e["type"] == "save" and e["key"] == f"{root}/k2"]


@pytest.mark.parametrize("module, config", TOOLS)
@pytest.mark.parametrize("text, message", [
    ("ikke json", "ikke en JSON-fil"),
    ("[1, 2]", "ikke en kopi"),
    ('{"tool": "noget-andet"}', "et andet værktøj"),
    (None, "kunne ikke læses"),
])
def test_a_malformed_import_file_is_refused_at_the_field_and_changes_nothing(module, config, text, message):
    state, _ = mount(module, config)
    before = copies.data(state)
    file = {"name": "fil.json", "size": 10, "text": text} if text is not None else \
        {"name": "fil.json", "size": 10, "error": "unreadable"}
    state, effects = module.handle(state, {"type": "file", "name": "import", "file": file, "now": NOW})
    assert message in json.dumps(state["errors"], ensure_ascii=False)
    assert copies.data(state) == before and not [e for e in effects if e["type"] == "save"]
    assert {"type": "focus", "id": books(module, config).element("errors")} in effects


@pytest.mark.parametrize("module, config", TOOLS)
def test_a_file_too_large_is_refused_unread(module, config):
    state, _ = mount(module, config)
    state, _ = module.handle(state, {"type": "file", "name": "import", "now": NOW,
                                     "file": {"name": "stor.json", "size": 2 * 1024 * 1024, "error": "too-large"}})
    assert "for stor" in json.dumps(state["errors"], ensure_ascii=False)


@pytest.mark.parametrize("module, config", TOOLS)
def test_a_change_in_another_tab_is_adopted_and_not_overwritten(module, config):
    state, _ = mount(module, config)
    state, effects = module.handle(state, {"type": "submit", "action": "copy-create", "fields": [["copy-name", "Anna"]],
                                           "now": NOW})
    [saved] = [e for e in effects if e["type"] == "save"]
    elsewhere = {**saved["document"], "name": "Anna fra det andet vindue", "changed": "2026-11-23T11:00:00.000+01:00"}
    state, effects = module.handle(state, {"type": "stored-elsewhere", "now": NOW,
                                           "stored": {"documents": {saved["key"]: elsewhere}, "corrupt": []}})
    assert copies.current(state)["name"] == "Anna fra det andet vindue"
    assert not [e for e in effects if e["type"] == "save"]  # this tab writes nothing over it
    assert any("andet vindue" in e.get("message", "") for e in effects)
