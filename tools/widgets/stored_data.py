""""Mine data": everything the site keeps in this browser, listed, and deleted one by one or all at once.

Its storage root is the site's whole namespace, so the bridge hands it every
document the tools have saved (and nothing of other applications on the same
origin). It reads only the envelope every tool writes (see `tools.copies`):
title, copy name, last changed.

State::

    {"storage": "static" | "ok" | "unavailable" | "failed",
     "entries": [{"key", "title", "name", "changed"}],   # sorted by title, then name
     "deleted": {"key", "document", "title", "name"} | None,  # the last one deleted, until undone
     "confirm": bool}                                   # asking before deleting everything
"""

from .. import dates
from ..contract import (BACKUP_PREFIX, EVENT_SAVE_FAILED, EVENT_STORED_ELSEWHERE, NAMESPACE, STORAGE_OK,
                        STORAGE_STATIC, STORAGE_UNAVAILABLE, Context, Stored, announce, focus, save)
from ..html import attrs, escape, hidden_text

NAME = "stored-data"
UID = "hj-mine-data"


def storage_key(config: dict) -> str:
    return NAMESPACE.rstrip("/")


def reads(config: dict) -> list[str]:
    return []


def start(config: dict) -> dict:
    return {"storage": STORAGE_STATIC, "entries": [], "deleted": None, "confirm": False, "documents": {}}


def mount(state: dict, context: Context) -> tuple[dict, list]:
    if context.storage == STORAGE_UNAVAILABLE:
        return {**start({}), "storage": STORAGE_UNAVAILABLE}, []
    return _read({**start({}), "storage": STORAGE_OK}, context.stored), []


def _read(state: dict, stored: Stored) -> dict:
    entries = [_describe(key, document) for key, document in stored.documents.items()]
    entries += [{"key": key, "title": "Data, der ikke kan læses", "name": "", "changed": ""} for key in stored.corrupt]
    entries.sort(key=lambda e: (e["title"].casefold(), e["name"].casefold(), e["key"]))
    return {**state, "entries": entries, "documents": dict(stored.documents)}


def _describe(key: str, document) -> dict:
    envelope = document if isinstance(document, dict) else {}
    title = envelope.get("title") if isinstance(envelope.get("title"), str) else ""
    if key.startswith(BACKUP_PREFIX):
        title = "Lagt til side, fordi det ikke kunne læses" + (f": {title}" if title else "")
    name = envelope.get("name") if isinstance(envelope.get("name"), str) else ""
    changed = envelope.get("changed") if isinstance(envelope.get("changed"), str) else ""
    return {"key": key, "title": title or f"Gemt af en ældre udgave ({key.removeprefix(NAMESPACE)})",
            "name": name, "changed": changed}


def handle(state: dict, event: dict) -> tuple[dict, list]:
    kind, action, value = event.get("type"), event.get("action"), event.get("value")
    if kind == EVENT_STORED_ELSEWHERE:
        return _read(state, Stored.from_json(event.get("stored"))), [
            announce("Listen er opdateret, fordi noget er ændret i et andet vindue.")]
    if kind == EVENT_SAVE_FAILED:
        return {**state, "storage": "failed"}, []
    if kind != "click":
        return state, []
    if action == "stored-delete":
        entry = next((e for e in state["entries"] if e["key"] == value), None)
        if entry is None:
            return state, []
        deleted = {**entry, "document": state["documents"].get(value)}
        state = _without(state, {value})
        return ({**state, "deleted": deleted, "confirm": False},
                [save(value, None), announce(f"{_label(entry)} er slettet."), focus(f"{UID}-undo")])
    if action == "stored-undo" and state.get("deleted") and state["deleted"]["document"] is not None:
        deleted = state["deleted"]
        entries = sorted(state["entries"] + [{k: deleted[k] for k in ("key", "title", "name", "changed")}],
                         key=lambda e: (e["title"].casefold(), e["name"].casefold(), e["key"]))
        return ({**state, "entries": entries, "documents": {**state["documents"], deleted["key"]: deleted["document"]},
                 "deleted": None},
                [save(deleted["key"], deleted["document"]), announce(f"{_label(deleted)} er tilbage."),
                 focus(f"{UID}-table")])
    if action == "stored-delete-all" and state["entries"]:
        return {**state, "confirm": True}, [focus(f"{UID}-confirm")]
    if action == "stored-delete-all-confirm":
        keys = {e["key"] for e in state["entries"]}
        return ({**_without(state, keys), "deleted": None, "confirm": False},
                [save(key, None) for key in sorted(keys)] + [announce("Alt, hvad siden havde gemt, er slettet."),
                                                             focus(f"{UID}-status")])
    if action == "stored-cancel":
        return {**state, "confirm": False}, [announce("Intet er slettet."), focus(f"{UID}-delete-all")]
    return state, []


