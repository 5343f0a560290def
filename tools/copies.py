"""Named copies of a tool, and moving a copy in and out as a file.

A leader keeps one copy of a checklist per employee, a team one agenda per
meeting. Every tool that keeps copies does it through this module, so creating,
naming, switching, renaming, deleting with undo, export, import and their error
messages work and read the same everywhere. A widget describes its copies with a
`Shelf` and keeps its own data (answers, tasks …) inside each copy.

Storage: one document per copy, under the widget's storage root::

    <root>/<copy id> -> {"schema", "tool", "title", "name", "changed", "opened",
                         <identity, e.g. "checklist": "apv-leder">, "data": {…}}

An exported file is the same envelope with "exported" instead of
"changed"/"opened", plus the fields a shelf derives from the data for whoever
reads the file (e.g. a checklist's action list). Import knows those fields and
ignores them: the data is what counts. A document of an older schema is
upgraded by the widget; a newer one is left untouched and the user is told; one
that cannot be read is set aside under `BACKUP_PREFIX` and the user is told. A
document stored at the root key itself is from before copies existed: it becomes
the first copy.

The widget's state holds these keys (besides its own)::

    storage  "static" | "ok" | "unavailable" | "failed"
    copies   {copy id: {"name", "changed", "opened", "saved", "data"}}
    current  the copy id shown
    panel    whether the copies panel is open
    drafts   {"copy-name": str, "copy-rename": str}: what is typed, kept across renders
    errors   [{"field": element id, "message"}]: shown in the error summary
    pending  a file read for import, waiting for the user's choice, or None
    confirm  True while asking whether to replace the current copy
    deleted  {"id", "copy"}: the last deleted copy, until undone, or None
    notices  Danish messages about stored copies (set aside, too new)
    now      the latest time the bridge sent; printed: when "Udskriv" was pressed
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from . import dates
from .contract import (BACKUP_PREFIX, EVENT_FILE, EVENT_SAVE_FAILED, EVENT_STORED_ELSEWHERE, FILE_TOO_LARGE,
                       MAX_FILE_BYTES, NAMESPACE, STORAGE_OK, STORAGE_STATIC, STORAGE_UNAVAILABLE, Context, Stored,
                       announce, download, focus, print_page, save, set_aside)
from .html import attrs, describedby, error_summary, escape, field_error, hidden_text

MAX_NAME_LENGTH = 80
STORED_KEYS = {"schema", "tool", "title", "name", "changed", "opened", "data"}
EXPORT_KEYS = {"schema", "tool", "title", "name", "exported", "data"}


@dataclass(frozen=True)
class Reading:
    """What a widget makes of a copy's data: clean data, or errors; notes for the user."""

    data: dict | None
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shelf:
    """How one widget instance keeps its copies."""

    tool: str                                   # the widget's NAME
    root: str                                   # its storage root
    title: str                                  # what it is, in Danish, e.g. "Tjekliste: …"
    schema: int                                 # the version of the documents it writes
    uid: str                                    # element-id prefix
    file_stem: str                              # exported file names start with this
    default_name: str                           # the name of the first copy
    empty: Callable[[], dict]                   # the data of a new copy
    read: Callable[[object], Reading]           # check a copy's data (stored or imported)
    markdown: Callable[[str, dict, str], str]   # (copy name, data, now) -> the Markdown export
    identity: dict = field(default_factory=dict)  # fields that say which instance, e.g. {"checklist": id}
    upgrade: Callable[[dict], object] = lambda document: None  # an older document -> data, or None
    derived: dict[str, Callable[[dict], object]] = field(default_factory=dict)  # export-only fields: key -> f(data)

    def element(self, suffix: str) -> str:
        return f"{self.uid}-{suffix}"


# ---- State -------------------------------------------------------------------

