"""The checklist widget: one engine for every checklist in `tools/data/checklists/`.

Items are ticked, answered (I orden / Skal handles / Ikke relevant, a choice, a
date, a text) and noted; the list keeps several named copies, prints, exports
and imports through `tools.copies`. State: the copies state (see `copies`) plus
``{"checklist": id, "undo": data | None}`` (what "Ryd listen" removed).

A copy's data is ``{"answers": {…}, "notes": {…}}`` (see `checklist_answers`).
Documents are schema 2. Schema 1 is what the site saved before copies existed,
``{"schema": 1, "checked": [item ids]}`` under the root key: it becomes the
first copy.
"""

from functools import cache

from .. import checklist_answers as answers_
from .. import checklists, copies
from ..checklists import CHECK, CHOICE, DATE, MAX_TEXT_LENGTH, STATUS, Checklist, Item
from ..contract import STORAGE_PREFIX, STORAGE_STATIC, Context, announce, focus
from ..html import attrs, describedby, escape, textarea

NAME = "checklist"
SCHEMA = 2


def storage_key(config: dict) -> str:
    return f"{STORAGE_PREFIX}checklist/{checklists.load(config['checklist']).id}"


def reads(config: dict) -> list[str]:
    return []


@cache  # one per list: every event asks for it
def shelf(checklist_id: str) -> copies.Shelf:
    checklist = checklists.load(checklist_id)
    return copies.Shelf(
        tool=NAME, root=storage_key({"checklist": checklist.id}), title=f"Tjekliste: {checklist.title}",
        schema=SCHEMA, uid=_uid(checklist), file_stem=f"tjekliste-{checklist.id}",
        default_name="Min liste", empty=answers_.empty,
        read=lambda data: answers_.read(checklist, data),
        markdown=lambda name, data, now: answers_.to_markdown(checklist, name, data, now),
        identity={"checklist": checklist.id}, upgrade=lambda document: _upgrade(checklist, document),
        derived=_derived(checklist))


def _derived(checklist: Checklist) -> dict:
    """What the exported file carries besides the answers, made from them (import ignores it)."""
    derived = {}
    if checklist.has_actions:
        derived["actions"] = lambda data: answers_.action_list(checklist, data)
    if checklist.agenda:
        derived["agenda"] = lambda data: answers_.agenda_list(checklist, data)
    return derived


def _upgrade(checklist: Checklist, document: dict):
    """Schema 1 (ticks only, before copies) -> schema 2 data; None if not readable."""
    checked = document.get("checked") if document.get("schema") == 1 else None
    if not isinstance(checked, list):
        return None
    wanted = {i for i in checked if isinstance(i, str)}
    return {"answers": {i: True for i in checklist.item_ids if i in wanted and checklist.item(i).kind == CHECK},
            "notes": {}}


def start(config: dict) -> dict:
    checklist = checklists.load(config["checklist"])
    return {"checklist": checklist.id, "undo": None, **copies.start(shelf(checklist.id))}


def mount(state: dict, context: Context) -> tuple[dict, list]:
    new_state, effects = copies.mount(shelf(state["checklist"]), state, context)
    return {**new_state, "checklist": state["checklist"], "undo": None}, effects


def handle(state: dict, event: dict) -> tuple[dict, list]:
    books = shelf(state["checklist"])
    handled = copies.handle(books, state, event)
    if handled is not None:
        new_state, effects = handled
        if new_state["current"] != state["current"]:
            new_state = {**new_state, "undo": None}
        return new_state, effects
    checklist = checklists.load(state["checklist"])
    state = {**state, "now": event.get("now") or state["now"]}
    kind, name = event.get("type"), str(event.get("name") or "")
    field, _, item_id = name.partition(":")
    data = copies.data(state)
    if kind in ("input", "change") and field == "answer":
        item = checklist.item(item_id)
        if item is None:
            return state, []
        value = event.get("value")
        if item.kind == CHECK:
            value = bool(event.get("checked"))
        elif item.kind in (STATUS, CHOICE) and event.get("checked") is False:
            return state, []
        return _changed(books, state, answers_.set_answer(checklist, data, item_id, value))
    if kind in ("input", "change") and field == "note":
        return _changed(books, state, answers_.set_note(checklist, data, item_id, str(event.get("value") or "")))
    if kind == "click" and event.get("action") == "clear":
        if data == answers_.empty():
            return state, [announce("Listen er allerede tom.")]
        new_state, effects = copies.update(books, state, answers_.empty())
        return ({**new_state, "undo": data}, effects + [announce("Listen er ryddet. Du kan fortryde."),
                                                        focus(books.element("undo"))])
    if kind == "click" and event.get("action") == "undo" and state.get("undo"):
        new_state, effects = copies.update(books, state, state["undo"])
        return ({**new_state, "undo": None},
                effects + [announce("Dine svar er sat tilbage."), focus(books.element("clear"))])
    return state, []


