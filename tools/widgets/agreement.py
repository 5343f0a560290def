"""The home-work agreement ("Aftale om hjemmearbejde"): filled in together, printed and signed.

Its fields are `tools/data/aftale.toml`, in the checklist format (text and date
points), so answers are checked by `tools.checklist_answers`. Copies, print,
export and import come from `tools.copies`.

It reads, as declared inputs (`reads`), the task finder's copies (days and
tasks) and the leader's APV checklist (the workstation). A fresh agreement is
prefilled from the newest of each, unsaved until the user changes something;
"Hent" fills the empty fields from a copy the user picks. A prefilled field is
marked with where it came from until the user edits it; a field with text is
never overwritten.

A copy's data: ``{"fields": {"answers": {field id: text or date}, "notes": {}},
"prefilled": {field id: "where it came from"}}``. State: the copies state plus
``{"sources": {"finder": [Source], "apv": [Source]}}``, Source being
``{"id", "name", "changed", "data"}``, newest first.
"""

import tomllib
from functools import cache
from importlib import resources

from .. import checklist_answers as answers_
from .. import checklists, copies, dates, task_catalogue, task_copy
from ..checklists import DATE, Checklist
from ..contract import STORAGE_PREFIX, STORAGE_STATIC, Context, Stored, announce
from ..copies import Reading
from ..html import attrs, describedby, escape, textarea
from ..task_assessment import GROUP_NAMES, HOME, MIDDLE, assess
from . import checklist as checklist_widget
from . import task_finder

NAME = "agreement"
SCHEMA = 1
UID = "hj-aftale"
ROOT = f"{STORAGE_PREFIX}agreement"
APV = "apv-leder"
FINDER, CHECKLIST = "finder", "apv"
MAX_SOURCE_LABEL = 200


@cache
def fields() -> Checklist:
    text = (resources.files("tools") / "data" / "aftale.toml").read_text(encoding="utf-8")
    return checklists.parse(tomllib.loads(text), where="aftale.toml", expected_id="aftale")


def storage_key(config: dict) -> str:
    return ROOT


def _input_roots() -> dict:
    return {FINDER: task_finder.ROOT, CHECKLIST: checklist_widget.storage_key({"checklist": APV})}


def reads(config: dict) -> list[str]:
    return list(_input_roots().values())


def empty() -> dict:
    return {"fields": answers_.empty(), "prefilled": {}}


def read(data) -> Reading:
    if not isinstance(data, dict) or set(data) != {"fields", "prefilled"}:
        return Reading(None, ("Aftalen har en form, værktøjet ikke kender.",))
    reading = answers_.read(fields(), data["fields"])
    prefilled = data["prefilled"]
    if reading.data is None:
        return reading
    if not isinstance(prefilled, dict) or not all(
            isinstance(v, str) and len(v) <= MAX_SOURCE_LABEL for v in prefilled.values()):
        return Reading(None, ("Aftalen har en form, værktøjet ikke kender.",))
    marks = {k: v for k, v in prefilled.items() if k in reading.data["answers"]}
    return Reading({"fields": reading.data, "prefilled": marks}, (), reading.notes)


def shelf(organisation: dict | None = None) -> copies.Shelf:
    return copies.Shelf(tool=NAME, root=ROOT, title=fields().title, schema=SCHEMA, uid=UID, file_stem="aftale",
                        default_name="Min aftale", empty=empty, read=read,
                        markdown=lambda name, data, now: to_markdown(name, data, now, organisation))


def start(config: dict) -> dict:
    """`config["organisation"]`: ``{"name", "terms": [[heading, text], …]}`` from the organisation's
    profile (the page passes it), shown in every agreement as fixed terms; None without a profile."""
    return {**copies.start(shelf()), "sources": {FINDER: [], CHECKLIST: []},
            "organisation": _organisation(config.get("organisation"))}


def _organisation(value) -> dict | None:
    if not value:
        return None
    terms = [[str(h), str(t)] for h, t in value.get("terms") or []]
    return {"name": str(value["name"]), "terms": terms}