def start(shelf: Shelf) -> dict:
    """The state at build time: one unsaved copy with empty data."""
    return {"storage": STORAGE_STATIC, "copies": {"ny": _record(shelf.default_name, shelf.empty(), "")},
            "current": "ny", "panel": False, "drafts": {}, "errors": [], "pending": None, "confirm": False,
            "deleted": None, "notices": [], "now": "", "printed": ""}


def current(state: dict) -> dict:
    """The copy shown: ``{"name", "changed", "opened", "saved", "data"}``."""
    return state["copies"][state["current"]]


def data(state: dict) -> dict:
    return current(state)["data"]


def update(shelf: Shelf, state: dict, new_data: dict, now: str = "") -> tuple[dict, list]:
    """Replace the current copy's data and save it; nothing happens if it is unchanged."""
    if new_data == data(state):
        return state, []
    now = now or state["now"]
    record = {**current(state), "data": new_data, "changed": now, "opened": now, "saved": True}
    return _put(shelf, {**state, "now": now}, state["current"], record)


def propose(state: dict, new_data: dict) -> dict:
    """Show `new_data` in the current copy without saving it, if nobody has changed that copy yet
    (e.g. prefilled from other tools): the user's first change saves it with the rest."""
    record = current(state)
    if record["saved"]:
        return state
    return {**state, "copies": {**state["copies"], state["current"]: {**record, "data": new_data}}}


def mount(shelf: Shelf, state: dict, context: Context) -> tuple[dict, list]:
    state = {**start(shelf), "now": context.now, "storage": STORAGE_OK}
    if context.storage == STORAGE_UNAVAILABLE:
        return {**state, "copies": _fresh_copies(shelf, context.now), "current": _new_id({}, context.now),
                "storage": STORAGE_UNAVAILABLE}, []
    state, effects = _adopt(shelf, state, context.stored, repair=True)
    return state, effects + [announce(n) for n in state["notices"]]


def copy_id_of(root: str, key: str) -> str | None:
    """The copy id of a key one level under `root` (``<root>/<copy id>``), else None."""
    copy_id = key[len(root) + 1:]
    return copy_id if key.startswith(root + "/") and copy_id and "/" not in copy_id else None


def _adopt(shelf: Shelf, state: dict, stored: Stored, repair: bool) -> tuple[dict, list]:
    """Take over what storage holds under the root; with `repair`, migrate and set aside."""
    now = state["now"]
    effects, notices, copies = [], [], {}
    unreadable = "En gemt kopi kunne ikke læses. Den er lagt til side, så du kan finde den under Mine data."
    for key in stored.corrupt:
        if repair:
            effects.append(set_aside(key, backup_key(key, now)))
            notices.append(unreadable)
    for key, document in sorted(stored.documents.items()):
        copy_id = copy_id_of(shelf.root, key)
        if key != shelf.root and copy_id is None:
            continue
        outcome, record = _read_stored(shelf, document)
        if outcome == "newer":
            notices.append(f"Kopien »{record}« er gemt af en nyere udgave af siden. Den vises ikke her, "
                           "og den bliver ikke ændret.")
        elif outcome == "bad":
            if repair:
                effects.append(set_aside(key, backup_key(key, now)))
                notices.append(unreadable)
        elif key == shelf.root:  # from before copies: it becomes a copy of its own
            if repair:
                copy_id = _new_id(copies, now)
                copies[copy_id] = {**record, "changed": record["changed"] or now, "opened": record["opened"] or now}
                effects += [save(f"{shelf.root}/{copy_id}", _document(shelf, copies[copy_id])),
                            save(shelf.root, None)]
        else:
            copies[copy_id] = record
    if not copies:
        copies = _fresh_copies(shelf, now)
    keep = state.get("current")
    chosen = keep if keep in copies else max(copies, key=lambda i: (copies[i]["opened"], copies[i]["changed"], i))
    return {**state, "copies": copies, "current": chosen, "notices": list(dict.fromkeys(notices))}, effects