def _changed(books: copies.Shelf, state: dict, data: dict) -> tuple[dict, list]:
    new_state, effects = copies.update(books, state, data)
    return ({**new_state, "undo": None} if effects else new_state), effects


def _uid(checklist: Checklist) -> str:
    """Element ids start with this, so two checklists on one page never clash."""
    return f"hj-{checklist.id}"


# ---- HTML --------------------------------------------------------------------

def render(state: dict) -> str:
    checklist = checklists.load(state["checklist"])
    books = shelf(checklist.id)
    data = copies.data(state)
    uid = _uid(checklist)
    total, done = len(checklist.items), answers_.answered(checklist, data)
    parts = [
        f'<div class="hj-checklist" id="{uid}" role="group"{attrs(aria_label=checklist.title)}>',
        copies.render_top(books, state),
        f'<p class="hj-checklist__progress" id="{uid}-progress">'
        f'<strong class="hj-checklist__count">{answers_.progress_text(done, total)}</strong> '
        f'er {escape(checklist.progress_word)}</p>',
        f'<progress class="hj-checklist__bar" max="{total}" value="{done}" aria-labelledby="{uid}-progress">'
        f'{done}/{total}</progress>',
    ]
    for section in checklist.sections:
        parts.append(_section(checklist, section, data, state["errors"]))
    if checklist.agenda:
        parts.append(_agenda(checklist, data, uid))
    if checklist.has_actions:
        parts.append(_actions(checklist, data, uid))
    if state["storage"] != STORAGE_STATIC:  # these need JavaScript: not in the page's static HTML
        parts.append('<div class="hj-actions hj-checklist__clear">'
                     f'<button type="button" class="md-button" id="{uid}-clear" data-action="clear">Ryd listen</button>')
        if state.get("undo"):
            parts.append(f'<button type="button" class="md-button md-button--primary" id="{uid}-undo" '
                         'data-action="undo">Fortryd</button>')
        parts.append('</div>')
    parts.append(copies.render_bottom(books, state))
    parts.append("</div>")
    return "".join(parts)


def _section(checklist: Checklist, section, data: dict, errors: list) -> str:
    uid = _uid(checklist)
    count = answers_.progress_text(answers_.answered(section, data), len(section.items))
    parts = [f'<section class="hj-checklist__section" id="{uid}-{section.id}" aria-labelledby="{uid}-{section.id}-title">',
             f'<h2 class="hj-checklist__phase" id="{uid}-{section.id}-title">{escape(section.title)} '
             f'<span class="hj-checklist__section-count">{count}</span></h2>']
    if section.intro:
        parts.append(f'<p class="hj-checklist__intro">{escape(section.intro)}</p>')
    if section.hint:
        parts.append(f'<div class="admonition info hj-checklist__section-hint"><p>{escape(section.hint)}</p></div>')
    parts.append('<ul class="hj-checklist__items">')
    parts += [_item(uid, item, data) for item in section.items]
    parts.append("</ul>")
    verdict = answers_.summary(section, data)
    if verdict:
        parts.append(f'<div class="admonition note hj-checklist__summary"><p class="admonition-title">'
                     f'Det peger svarene på</p><p>{escape(verdict)}</p></div>')
    parts.append("</section>")
    return "".join(parts)


# The HTML of each point as last made, by (list, point). An event changes a point or two, so a render
# makes only those again (in the browser this is about a third of Python's time per click). One entry
# per point, replaced when its answer or note changes: typing a long text keeps one copy, not one per key.
_made: dict[tuple[str, str], tuple[Item, object, str, str]] = {}


def _item(uid: str, item: Item, data: dict) -> str:
    value, note = data["answers"].get(item.id), data["notes"].get(item.id, "")
    made = _made.get((uid, item.id))
    if made and made[0] is item and made[1] == value and made[2] == note:
        return made[3]
    html = _make_item(uid, item, value, note)
    _made[(uid, item.id)] = (item, value, note, html)
    return html