# ---- Inputs: the other tools' copies -------------------------------------------

def _sources(stored: Stored, root: str, check) -> list[dict]:
    """The readable copies under `root`, newest first: {"id", "name", "changed", "data"}."""
    found = []
    for key, document in stored.documents.items():
        copy_id = copies.copy_id_of(root, key)
        if copy_id is None or not isinstance(document, dict):
            continue
        name, changed = document.get("name"), document.get("changed")
        reading = check(document.get("data"))
        if isinstance(name, str) and name.strip() and reading.data is not None and not reading.errors:
            found.append({"id": copy_id, "name": name.strip(), "changed": changed if isinstance(changed, str) else "",
                          "data": reading.data})
    return sorted(found, key=lambda s: (s["changed"], s["id"]), reverse=True)


def _from_finder(source: dict) -> dict:
    """The fields a finder copy fills: the days suggested and the tasks that can be done at home."""
    catalogue = task_catalogue.load()
    data = source["data"]
    result = assess(catalogue, data)
    values = {}
    if result.home_days:
        values["dage"] = (f"{result.home_days} {_days(result.home_days)} hjemme og {result.site_days} "
                          f"{_days(result.site_days)} på arbejdspladsen om ugen.")
    lines = [f"{GROUP_NAMES[group]}: " + ", ".join(t["name"] for t, _ in result.tasks_in(data, group)) + "."
             for group in (HOME, MIDDLE) if result.tasks_in(data, group)]
    if lines:
        values["opgaver"] = "\n".join(lines)
    return values


def _from_apv(source: dict) -> dict:
    """The field an APV checklist copy fills: how far it is, and what must be acted on."""
    checklist = checklists.load(APV)
    data = source["data"]
    done, total = answers_.answered(checklist, data), len(checklist.items)
    if not done:
        return {}
    when = dates.show_date(source["changed"][:10]) if source["changed"] else ""
    text = (f"Gennemgået med lederens APV-tjekliste" + (f" (sidst ændret {when})" if when else "")
            + f". {answers_.progress_text(done, total)} er besvaret.")
    todo = [item.text for _, item, _ in answers_.actions(checklist, data)]
    text += (" Skal handles: " + " ".join(todo)) if todo else " Intet er markeret »Skal handles«."
    return {"arbejdsplads": text}


def _days(n: int) -> str:
    return "dag" if n == 1 else "dage"


_FILL = {FINDER: (_from_finder, "opgavefinderen"), CHECKLIST: (_from_apv, "lederens APV-tjekliste")}


def _fill(data: dict, kind: str, source: dict) -> tuple[dict, list[str], list[str]]:
    """`data` with the empty fields filled from `source`: (data, filled labels, skipped labels)."""
    make, where = _FILL[kind]
    answers, marks = dict(data["fields"]["answers"]), dict(data["prefilled"])
    filled, skipped = [], []
    for field_id, value in make(source).items():
        item = fields().item(field_id)
        value = value[:item.max_length]
        if answers.get(field_id):
            skipped.append(item.text)
            continue
        answers[field_id] = value
        marks[field_id] = f"Udfyldt fra {where} (»{source['name']}«)."[:MAX_SOURCE_LABEL]
        filled.append(item.text)
    order = fields().item_ids
    new_fields = {**data["fields"], "answers": {i: answers[i] for i in order if i in answers}}
    return {"fields": new_fields, "prefilled": {i: marks[i] for i in order if i in marks}}, filled, skipped


def mount(state: dict, context: Context) -> tuple[dict, list]:
    books = shelf(state.get("organisation"))
    new_state, effects = copies.mount(books, state, context)
    new_state = {**new_state, "organisation": state.get("organisation")}
    roots = _input_roots()
    sources = {FINDER: _sources(context.inputs.get(roots[FINDER], Stored()), roots[FINDER],
                                lambda d: task_copy.read(task_catalogue.load(), d)),
               CHECKLIST: _sources(context.inputs.get(roots[CHECKLIST], Stored()), roots[CHECKLIST],
                                   lambda d: answers_.read(checklists.load(APV), d))}
    new_state = {**new_state, "sources": sources}
    record = copies.current(new_state)
    if not record["saved"] and record["data"] == empty():
        data = record["data"]
        for kind in (FINDER, CHECKLIST):
            if sources[kind]:
                data, _, _ = _fill(data, kind, sources[kind][0])
        new_state = copies.propose(new_state, data)
    return new_state, effects