def _read_stored(shelf: Shelf, document) -> tuple[str, object]:
    """("ok", record) | ("newer", name) | ("bad", None) for one stored document."""
    if not isinstance(document, dict) or type(document.get("schema")) is not int:
        return "bad", None
    # Documents from before copies carry no envelope; one that does must be this instance's.
    if "tool" in document and (document["tool"] != shelf.tool
                               or any(document.get(k) != v for k, v in shelf.identity.items())):
        return "bad", None
    if document["schema"] > shelf.schema:
        return "newer", str(document.get("name") or "uden navn")
    if document["schema"] < shelf.schema:
        upgraded = shelf.upgrade(document)
        name = document.get("name")
        document = {"name": name if _name_problem(name) is None else shelf.default_name,
                    "data": upgraded, "changed": document.get("changed"), "opened": document.get("opened")}
    reading = shelf.read(document.get("data"))
    name = document.get("name")
    if reading.data is None or reading.errors or _name_problem(name) is not None:
        return "bad", None
    return "ok", _record(name.strip(), reading.data, _text(document.get("changed")), _text(document.get("opened")))


def _record(name: str, copy_data: dict, changed: str, opened: str = "", saved: bool = True) -> dict:
    return {"name": name, "changed": changed, "opened": opened or changed, "saved": saved, "data": copy_data}


def _fresh_copies(shelf: Shelf, now: str) -> dict:
    return {_new_id({}, now): _record(shelf.default_name, shelf.empty(), "", now, saved=False)}


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _new_id(copies: dict, now: str) -> str:
    """A copy id from the time it was made: two tabs rarely make one in the same second."""
    base = f"k{dates.stamp(now)}"
    candidate, n = base, 1
    while candidate in copies:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def backup_key(key: str, now: str) -> str:
    return f"{BACKUP_PREFIX}{dates.stamp(now)}/{key.removeprefix(NAMESPACE)}"


def _document(shelf: Shelf, record: dict) -> dict:
    return {"schema": shelf.schema, "tool": shelf.tool, **shelf.identity, "title": shelf.title,
            "name": record["name"], "changed": record["changed"], "opened": record["opened"], "data": record["data"]}


def _put(shelf: Shelf, state: dict, copy_id: str, record: dict) -> tuple[dict, list]:
    """Store `record` as copy `copy_id` in the state and in storage."""
    state = {**state, "copies": {**state["copies"], copy_id: record}}
    return state, [save(f"{shelf.root}/{copy_id}", _document(shelf, record))]


# ---- Events ------------------------------------------------------------------

def handle(shelf: Shelf, state: dict, event: dict) -> tuple[dict, list] | None:
    """Answer the events that belong to copies and files; None for the widget's own."""
    state = {**state, "now": event.get("now") or state["now"]}
    kind, action, name = event.get("type"), event.get("action"), event.get("name")
    if kind == "input" and name in ("copy-name", "copy-rename"):
        return {**state, "drafts": {**state["drafts"], name: str(event.get("value", ""))}}, []
    if kind == "submit" and action in _NAME_FORMS:
        field_name, answer = _NAME_FORMS[action]
        typed = dict(event.get("fields") or []).get(field_name, state["drafts"].get(field_name, ""))
        return answer(shelf, state, str(typed))
    if kind == EVENT_FILE and name == "import":
        return _read_file(shelf, state, event.get("file") or {})
    if kind == EVENT_SAVE_FAILED:
        return {**state, "storage": "failed"}, []
    if kind == EVENT_STORED_ELSEWHERE:
        adopted, _ = _adopt(shelf, state, Stored.from_json(event.get("stored")), repair=False)
        return adopted, [announce("Kopierne er ændret i et andet vindue. Du ser nu det nyeste.")]
    if kind != "click":
        return None
    value = event.get("value")
    actions = {
        "copies-toggle": lambda: ({**state, "panel": not state["panel"]}, []),
        "copy-open": lambda: _open(shelf, state, value),
        "copy-delete": lambda: _delete(shelf, state, value),
        "copy-undo-delete": lambda: _undo_delete(shelf, state),
        "print": lambda: ({**state, "printed": state["now"]}, [print_page()]),
        "export-markdown": lambda: (state, _export_markdown(shelf, state)),
        "export-json": lambda: (state, _export_json(shelf, state)),
        "import-new": lambda: _import_new(shelf, state),
        "import-replace": lambda: ({**state, "confirm": True}, [focus(shelf.element("pending"))]),
        "import-replace-confirm": lambda: _import_replace(shelf, state),
        "import-cancel": lambda: ({**state, "pending": None, "confirm": False},
                                  [announce("Filen er ikke hentet."), focus(shelf.element("import"))]),
    }
    return actions[action]() if action in actions else None


