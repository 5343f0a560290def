"""The checklist widget: items grouped in sections, ticked off and saved.

State (plain JSON)::

    {"checklist": "kom-godt-i-gang",   # which data file
     "checked": ["item-id", ...],      # in the checklist's order
     "undo": ["item-id", ...] | None,  # what "Ryd listen" removed, until undone
     "storage": "static" | "ok" | "unavailable" | "failed"}

The saved document is ``{"schema": 1, "checked": [...]}``.
"""

from .. import checklists
from ..contract import (EVENT_SAVE_FAILED, EVENT_STORED_ELSEWHERE, STORAGE_CORRUPT, STORAGE_OK,
                        STORAGE_PREFIX, STORAGE_STATIC, STORAGE_UNAVAILABLE, Context, announce, download, focus,
                        print_page, save)
from ..html import attrs, escape

NAME = "checklist"
SCHEMA = 1


def storage_key(config: dict) -> str:
    return f"{STORAGE_PREFIX}checklist/{checklists.load(config['checklist']).id}"


def reads(config: dict) -> list[str]:
    return []


def start(config: dict) -> dict:
    checklist = checklists.load(config["checklist"])
    return {"checklist": checklist.id, "checked": [], "undo": None, "storage": STORAGE_STATIC}


def mount(state: dict, context: Context) -> tuple[dict, list]:
    state = {**state, "storage": STORAGE_OK, "undo": None}
    if context.storage == STORAGE_UNAVAILABLE:
        return {**state, "storage": "unavailable"}, []
    unreadable = [announce("Dine gemte svar kunne ikke læses, så listen starter forfra.")]
    if context.storage == STORAGE_CORRUPT:
        return state, unreadable
    if context.stored is None:
        return state, []
    checked = _checked_from_document(state["checklist"], context.stored)
    if checked is None:
        return state, unreadable
    return {**state, "checked": checked}, []


def handle(state: dict, event: dict) -> tuple[dict, list]:
    kind = event.get("type")
    if kind == "change" and event.get("name") == "item":
        return _tick(state, str(event.get("value")), bool(event.get("checked")))
    if kind == "click" and event.get("action") == "clear":
        return _clear(state)
    if kind == "click" and event.get("action") == "undo":
        return _undo(state)
    if kind == "click" and event.get("action") == "print":
        return state, [print_page()]
    if kind == "click" and event.get("action") == "export":
        return state, _export(state)
    if kind == EVENT_SAVE_FAILED:
        return {**state, "storage": "failed"}, []
    if kind == EVENT_STORED_ELSEWHERE:
        checked = _checked_from_document(state["checklist"], event.get("document"))
        if checked is None:
            checked = []
        return ({**state, "checked": checked, "undo": None},
                [announce("Listen er ændret i et andet vindue. Du ser nu de nyeste svar.")])
    return state, []


def _tick(state: dict, item_id: str, checked: bool) -> tuple[dict, list]:
    checklist = checklists.load(state["checklist"])
    if item_id not in checklist.item_ids:
        return state, []
    wanted = set(state["checked"]) | {item_id} if checked else set(state["checked"]) - {item_id}
    new_checked = [i for i in checklist.item_ids if i in wanted]
    if new_checked == state["checked"]:
        return state, []
    return {**state, "checked": new_checked, "undo": None}, [save(_document(new_checked))]


def _clear(state: dict) -> tuple[dict, list]:
    if not state["checked"]:
        return state, [announce("Listen er allerede tom.")]
    new_state = {**state, "checked": [], "undo": state["checked"]}
    return new_state, [save(None), announce("Listen er ryddet. Du kan fortryde."),
                       focus(_uid(state, "undo"))]


def _undo(state: dict) -> tuple[dict, list]:
    if not state.get("undo"):
        return state, []
    checked = state["undo"]
    return ({**state, "checked": checked, "undo": None},
            [save(_document(checked)), announce("Dine kryds er sat tilbage."), focus(_uid(state, "clear"))])


def _export(state: dict) -> list:
    checklist = checklists.load(state["checklist"])
    return [download(f"tjekliste-{checklist.id}.md", to_markdown(checklist, state["checked"]),
                     "text/markdown;charset=utf-8"),
            announce("Listen er hentet som tekstfil.")]


def _document(checked: list[str]) -> dict:
    return {"schema": SCHEMA, "checked": checked}