# ---- Events ------------------------------------------------------------------

def handle(state: dict, event: dict) -> tuple[dict, list]:
    books = shelf(state.get("organisation"))
    handled = copies.handle(books, state, event)
    if handled is not None:
        return handled
    state = {**state, "now": event.get("now") or state["now"]}
    kind, name, action = event.get("type"), str(event.get("name") or ""), event.get("action")
    data = copies.data(state)
    field, _, field_id = name.partition(":")
    if kind in ("input", "change") and field == "answer" and fields().item(field_id):
        value = str(event.get("value") or "")
        new_fields = answers_.set_answer(fields(), data["fields"], field_id, value)
        if new_fields == data["fields"]:
            return state, []
        marks = {k: v for k, v in data["prefilled"].items() if k != field_id}
        return copies.update(books, state, {"fields": new_fields, "prefilled": marks})
    if kind == "submit" and action in ("prefill-finder", "prefill-apv"):
        source_kind = FINDER if action == "prefill-finder" else CHECKLIST
        chosen = dict(event.get("fields") or []).get("source")
        source = next((s for s in state["sources"][source_kind] if s["id"] == chosen), None)
        if source is None:
            return state, [announce("Vælg en kopi at hente fra.")]
        new_data, filled, skipped = _fill(data, source_kind, source)
        new_state, effects = copies.update(books, state, new_data)
        said = (f"Udfyldt fra »{source['name']}«: {', '.join(filled)}." if filled
                else f"Der var intet at hente fra »{source['name']}«.")
        if skipped:
            said += f" Disse felter havde allerede tekst og er ikke ændret: {', '.join(skipped)}."
        return new_state, effects + [announce(said)]
    return state, []


# ---- HTML --------------------------------------------------------------------

def render(state: dict) -> str:
    books = shelf(state.get("organisation"))
    data = copies.data(state)
    live = state["storage"] != STORAGE_STATIC
    parts = [f'<div class="hj-agreement" id="{UID}">', copies.render_top(books, state)]
    if live:
        parts.append(_prefill_box(state))
    for section in fields().sections:
        parts.append(f'<section class="hj-agreement__section" aria-labelledby="{UID}-{section.id}-title">'
                     f'<h2 id="{UID}-{section.id}-title">{escape(section.title)}</h2>')
        parts += [_field(item, data) for item in section.items]
        parts.append('</section>')
    parts.append(_terms(state.get("organisation")))
    parts.append(_signatures())
    parts.append(copies.render_bottom(books, state))
    parts.append('</div>')
    return "".join(parts)


def _field(item, data: dict) -> str:
    field_id = f"{UID}-{item.id}"
    value = data["fields"]["answers"].get(item.id, "")
    mark = data["prefilled"].get(item.id)
    hint_id = f"{field_id}-hint" if item.hint else None
    mark_id = f"{field_id}-prefilled" if mark else None
    parts = [f'<div class="hj-agreement__field">'
             f'<label class="hj-label" for="{field_id}">{escape(item.text)}</label>']
    if item.hint:
        parts.append(f'<p class="hj-hint" id="{hint_id}">{escape(item.hint)}</p>')
    if mark:
        parts.append(f'<p class="hj-prefilled hj-no-print" id="{mark_id}">{escape(mark)} Du kan rette det.</p>')
    if item.kind == DATE:
        parts.append(f'<input{attrs(type="date", id=field_id, name=f"answer:{item.id}", value=value, class_="hj-date", aria_describedby=describedby(hint_id, mark_id))}>'
                     f'<p class="hj-print-only">{escape(dates.show_date(value) if value else "")}</p>')
    else:
        parts.append(textarea(field_id, f"answer:{item.id}", value, item.max_length, describedby(hint_id, mark_id),
                              rows=2 if item.max_length <= 500 else 3))
    parts.append('</div>')
    return "".join(parts)