def _name_problem(name, taken: list[str] = ()) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return "Skriv et navn til kopien."
    if len(name.strip()) > MAX_NAME_LENGTH:
        return f"Navnet må højst have {MAX_NAME_LENGTH} tegn. Det har {len(name.strip())}."
    if name.strip().casefold() in (t.casefold() for t in taken):
        return f"Der er allerede en kopi, der hedder »{name.strip()}«. Vælg et andet navn."
    return None


def _names(state: dict, but: str | None = None) -> list[str]:
    return [c["name"] for i, c in state["copies"].items() if i != but]


def with_error(shelf: Shelf, state: dict, field_suffix: str, message: str) -> tuple[dict, list]:
    field_id = shelf.element(field_suffix)
    errors = [e for e in state["errors"] if e["field"] != field_id] + [{"field": field_id, "message": message}]
    return {**state, "errors": errors}, [focus(shelf.element("errors"))]


def without_errors(state: dict, *field_ids: str) -> dict:
    return {**state, "errors": [e for e in state["errors"] if e["field"] not in field_ids]}


def _create(shelf: Shelf, state: dict, name: str) -> tuple[dict, list]:
    problem = _name_problem(name, _names(state))
    if problem:
        return with_error(shelf, {**state, "drafts": {**state["drafts"], "copy-name": name}}, "copy-name", problem)
    copy_id = _new_id(state["copies"], state["now"])
    record = _record(name.strip(), shelf.empty(), state["now"])
    state = without_errors({**state, "current": copy_id, "drafts": {**state["drafts"], "copy-name": ""},
                           "deleted": None}, shelf.element("copy-name"))
    state, effects = _put(shelf, state, copy_id, record)
    return state, effects + [announce(f"Kopien »{record['name']}« er oprettet og åben."),
                             focus(shelf.element("current"))]


def _rename(shelf: Shelf, state: dict, name: str) -> tuple[dict, list]:
    problem = _name_problem(name, _names(state, but=state["current"]))
    if problem:
        return with_error(shelf, {**state, "drafts": {**state["drafts"], "copy-rename": name}}, "copy-rename", problem)
    record = {**current(state), "name": name.strip(), "changed": state["now"], "saved": True}
    state = without_errors({**state, "drafts": {**state["drafts"], "copy-rename": ""}}, shelf.element("copy-rename"))
    state, effects = _put(shelf, state, state["current"], record)
    return state, effects + [announce(f"Kopien hedder nu »{record['name']}«.")]


# The two name forms: form action -> (its field, what answers it).
_NAME_FORMS = {"copy-create": ("copy-name", _create), "copy-rename": ("copy-rename", _rename)}


def _open(shelf: Shelf, state: dict, copy_id) -> tuple[dict, list]:
    if copy_id not in state["copies"]:
        return state, []
    record = {**state["copies"][copy_id], "opened": state["now"]}
    state = {**state, "current": copy_id, "errors": [], "pending": None, "confirm": False}
    effects = []
    if record["saved"]:
        state, effects = _put(shelf, state, copy_id, record)
    else:
        state = {**state, "copies": {**state["copies"], copy_id: record}}
    return state, effects + [announce(f"Kopien »{record['name']}« er åben."), focus(shelf.element("current"))]