def _make_item(uid: str, item: Item, value, note: str) -> str:
    item_id = f"{uid}-{item.id}"
    hint_id = f"{item_id}-hint" if item.hint else None
    hint = f'<p class="hj-hint" id="{hint_id}">{escape(item.hint)}</p>' if hint_id else ""
    name = f"answer:{item.id}"
    kind_class = f"hj-checklist__item hj-checklist__item--{item.kind}"
    if item.kind == CHECK:
        control = (f'<input{attrs(type="checkbox", id=item_id, name=name, value="true", checked=value is True, aria_describedby=hint_id)}>'
                   f'<label for="{item_id}">{escape(item.text)}</label>{hint}')
    elif item.kind in (STATUS, CHOICE):
        radios = "".join(
            f'<span class="hj-choice"><input{attrs(type="radio", id=f"{item_id}-{o.value}", name=name, value=o.value, checked=value == o.value)}>'
            f'<label for="{item_id}-{o.value}">{escape(o.label)}</label></span>'
            for o in item.choices)
        control = (f'<fieldset class="hj-fieldset" id="{item_id}"{attrs(aria_describedby=hint_id)}>'
                   f'<legend>{escape(item.text)}</legend>{hint}<div class="hj-choices">{radios}</div>'
                   f'<p class="hj-print-only">Svar: {escape(answers_.show_answer(item, value) or "ikke besvaret")}</p>'
                   '</fieldset>')
    elif item.kind == DATE:
        control = (f'<label for="{item_id}">{escape(item.text)}</label>{hint}'
                   f'<input{attrs(type="date", id=item_id, name=name, value=value or "", class_="hj-date", aria_describedby=hint_id)}>')
    else:  # TEXT
        control = (f'<label for="{item_id}">{escape(item.text)}</label>{hint}'
                   + textarea(item_id, name, value or "", item.max_length, hint_id))
    note_field = ""
    if item.note:
        note_id = f"{item_id}-note"
        note_field = (f'<div class="hj-note"><label class="hj-note__label" for="{note_id}">Note til punktet '
                      f'<span class="hj-optional">(valgfri)</span></label>'
                      + textarea(note_id, f"note:{item.id}", note, MAX_TEXT_LENGTH, None, rows=2)
                      + '</div>')
    return f'<li class="{kind_class}">{control}{note_field}</li>'


def _actions(checklist: Checklist, data: dict, uid: str) -> str:
    todo = answers_.actions(checklist, data)
    if todo:
        rows = "".join(f'<li><a href="#{uid}-{item.id}">{escape(item.text)}</a>'
                       + (f'<p class="hj-action-list__note">{escape(note)}</p>' if note else "") + '</li>'
                       for _, item, note in todo)
        body = f'<ol class="hj-action-list__items">{rows}</ol>'
    else:
        body = '<p>Ingen punkter er markeret »Skal handles« endnu.</p>'
    return (f'<section class="hj-action-list" id="{uid}-actions" aria-labelledby="{uid}-actions-title">'
            f'<h2 id="{uid}-actions-title">Handleliste ({len(todo)})</h2>'
            '<p class="hj-hint">Punkterne, der er markeret »Skal handles«, med jeres noter.</p>'
            f'{body}</section>')


def _agenda(checklist: Checklist, data: dict, uid: str) -> str:
    points = answers_.agenda(checklist, data)
    if points:
        rows = "".join(f'<li>{escape(item.text)}'
                       + (f' <span class="hj-agenda__section">({escape(section.title)})</span>' if len(points) > 1 else "")
                       + (f'<p class="hj-action-list__note">{escape(note)}</p>' if note else "") + '</li>'
                       for section, chosen in points for item, note in chosen)
        body = f'<ol class="hj-agenda__items">{rows}</ol>'
    else:
        body = f'<p>Sæt kryds ved de punkter, I vil have med. Så kommer de med i »{escape(checklist.agenda_title)}« her.</p>'
    return (f'<section class="hj-agenda" id="{uid}-agenda" aria-labelledby="{uid}-agenda-title">'
            f'<h2 id="{uid}-agenda-title">{escape(checklist.agenda_title)}</h2>{body}</section>')


def quote(checklist_id: str, heading_level: int = 3, sections: list[str] | None = None,
          items: list[str] | None = None) -> str:
    """The list's sections and points as plain HTML, for guidance pages that quote it.

    `sections` names the sections to show (default: all); `items` names the points to
    show within them (default: all), and a section with none of them is left out.
    """
    checklist = checklists.load(checklist_id)
    unknown = sorted(set(sections or ()) - {s.id for s in checklist.sections})
    if unknown:
        raise checklists.ChecklistError(f"{checklist_id}: ukendte afsnit {', '.join(unknown)}")
    chosen = [s for s in checklist.sections if sections is None or s.id in sections]
    unknown = sorted(set(items or ()) - {i.id for s in chosen for i in s.items})
    if unknown:
        raise checklists.ChecklistError(f"{checklist_id}: ukendte punkter {', '.join(unknown)}"
                                        + (" i afsnittene " + ", ".join(sections) if sections else ""))
    h = f"h{heading_level}"
    parts = ['<div class="hj-quote">']
    for section in chosen:
        shown = [item for item in section.items if items is None or item.id in items]
        if not shown:
            continue
        parts.append(f'<{h} id="{checklist.id}-{section.id}">{escape(section.title)}</{h}>')
        if section.intro:
            parts.append(f"<p>{escape(section.intro)}</p>")
        if section.hint:
            parts.append(f'<div class="admonition info"><p>{escape(section.hint)}</p></div>')
        parts.append("<ul>" + "".join(f"<li>{escape(item.text)}</li>" for item in shown) + "</ul>")
    parts.append("</div>")
    return "".join(parts)
