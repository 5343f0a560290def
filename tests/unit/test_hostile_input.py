"""A corpus of hostile input typed into every free-text field of every tool: rendered, saved and
reloaded, exported and imported again. Nothing is interpreted as markup, nothing is lost or garbled."""

import json

import pytest

from tools import checklists, copies
from tools.contract import Context, Stored
from tools.html import escape
from tools.widgets import agreement, checklist, screen_rules, task_finder

NOW = "2026-11-23T10:00:00.000+01:00"

CORPUS = {
    "script": "<script>alert(1)</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
    "single-quote": "' onmouseover='alert(1)' x='",
    "javascript-link": "javascript:alert(document.cookie)",
    "svg": '<svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>',
    "template": "{{ config }} {% raw %} ${7*7} #{7*7} <%= 7*7 %>",
    "long": "Lang tekst, " * 400,
    "invisible": "nul\u200bbredde\u200d og \u202evendt\u202c og \u200fRTL",
    "emoji": "😀 👩🏽‍💻 🇩🇰 – æøå ÆØÅ, 2,5 & \"citat\"",
    "lines": "første linje\nanden linje\n\ntredje",
}


class Tool:
    """One free-text field of one tool: how to type into it, and where its value is kept."""

    def __init__(self, name, module, config, event, value_of, limit, setup=None):
        self.name, self.module, self.config = name, module, config
        self.event, self.value_of, self.limit, self.setup = event, value_of, limit, setup

    def __repr__(self):
        return self.name


def _mounted(module, config, stored=None):
    return module.mount(module.start(config), Context(storage="ok", now=NOW, stored=Stored(documents=stored or {})))


def _checklist_fields():
    for checklist_id in checklists.available():
        data = checklists.load(checklist_id)
        text = next((i for i in data.items if i.kind == checklists.TEXT), None)
        noted = next((i for i in data.items if i.note), None)
        config = {"checklist": checklist_id}
        if text:
            yield Tool(f"checklist:{checklist_id}:{text.id}", checklist, config,
                       lambda v, i=text.id: {"type": "input", "name": f"answer:{i}", "value": v},
                       lambda d, i=text.id: d["answers"].get(i), text.max_length)
        if noted:
            yield Tool(f"checklist:{checklist_id}:note:{noted.id}", checklist, config,
                       lambda v, i=noted.id: {"type": "input", "name": f"note:{i}", "value": v},
                       lambda d, i=noted.id: d["notes"].get(i), checklists.MAX_TEXT_LENGTH)


def _finder_setup(state):
    return task_finder.handle(state, {"type": "click", "action": "task-toggle", "value": "bogholderi", "now": NOW})[0]


def _agreement_fields():
    for item in agreement.fields().items:
        if item.kind == checklists.TEXT:
            yield Tool(f"agreement:{item.id}", agreement, {},
                       lambda v, i=item.id: {"type": "input", "name": f"answer:{i}", "value": v},
                       lambda d, i=item.id: d["fields"]["answers"].get(i), item.max_length)


FIELDS = [
    *_checklist_fields(),
    Tool("task-finder:note", task_finder, {},
         lambda v: {"type": "input", "name": "note:bogholderi", "value": v},
         lambda d: d["tasks"][0]["note"], 1000, setup=_finder_setup),
    Tool("task-finder:hours", task_finder, {},
         lambda v: {"type": "input", "name": "hours:bogholderi", "value": v},
         lambda d: d["tasks"][0]["hours"], 20, setup=_finder_setup),
    Tool("task-finder:work-days", task_finder, {},
         lambda v: {"type": "input", "name": "work-days", "value": v},
         lambda d: d["work_days"], 20),
    *_agreement_fields(),
]


@pytest.mark.parametrize("tool", FIELDS, ids=repr)
@pytest.mark.parametrize("kind", CORPUS)
def test_hostile_text_in_every_field_is_shown_saved_reloaded_exported_and_imported_unchanged(tool, kind):
    typed = CORPUS[kind]
    kept = typed[:tool.limit]  # the field's documented limit (its maxlength), nothing else
    state, _ = _mounted(tool.module, tool.config)
    if tool.setup:
        state = tool.setup(state)
    state, effects = tool.module.handle(state, {**tool.event(typed), "now": NOW})
    assert tool.value_of(copies.data(state)) == kept

    html = tool.module.render(state)
    assert "<script" not in html
    assert not any(c in kept for c in "<>\"'") or kept not in html  # never unescaped
    assert escape(kept) in html

    # Saved, then reloaded from what storage holds (as JSON text).
    [saved] = [e for e in effects if e["type"] == "save"]
    stored = {saved["key"]: json.loads(json.dumps(saved["document"]))}
    reloaded, _ = _mounted(tool.module, tool.config, stored)
    assert tool.value_of(copies.data(reloaded)) == kept

    # Exported as a file and imported on another computer.
    _, effects = tool.module.handle(reloaded, {"type": "click", "action": "export-json", "now": NOW})
    text = next(e for e in effects if e["type"] == "download")["content"]
    books = tool.module.shelf(**({"checklist_id": tool.config["checklist"]} if "checklist" in tool.config else {}))
    imported, problem = copies.read_import(books, text)
    assert problem is None and tool.value_of(imported["data"]) == kept

    # The Markdown export has every line of it.
    _, effects = tool.module.handle(reloaded, {"type": "click", "action": "export-markdown", "now": NOW})
    markdown = next(e for e in effects if e["type"] == "download")["content"]
    assert all(line.strip() in markdown for line in kept.splitlines() if line.strip())


@pytest.mark.parametrize("kind", CORPUS)
def test_hostile_copy_names_and_own_task_names_are_escaped_or_refused_never_lost(kind):
    typed = CORPUS[kind]
    state, _ = _mounted(task_finder, {})
    state, _ = task_finder.handle(state, {"type": "submit", "action": "copy-create", "fields": [["copy-name", typed]],
                                          "now": NOW})
    state, _ = task_finder.handle(state, {"type": "submit", "action": "task-own", "fields": [["own-name", typed]],
                                          "now": NOW})
    html = task_finder.render(state)
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    name = typed.strip()
    if len(name) <= copies.MAX_NAME_LENGTH:
        assert copies.current(state)["name"] == name and copies.data(state)["tasks"][0]["name"] == name
    else:  # refused with a message at the field; what was typed stays in the field
        assert state["errors"] and state["drafts"]["own-name"] == typed


@pytest.mark.parametrize("kind", CORPUS)
def test_hostile_text_in_the_screen_rule_weeks_is_refused_at_the_field_and_kept(kind):
    state = screen_rules.mount(screen_rules.start({}), Context(storage="ok", now=NOW))[0]
    state, _ = screen_rules.handle(state, {"type": "submit", "action": "assess-screen-rules",
                                           "fields": [["home-1", CORPUS[kind]]], "now": NOW})
    html = screen_rules.render(state)
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert state["errors"]
    assert state["home"][0] == CORPUS[kind][:20]