def _delete(shelf: Shelf, state: dict, copy_id) -> tuple[dict, list]:
    if copy_id not in state["copies"]:
        return state, []
    removed = state["copies"][copy_id]
    copies = {i: c for i, c in state["copies"].items() if i != copy_id} or _fresh_copies(shelf, state["now"])
    chosen = state["current"] if state["current"] in copies else max(
        copies, key=lambda i: (copies[i]["opened"], copies[i]["changed"], i))
    state = {**state, "copies": copies, "current": chosen, "deleted": {"id": copy_id, "copy": removed}}
    effects = [save(f"{shelf.root}/{copy_id}", None)] if removed["saved"] else []
    return state, effects + [announce(f"Kopien »{removed['name']}« er slettet. Du kan fortryde."),
                             focus(shelf.element("undo-delete"))]


def _undo_delete(shelf: Shelf, state: dict) -> tuple[dict, list]:
    deleted = state.get("deleted")
    if not deleted:
        return state, []
    copies = {i: c for i, c in state["copies"].items() if c["saved"] or c["data"] != shelf.empty()}
    state = {**state, "copies": copies, "current": deleted["id"], "deleted": None}
    record = deleted["copy"]
    if record["saved"]:
        state, effects = _put(shelf, state, deleted["id"], record)
    else:
        state, effects = {**state, "copies": {**copies, deleted["id"]: record}}, []
    return state, effects + [announce(f"Kopien »{record['name']}« er tilbage."), focus(shelf.element("current"))]


# ---- Files -------------------------------------------------------------------

def _slug(text: str) -> str:
    folded = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40] or "kopi"


def _export_markdown(shelf: Shelf, state: dict) -> list:
    record = current(state)
    text = shelf.markdown(record["name"], record["data"], state["now"])
    return [download(f"{shelf.file_stem}-{_slug(record['name'])}.md", text, "text/markdown;charset=utf-8"),
            announce("Kopien er hentet som tekstfil.")]


def export_document(shelf: Shelf, record: dict, now: str) -> dict:
    """The JSON file that moves a copy to another computer."""
    return {"tool": shelf.tool, **shelf.identity, "schema": shelf.schema, "title": shelf.title,
            "name": record["name"], "exported": now, "data": record["data"],
            **{key: make(record["data"]) for key, make in shelf.derived.items()}}


def _export_json(shelf: Shelf, state: dict) -> list:
    record = current(state)
    text = json.dumps(export_document(shelf, record, state["now"]), ensure_ascii=False, indent=2) + "\n"
    return [download(f"{shelf.file_stem}-{_slug(record['name'])}.json", text, "application/json"),
            announce("Kopien er gemt som fil. Du kan hente den ind igen her eller på en anden computer.")]


def read_import(shelf: Shelf, text) -> tuple[dict | None, str | None]:
    """An exported file's text -> (``{"name", "data", "exported", "notes"}``, None) or (None, Danish error)."""
    if not isinstance(text, str):
        return None, "Filen kunne ikke læses."
    try:
        document = json.loads(text)
    except ValueError:
        return None, "Filen er ikke en JSON-fil fra dette værktøj. Vælg en fil, du har gemt med »Gem som fil«."
    if not isinstance(document, dict):
        return None, "Filen er ikke en kopi fra dette værktøj."
    if document.get("tool") != shelf.tool:
        return None, "Filen er fra et andet værktøj. Vælg en fil, du har gemt fra dette værktøj."
    for key, value in shelf.identity.items():
        if document.get(key) != value:
            other = document.get("title") or document.get(key)
            return None, f"Filen hører til »{other}«, ikke til »{shelf.title}«."
    schema = document.get("schema")
    if type(schema) is not int:
        return None, "Filen mangler sin version (schema)."
    if schema > shelf.schema:
        return None, ("Filen er lavet med en nyere udgave af siden. Den kan ikke hentes her. "
                      "Brug den nyeste udgave af siden.")
    unknown = sorted(set(document) - EXPORT_KEYS - set(shelf.identity) - set(shelf.derived))
    if unknown:
        return None, f"Filen har felter, som værktøjet ikke kender: {', '.join(unknown)}."
    name = document.get("name")
    problem = _name_problem(name)
    if problem:
        return None, "Filen har ikke et gyldigt navn på kopien."
    copy_data = document.get("data") if schema == shelf.schema else shelf.upgrade(document)
    reading = shelf.read(copy_data)
    if reading.data is None or reading.errors:
        return None, "Filen kan ikke bruges: " + (" ".join(reading.errors) or "dens svar kan ikke læses.")
    return {"name": name.strip(), "data": reading.data, "exported": _text(document.get("exported")),
            "notes": list(reading.notes)}, None