def _checked_from_document(checklist_id: str, document) -> list[str] | None:
    """The ticked item ids in a saved document, or None if it cannot be read.

    Ids no longer in the checklist are dropped, so editing the data file never
    breaks a saved list.
    """
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        return None
    checked = document.get("checked")
    if not isinstance(checked, list):
        return None
    wanted = {i for i in checked if isinstance(i, str)}
    return [i for i in checklists.load(checklist_id).item_ids if i in wanted]


def _id_prefix(state: dict) -> str:
    """Element ids start with this, so two checklists on one page never clash."""
    return f"hj-{state['checklist']}"


def _uid(state: dict, suffix: str) -> str:
    return f"{_id_prefix(state)}-{suffix}"


def progress_text(done: int, total: int) -> str:
    return f"{done} af {total} punkter"


def _section_progress(section: checklists.Section, done: set[str]) -> str:
    return progress_text(sum(1 for item in section.items if item.id in done), len(section.items))


def to_markdown(checklist: checklists.Checklist, checked: list[str]) -> str:
    """The list with its ticks as a Markdown task list: to keep, mail or print."""
    done = set(checked)
    lines = [f"# {checklist.title}", "",
             f"{progress_text(len(done), len(checklist.items))} er klaret.", ""]
    for section in checklist.sections:
        lines += [f"## {section.title} ({_section_progress(section, done)})", ""]
        lines += [f"- [{'x' if item.id in done else ' '}] {item.text}" for item in section.items]
        lines.append("")
    lines.append(f"Kilde: {checklist.source}.")
    return "\n".join(lines) + "\n"


def render(state: dict) -> str:
    checklist = checklists.load(state["checklist"])
    checked = set(state["checked"])
    total = len(checklist.item_ids)
    done = len(checked)
    uid = _id_prefix(state)
    parts = [
        f'<form class="hj-checklist" id="{uid}"{attrs(aria_label=checklist.title)}>',
        f'<p class="hj-checklist__progress" id="{uid}-progress">'
        f'<strong class="hj-checklist__count">{progress_text(done, total)}</strong> er klaret</p>',
        f'<progress class="hj-checklist__bar" max="{total}" value="{done}" aria-labelledby="{uid}-progress">'
        f'{done}/{total}</progress>',
        _storage_warning(state["storage"]),
    ]
    for section in checklist.sections:
        parts.append(f'<fieldset class="hj-checklist__section" id="{uid}-{section.id}">')
        parts.append(f'<legend class="hj-checklist__legend"><h2 class="hj-checklist__phase">'
                     f'{escape(section.title)} <span class="hj-checklist__section-count">'
                     f'{_section_progress(section, checked)}</span></h2></legend>')
        if section.intro:
            parts.append(f'<p class="hj-checklist__intro">{escape(section.intro)}</p>')
        parts.append('<ul class="hj-checklist__items">')
        for item in section.items:
            item_id = f"{uid}-{item.id}"
            hint_id = f"{item_id}-hint" if item.hint else None
            parts.append(
                '<li class="hj-checklist__item">'
                f'<input{attrs(type="checkbox", id=item_id, name="item", value=item.id, checked=item.id in checked, aria_describedby=hint_id)}>'
                f'<label for="{item_id}">{escape(item.text)}</label>'
                + (f'<p class="hj-checklist__hint" id="{hint_id}">{escape(item.hint)}</p>' if hint_id else "")
                + "</li>")
        parts.append("</ul></fieldset>")
    parts.append('<div class="hj-checklist__actions">')
    # type="reset" makes the button work without JavaScript too.
    parts.append(f'<button type="reset" class="md-button" id="{uid}-clear" data-action="clear">Ryd listen</button>')
    if state.get("undo"):
        parts.append(f'<button type="button" class="md-button md-button--primary" id="{uid}-undo" '
                     'data-action="undo">Fortryd</button>')
    if state["storage"] != STORAGE_STATIC:  # these need JavaScript: not in the page's static HTML
        parts.append('<button type="button" class="md-button" data-action="print">Udskriv</button>')
        parts.append('<button type="button" class="md-button" data-action="export">'
                     'Hent som tekstfil</button>')
    parts.append("</div></form>")
    return "".join(parts)


def _storage_warning(storage: str) -> str:
    messages = {
        "unavailable": "Din browser tillader ikke, at siden gemmer noget. Du kan bruge listen, "
                       "men dine kryds forsvinder, når du lukker siden.",
        "failed": "Dine seneste kryds kunne ikke gemmes i browseren, fx fordi lageret er fuldt. "
                  "De står her, indtil du lukker siden.",
    }
    if storage not in messages:
        return ""
    return f'<div class="admonition warning hj-checklist__warning"><p>{escape(messages[storage])}</p></div>'