def _prefill_box(state: dict) -> str:
    forms = []
    for kind, action, label, button, none in (
            (FINDER, "prefill-finder", "Kopi i opgavefinderen", "Hent dage og opgaver",
             "Du har ingen kopier i opgavefinderen i denne browser."),
            (CHECKLIST, "prefill-apv", "Kopi af lederens APV-tjekliste", "Hent status for arbejdspladsen",
             "Du har ingen kopier af lederens APV-tjekliste i denne browser.")):
        sources = state["sources"][kind]
        if not sources:
            forms.append(f'<p>{escape(none)}</p>')
            continue
        select_id = f"{UID}-{kind}-source"
        options = "".join(f'<option{attrs(value=s["id"])}>{escape(s["name"])}'
                          + (f' ({escape(dates.show_moment(s["changed"]))})' if s["changed"] else "") + '</option>'
                          for s in sources)
        forms.append(f'<form class="hj-agreement__prefill" data-action="{action}">'
                     f'<label class="hj-label" for="{select_id}">{escape(label)}</label>'
                     f'<div class="hj-copies__form-row"><select id="{select_id}" name="source">{options}</select>'
                     f'<button type="submit" class="md-button">{escape(button)}</button></div></form>')
    return ('<div class="hj-agreement__sources hj-no-print">'
            '<p>Har du brugt opgavefinderen eller lederens APV-tjekliste i denne browser, kan du hente svar '
            'derfra. Kun tomme felter bliver udfyldt.</p>' + "".join(forms) + '</div>')


def _terms(organisation: dict | None) -> str:
    """The organisation's fixed terms: part of every agreement, not editable here."""
    if not organisation or not organisation["terms"]:
        return ""
    rows = "".join(f"<dt>{escape(h)}</dt><dd>{escape(t)}</dd>" for h, t in organisation["terms"])
    return (f'<section class="hj-agreement__section" aria-labelledby="{UID}-terms-title">'
            f'<h2 id="{UID}-terms-title">Faste vilkår hos {escape(organisation["name"])}</h2>'
            f'<p class="hj-hint">De gælder for alle aftaler hos {escape(organisation["name"])}.</p>'
            f'<dl class="hj-agreement__terms">{rows}</dl></section>')


def _signatures() -> str:
    return ('<div class="hj-agreement__signatures" aria-label="Underskrifter" role="group">'
            '<p><strong>Dato og underskrift</strong></p>'
            '<div class="hj-agreement__signature"><span class="hj-agreement__line"></span><span>Medarbejder</span></div>'
            '<div class="hj-agreement__signature"><span class="hj-agreement__line"></span><span>Leder</span></div>'
            '</div>')


def to_markdown(name: str, data: dict, now: str, organisation: dict | None = None) -> str:
    lines = [f"# {fields().title}", "", f"Kopi: {name}"]
    if dates.show_moment(now):
        lines.append(f"Hentet: {dates.show_moment(now)}")
    lines.append("")
    for section in fields().sections:
        lines += [f"## {section.title}", ""]
        for item in section.items:
            value = data["fields"]["answers"].get(item.id, "")
            shown = dates.show_date(value) if item.kind == DATE and value else value
            lines.append(f"**{item.text}**")
            lines += [f"  {line}" for line in (shown or "(ikke udfyldt)").splitlines()] + [""]
    if organisation and organisation["terms"]:
        lines += [f"## Faste vilkår hos {organisation['name']}", ""]
        lines += [f"**{heading}**\n  {text}\n" for heading, text in organisation["terms"]]
    lines += ["## Dato og underskrift", "", "Medarbejder: ______________________________", "",
              "Leder: ______________________________", "", f"Kilde: {fields().source}.", ""]
    return "\n".join(lines)