def _read_file(shelf: Shelf, state: dict, file: dict) -> tuple[dict, list]:
    state = without_errors({**state, "pending": None, "confirm": False}, shelf.element("import"))
    filename = str(file.get("name") or "filen")
    if file.get("error") == FILE_TOO_LARGE or (file.get("size") or 0) > MAX_FILE_BYTES:
        return with_error(shelf, state, "import", f"Filen »{filename}« er for stor. Den må højst fylde 1 MB.")
    if file.get("error"):
        return with_error(shelf, state, "import", f"Filen »{filename}« kunne ikke læses. Prøv igen.")
    pending, problem = read_import(shelf, file.get("text"))
    if problem:
        return with_error(shelf, state, "import", problem)
    return ({**state, "pending": {**pending, "filename": filename}},
            [announce(f"Filen »{filename}« er læst. Vælg, hvad du vil gøre med den."), focus(shelf.element("pending"))])


def add(shelf: Shelf, state: dict, name: str, copy_data: dict) -> tuple[dict, list]:
    """Save `copy_data` as a new copy and open it; `name` gets " (2)" etc. if it is taken."""
    unique, n = name, 1
    while _name_problem(unique, _names(state)):
        n += 1
        unique = f"{name[:MAX_NAME_LENGTH - 6]} ({n})"
    copy_id = _new_id(state["copies"], state["now"])
    return _put(shelf, {**state, "current": copy_id, "deleted": None}, copy_id, _record(unique, copy_data, state["now"]))


def _import_new(shelf: Shelf, state: dict) -> tuple[dict, list]:
    pending = state.get("pending")
    if not pending:
        return state, []
    state, effects = add(shelf, {**state, "pending": None, "confirm": False}, pending["name"], pending["data"])
    return state, effects + [announce(f"Filen er hentet som kopien »{current(state)['name']}«, og den er åben."),
                             focus(shelf.element("current"))]


def _import_replace(shelf: Shelf, state: dict) -> tuple[dict, list]:
    pending = state.get("pending")
    if not pending:
        return state, []
    record = {**current(state), "data": pending["data"], "changed": state["now"], "opened": state["now"],
              "saved": True}
    state, effects = _put(shelf, {**state, "pending": None, "confirm": False}, state["current"], record)
    return state, effects + [announce(f"Svarene i »{record['name']}« er erstattet af svarene fra filen."),
                             focus(shelf.element("current"))]


# ---- HTML --------------------------------------------------------------------

