"""The two ways into a widget: a page at build time, and the browser's worker.

`render_static` is called by the `widget` macro under CPython. `handle_message`
is the only function the Web Worker calls under Pyodide: a JSON string in, a
JSON string out, so nothing but text crosses between JavaScript and Python.
"""

import json
import traceback

from . import widgets
from .contract import Context
from .html import attrs

NOSCRIPT_NOTE = ("Uden JavaScript kan du læse og udskrive værktøjet, "
                 "men det du vælger, bliver ikke gemt.")


def render_static(name: str, config: dict) -> str:
    """The complete HTML of a widget as the page ships it: readable and printable without JS.

    Its `data-init` attribute carries, as JSON, everything the bridge needs: the
    widget's name, its initial state, its storage key and the keys it reads. (An
    attribute, not a JSON <script>: Material's instant navigation re-creates inline
    scripts without their type and would run it.)
    """
    widget = widgets.get(name)
    state = widget.start(config)
    init = json.dumps({"widget": name, "state": state, "storageRoot": widget.storage_key(config),
                       "reads": widget.reads(config)}, ensure_ascii=False, separators=(",", ":"))
    return (f'<div{attrs(class_="hj-widget", data_widget=name, data_state="static", data_init=init)}>'
            '<p class="hj-widget__status" role="status"></p>'
            f'<noscript><p class="hj-widget__noscript">{NOSCRIPT_NOTE}</p></noscript>'
            f'<div class="hj-widget__body">{widget.render(state)}</div>'
            '</div>')


def handle_message(message: str) -> str:
    """Answer one message from the bridge.

    ``{"op": "mount", "widget", "state", "context"}`` or
    ``{"op": "event", "widget", "state", "event"}`` ->
    ``{"ok": true, "state", "html", "effects"}`` or ``{"ok": false, "error"}``.
    """
    try:
        request = json.loads(message)
        widget = widgets.get(request["widget"])
        if request["op"] == "mount":
            state, effects = widget.mount(request["state"], Context.from_json(request.get("context") or {}))
        elif request["op"] == "event":
            state, effects = widget.handle(request["state"], request["event"])
        else:
            raise ValueError(f"unknown op {request['op']!r}")
        return json.dumps({"ok": True, "state": state, "html": widget.render(state), "effects": effects},
                          ensure_ascii=False)
    except Exception as error:  # reported to the bridge, which keeps the last good HTML
        return json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}",
                           "trace": traceback.format_exc()})


def prepare() -> None:
    """Import every widget and read every data file, once.

    The build calls this before it takes a memory snapshot of Python for the
    browser, so a runtime restored from the snapshot answers its first message
    without importing or parsing anything. (Imported here: a runtime started
    without a snapshot imports only what its page needs.)
    """
    from . import checklists, task_catalogue

    for name in widgets.names():
        widgets.get(name)
    for checklist_id in checklists.available():
        checklists.load(checklist_id)
    task_catalogue.load()
    widgets.get("agreement").fields()