def _without(state: dict, keys: set[str]) -> dict:
    return {**state, "entries": [e for e in state["entries"] if e["key"] not in keys],
            "documents": {k: v for k, v in state["documents"].items() if k not in keys}}


def _label(entry: dict) -> str:
    return f"»{entry['title']}{' – ' + entry['name'] if entry['name'] else ''}«"


def render(state: dict) -> str:
    if state["storage"] == STORAGE_STATIC:
        return ('<p class="hj-stored__static">Her ser du, hvad siden har gemt i din browser, '
                'når værktøjet er indlæst. Uden JavaScript gemmer siden intet.</p>')
    if state["storage"] == STORAGE_UNAVAILABLE:
        return ('<p class="hj-stored__status" id="hj-mine-data-status" tabindex="-1">Din browser tillader ikke, '
                'at siden gemmer noget. Derfor er der intet gemt.</p>')
    parts = []
    if state["storage"] == "failed":
        parts.append('<div class="admonition warning"><p>Browseren ville ikke slette alt. Prøv igen, '
                     'eller ryd data for siden i browserens indstillinger.</p></div>')
    if state.get("deleted"):
        can_undo = state["deleted"]["document"] is not None
        parts.append(f'<div class="hj-copies__deleted"><p>{escape(_label(state["deleted"]))} er slettet.</p>'
                     + (f'<button type="button" class="md-button md-button--primary" id="{UID}-undo" '
                        'data-action="stored-undo">Fortryd</button>' if can_undo else "")
                     + '</div>')
    count = len(state["entries"])
    parts.append(f'<p class="hj-stored__status" id="{UID}-status" tabindex="-1">'
                 + (f"Siden har gemt {count} ting i denne browser."
                    if count else "Siden har intet gemt i denne browser.") + "</p>")
    if not count:
        return "".join(parts)
    rows = "".join(
        f'<tr><td>{escape(e["title"])}</td><td>{escape(e["name"]) or "–"}</td>'
        f'<td>{escape(dates.show_moment(e["changed"]) or "ukendt")}</td>'
        f'<td><button type="button" class="md-button" data-action="stored-delete"{attrs(value=e["key"])}>'
        f'Slet {hidden_text(_label(e))}</button></td></tr>'
        for e in state["entries"])
    parts.append(f'<table class="hj-stored__table" id="{UID}-table" tabindex="-1"><caption>Det gemmer siden i '
                 'denne browser</caption><thead><tr><th scope="col">Værktøj</th><th scope="col">Navn</th>'
                 f'<th scope="col">Sidst ændret</th><th scope="col">{hidden_text("Slet")}</th></tr></thead>'
                 f'<tbody>{rows}</tbody></table>')
    if state["confirm"]:
        parts.append(f'<div class="hj-import__pending" id="{UID}-confirm" tabindex="-1" role="group" '
                     f'aria-labelledby="{UID}-confirm-title"><p id="{UID}-confirm-title"><strong>Vil du slette alt, '
                     f'hvad siden har gemt ({count})?</strong> Det kan ikke fortrydes.</p><div class="hj-actions">'
                     '<button type="button" class="md-button md-button--primary" '
                     'data-action="stored-delete-all-confirm">Ja, slet alt</button>'
                     '<button type="button" class="md-button" data-action="stored-cancel">Nej, annullér</button>'
                     '</div></div>')
    else:
        parts.append(f'<div class="hj-actions"><button type="button" class="md-button" id="{UID}-delete-all" '
                     'data-action="stored-delete-all">Slet alt</button></div>')
    return "".join(parts)