def render_top(shelf: Shelf, state: dict) -> str:
    """Above the widget's own content: messages, the error summary and the copies bar.

    Nothing at build time: copies, files and saving need JavaScript.
    """
    if state["storage"] == STORAGE_STATIC:
        return ""
    record = current(state)
    e = shelf.element
    parts = [_storage_warning(state["storage"])]
    parts += [f'<div class="admonition warning hj-notice"><p>{escape(n)}</p></div>' for n in state["notices"]]
    parts.append(error_summary(e("errors"), state["errors"]))
    changed = dates.show_moment(record["changed"]) if record["saved"] else ""
    printed = dates.show_moment(state["printed"])
    parts.append(
        '<div class="hj-copies">'
        f'<p class="hj-copies__current" id="{e("current")}" tabindex="-1">Kopi: <strong>{escape(record["name"])}</strong>'
        + (f'<span class="hj-copies__changed"> · sidst ændret {escape(changed)}</span>' if changed else
           '<span class="hj-copies__changed"> · ikke ændret endnu</span>')
        + (f'<span class="hj-print-only"> · udskrevet {escape(printed)}</span>' if printed else "")
        + '</p>'
        f'<button type="button" class="md-button hj-copies__toggle" data-action="copies-toggle"'
        f'{attrs(aria_expanded="true" if state["panel"] else "false", aria_controls=e("copies"))}>'
        f'Kopier ({len(state["copies"])}): skift, opret, omdøb</button>'
        '</div>')
    if state.get("deleted"):
        parts.append(f'<div class="hj-copies__deleted"><p>Kopien »{escape(state["deleted"]["copy"]["name"])}« '
                     f'er slettet.</p><button type="button" class="md-button md-button--primary" '
                     f'id="{e("undo-delete")}" data-action="copy-undo-delete">Fortryd sletningen</button></div>')
    parts.append(_panel(shelf, state))
    return "".join(parts)


def _panel(shelf: Shelf, state: dict) -> str:
    e = shelf.element
    if not state["panel"]:
        return f'<div class="hj-copies__panel" id="{e("copies")}" hidden></div>'
    rows = []
    for copy_id, record in sorted(state["copies"].items(), key=lambda kv: kv[1]["name"].casefold()):
        name = escape(record["name"])
        is_current = copy_id == state["current"]
        open_button = ('<span class="hj-copies__open">Åben nu</span>' if is_current else
                       f'<button type="button" class="md-button" data-action="copy-open"{attrs(value=copy_id)}>'
                       f'Åbn {hidden_text(record["name"])}</button>')
        rows.append(f'<tr><th scope="row">{name}</th>'
                    f'<td>{escape(dates.show_moment(record["changed"]) or "ikke ændret endnu")}</td>'
                    f'<td class="hj-copies__row-actions">{open_button} '
                    f'<button type="button" class="md-button" data-action="copy-delete"{attrs(value=copy_id)}>'
                    f'Slet {hidden_text(record["name"])}</button></td></tr>')
    return (f'<div class="hj-copies__panel" id="{e("copies")}">'
            f'<table class="hj-copies__table"><caption>Dine kopier i denne browser</caption>'
            '<thead><tr><th scope="col">Navn</th><th scope="col">Sidst ændret</th>'
            f'<th scope="col">{hidden_text("Handlinger")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            + _name_form(shelf, state, "copy-create", "copy-name", "Navn på en ny kopi", "Opret kopi",
                         "Fx medarbejderens fornavn eller mødets dato. Skriv ikke om helbred.")
            + _name_form(shelf, state, "copy-rename", "copy-rename",
                         f"Nyt navn til »{current(state)['name']}«", "Omdøb")
            + '</div>')


def _name_form(shelf: Shelf, state: dict, action: str, name: str, label: str, button: str, hint: str = "") -> str:
    field_id = shelf.element(name)
    error, error_id = field_error(field_id, state["errors"])
    hint_id = f"{field_id}-hint" if hint else None
    return (f'<form class="hj-copies__form" data-action="{action}">'
            f'<label class="hj-label" for="{field_id}">{escape(label)}</label>'
            + (f'<p class="hj-hint" id="{hint_id}">{escape(hint)}</p>' if hint else "")
            + error
            + f'<div class="hj-copies__form-row"><input{attrs(type="text", id=field_id, name=name, value=state["drafts"].get(name, ""), maxlength=MAX_NAME_LENGTH, autocomplete="off", aria_describedby=describedby(hint_id, error_id), aria_invalid="true" if error_id else None)}>'
            f'<button type="submit" class="md-button">{escape(button)}</button></div></form>')


def render_bottom(shelf: Shelf, state: dict) -> str:
    """Below the widget's own content: print, export and import."""
    if state["storage"] == STORAGE_STATIC:
        return ""
    e = shelf.element
    field_id = e("import")
    error, error_id = field_error(field_id, state["errors"])
    hint_id = f"{field_id}-hint"
    return (
        '<div class="hj-files">'
        '<div class="hj-actions">'
        '<button type="button" class="md-button" data-action="print">Udskriv</button>'
        '<button type="button" class="md-button" data-action="export-markdown">Hent som tekst (.md)</button>'
        '<button type="button" class="md-button" data-action="export-json">Gem som fil (.json)</button>'
        '</div>'
        f'<div class="hj-import{" hj-import--error" if error_id else ""}">'
        f'<label class="hj-label" for="{field_id}">Hent en kopi fra en fil</label>'
        f'<p class="hj-hint" id="{hint_id}">Vælg en fil, du har gemt med »Gem som fil«. Den må højst fylde 1 MB. '
        'Filen bliver i din browser.</p>'
        + error
        + f'<input{attrs(type="file", id=field_id, name="import", accept=".json,application/json", data_max_bytes=MAX_FILE_BYTES, aria_describedby=describedby(hint_id, error_id), aria_invalid="true" if error_id else None)}>'
        + _pending(shelf, state)
        + '</div></div>')


def _pending(shelf: Shelf, state: dict) -> str:
    pending = state.get("pending")
    if not pending:
        return ""
    e = shelf.element
    name = escape(current(state)["name"])
    exported = dates.show_moment(pending["exported"])
    notes = "".join(f"<p>{escape(n)}</p>" for n in pending["notes"])
    head = (f'<div class="hj-import__pending" id="{e("pending")}" tabindex="-1" role="group" '
            f'aria-labelledby="{e("pending")}-title">'
            f'<p id="{e("pending")}-title"><strong>Filen »{escape(pending["filename"])}«</strong> '
            f'indeholder kopien »{escape(pending["name"])}«'
            + (f', gemt {escape(exported)}' if exported else "") + '.</p>' + notes)
    if state["confirm"]:
        return head + (f'<p>Er du sikker? Svarene i »{name}« bliver erstattet af svarene fra filen. '
                       'Det kan ikke fortrydes.</p><div class="hj-actions">'
                       f'<button type="button" class="md-button md-button--primary" '
                       f'data-action="import-replace-confirm">Ja, erstat »{name}«</button>'
                       '<button type="button" class="md-button" data-action="import-cancel">Nej, annullér</button>'
                       '</div></div>')
    return head + ('<div class="hj-actions">'
                   '<button type="button" class="md-button md-button--primary" data-action="import-new">'
                   'Hent som ny kopi</button>'
                   f'<button type="button" class="md-button" data-action="import-replace">Erstat »{name}«</button>'
                   '<button type="button" class="md-button" data-action="import-cancel">Annullér</button>'
                   '</div></div>')


def _storage_warning(storage: str) -> str:
    messages = {
        STORAGE_UNAVAILABLE: "Din browser tillader ikke, at siden gemmer noget. Du kan bruge værktøjet, "
                             "men dine svar forsvinder, når du lukker siden. Gem dem som fil, hvis du vil beholde dem.",
        "failed": "Dine seneste svar kunne ikke gemmes i browseren, fx fordi lageret er fuldt. "
                  "De står her, indtil du lukker siden. Gem dem som fil, hvis du vil beholde dem.",
    }
    if storage not in messages:
        return ""
    return f'<div class="admonition warning hj-storage-warning"><p>{escape(messages[storage])}</p></div>'
