"""The task finder: which of a job's tasks can be done from home, and how many days.

The user picks tasks from the catalogue (or adds their own), answers what each
task demands, optionally the hours a week, and a few questions about the person
and the situation; the result groups the tasks with their reasons and suggests
days at home (`tools.task_assessment`). Copies, print, export and import come
from `tools.copies`; a copy's data is described in `tools.task_assessment`.

State: the copies state plus ``{"search": str, "area": str, "open": [task ids
whose questions are shown], "removed": {"index", "task"} | None, "link": str}``
(`link`: the message about a preselection link, until the next event).

A link can preselect catalogue tasks: ``?opgaver=bogholderi,kundeservice``. The
tasks go into the open copy if it has none, else into a new copy; the parameter
is then dropped from the address, so a reload does not add them again.
"""

from .. import copies, task_copy
from ..contract import STORAGE_PREFIX, STORAGE_STATIC, Context, announce, drop_query, focus
from ..html import attrs, describedby, escape, field_error, hidden_text, table, textarea
from ..task_assessment import GROUP_NAMES, GROUPS, assess, assess_task, parse_hours, problems, show_number
from ..task_catalogue import ANSWER_LABELS, ANSWERS, NO, YES, Catalogue, load
from ..task_copy import MAX_NOTE_LENGTH, MAX_TASKS, MAX_TYPED_NUMBER

NAME = "task-finder"
SCHEMA = 1
UID = "hj-opgaver"
ROOT = f"{STORAGE_PREFIX}task-finder"
QUERY = "opgaver"
ALL_AREAS = "alle"
LINK_COPY_NAME = "Opgaver fra link"


def storage_key(config: dict) -> str:
    return ROOT


def reads(config: dict) -> list[str]:
    return []


def shelf() -> copies.Shelf:
    catalogue = load()
    return copies.Shelf(
        tool=NAME, root=ROOT, title=task_copy.TITLE, schema=SCHEMA, uid=UID, file_stem="opgavefinder",
        default_name="Mine opgaver", empty=task_copy.empty, read=lambda data: task_copy.read(catalogue, data),
        markdown=lambda name, data, now: task_copy.to_markdown(catalogue, name, data, now))


def start(config: dict) -> dict:
    return {**copies.start(shelf()), "search": "", "area": "", "open": [], "removed": None, "link": ""}


def mount(state: dict, context: Context) -> tuple[dict, list]:
    books = shelf()
    new_state, effects = copies.mount(books, state, context)
    new_state = {**new_state, "search": "", "area": "", "open": [], "removed": None, "link": ""}
    if QUERY in context.query:
        new_state, more = _preselect(books, new_state, context.query[QUERY])
        effects += more
    return new_state, effects


def _preselect(books: copies.Shelf, state: dict, values: list[str]) -> tuple[dict, list]:
    catalogue = load()
    wanted = list(dict.fromkeys(i.strip() for v in values for i in str(v).split(",") if i.strip()))
    known = [catalogue.task(i) for i in wanted if catalogue.task(i)][:MAX_TASKS]
    unknown = [i for i in wanted if not catalogue.task(i)]
    messages = []
    if known:
        data = {**task_copy.empty(), "tasks": [task_copy.task_from_catalogue(t) for t in known]}
        if copies.data(state)["tasks"]:
            state, effects = copies.add(books, state, LINK_COPY_NAME, data)
            messages.append(f"Linket har valgt {len(known)} {_tasks_word(len(known))} i en ny kopi, "
                            f"»{copies.current(state)['name']}«. Dine andre kopier er der stadig.")
        else:
            state, effects = copies.update(books, state, data)
            messages.append(f"Linket har valgt {len(known)} {_tasks_word(len(known))}.")
    else:
        effects = []
    if unknown:
        shown = ", ".join(f"»{i[:40]}«" for i in unknown[:10]) + (" …" if len(unknown) > 10 else "")
        messages.append(f"Linket nævner opgaver, som værktøjet ikke kender: {shown}. De er sprunget over.")
    message = " ".join(messages)
    return {**state, "link": message}, effects + [drop_query(QUERY)] + ([announce(message)] if message else [])


def _tasks_word(n: int) -> str:
    return "opgave" if n == 1 else "opgaver"


# ---- Events ------------------------------------------------------------------

def handle(state: dict, event: dict) -> tuple[dict, list]:
    books = shelf()
    state = {**state, "link": ""}
    handled = copies.handle(books, state, event)
    if handled is not None:
        new_state, effects = handled
        if new_state["current"] != state["current"]:
            new_state = {**new_state, "open": [], "removed": None}
        return new_state, effects
    catalogue = load()
    state = {**state, "now": event.get("now") or state["now"]}
    kind, action, name = event.get("type"), event.get("action"), str(event.get("name") or "")
    value = event.get("value")
    data = copies.data(state)
    if kind == "input" and name == "search":
        return {**state, "search": str(value or "")[:100]}, []
    if kind in ("input", "change") and name == "area":
        return {**state, "area": value if value == ALL_AREAS or catalogue.area(value) else ""}, []
    if kind == "input" and name == "own-name":
        return {**state, "drafts": {**state["drafts"], "own-name": str(value or "")}}, []
    if kind == "submit" and action == "task-own":
        typed = dict(event.get("fields") or []).get("own-name", state["drafts"].get("own-name", ""))
        return _add_own(books, state, str(typed))
    if kind == "click" and action == "task-toggle":
        return _toggle(books, catalogue, state, value)
    if kind == "click" and action == "task-questions" and _index(data, value) is not None:
        shown = value in state["open"]
        return {**state, "open": [i for i in state["open"] if i != value] + ([] if shown else [value])}, []
    if kind == "click" and action == "task-remove":
        return _remove(books, state, value)
    if kind == "click" and action == "task-undo" and state.get("removed"):
        return _undo(books, state)
    if kind in ("input", "change"):
        return _field(books, catalogue, state, kind, name, event)
    return state, []


def _index(data: dict, task_id) -> int | None:
    return next((n for n, t in enumerate(data["tasks"]) if t["id"] == task_id), None)


def _with_task(data: dict, index: int, **changes) -> dict:
    tasks = list(data["tasks"])
    tasks[index] = {**tasks[index], **changes}
    return {**data, "tasks": tasks}


def _toggle(books, catalogue: Catalogue, state: dict, task_id) -> tuple[dict, list]:
    task = catalogue.task(task_id)
    data = copies.data(state)
    if task is None:
        return state, []
    index = _index(data, task.id)
    if index is not None:
        new_data = {**data, "tasks": [t for t in data["tasks"] if t["id"] != task.id]}
        message = f"»{task.name}« er fravalgt. Du har {len(new_data['tasks'])} {_tasks_word(len(new_data['tasks']))}."
    elif len(data["tasks"]) >= MAX_TASKS:
        return state, [announce(f"Du kan højst vælge {MAX_TASKS} opgaver.")]
    else:
        new_data = {**data, "tasks": data["tasks"] + [task_copy.task_from_catalogue(task)]}
        message = f"»{task.name}« er valgt. Du har {len(new_data['tasks'])} {_tasks_word(len(new_data['tasks']))}."
    new_state, effects = copies.update(books, {**state, "removed": None}, new_data)
    return new_state, effects + [announce(message)]


def _add_own(books, state: dict, typed: str) -> tuple[dict, list]:
    data = copies.data(state)
    name = typed.strip()
    state = {**state, "drafts": {**state["drafts"], "own-name": typed}}
    if not name:
        return copies.with_error(books, state, "own-name", "Skriv opgavens navn.")
    if len(name) > copies.MAX_NAME_LENGTH:
        return copies.with_error(books, state, "own-name", f"Navnet må højst have {copies.MAX_NAME_LENGTH} tegn. "
                                                           f"Det har {len(name)}.")
    if len(data["tasks"]) >= MAX_TASKS:
        return copies.with_error(books, state, "own-name", f"Du kan højst have {MAX_TASKS} opgaver.")
    taken = {t["id"] for t in data["tasks"]}
    task_id = next(f"egen-{n}" for n in range(1, MAX_TASKS + 2) if f"egen-{n}" not in taken)
    task = {"id": task_id, "name": name, "own": True, "answers": {}, "hours": "", "note": ""}
    state = copies.without_errors({**state, "drafts": {**state["drafts"], "own-name": ""}, "removed": None,
                                   "open": state["open"] + [task_id]}, books.element("own-name"))
    new_state, effects = copies.update(books, state, {**data, "tasks": data["tasks"] + [task]})
    return new_state, effects + [announce(f"»{name}« er tilføjet. Svar på spørgsmålene om opgaven."),
                                 focus(f"{UID}-task-{task_id}-title")]


def _remove(books, state: dict, task_id) -> tuple[dict, list]:
    data = copies.data(state)
    index = _index(data, task_id)
    if index is None:
        return state, []
    task = data["tasks"][index]
    new_data = {**data, "tasks": data["tasks"][:index] + data["tasks"][index + 1:]}
    new_state, effects = copies.update(books, {**state, "removed": {"index": index, "task": task}}, new_data)
    return new_state, effects + [announce(f"»{task['name']}« er fjernet. Du kan fortryde."),
                                 focus(f"{UID}-task-undo")]


def _undo(books, state: dict) -> tuple[dict, list]:
    removed, data = state["removed"], copies.data(state)
    if _index(data, removed["task"]["id"]) is not None:
        return {**state, "removed": None}, []
    tasks = list(data["tasks"])
    tasks.insert(min(removed["index"], len(tasks)), removed["task"])
    new_state, effects = copies.update(books, {**state, "removed": None}, {**data, "tasks": tasks})
    return new_state, effects + [announce(f"»{removed['task']['name']}« er tilbage."),
                                 focus(f"{UID}-task-{removed['task']['id']}-title")]


def _field(books, catalogue: Catalogue, state: dict, kind: str, name: str, event: dict) -> tuple[dict, list]:
    data = copies.data(state)
    field, _, rest = name.partition(":")
    value = event.get("value")
    if field == "answer":
        task_id, _, question_id = rest.partition(":")
        index = _index(data, task_id)
        if index is None or question_id not in catalogue.question_ids or value not in ANSWERS \
                or event.get("checked") is False:
            return state, []
        answers = {**data["tasks"][index]["answers"], question_id: value}
        return copies.update(books, state, _with_task(data, index, answers=answers))
    if field in ("hours", "note") and _index(data, rest) is not None:
        limit = MAX_TYPED_NUMBER if field == "hours" else MAX_NOTE_LENGTH
        new_state, effects = copies.update(books, state, _with_task(data, _index(data, rest), **{field: str(value or "")[:limit]}))
        return new_state, effects + (_problem_said(copies.data(new_state), f"hours:{rest}") if kind == "change" else [])
    if name == "work-days":
        new_state, effects = copies.update(books, state, {**data, "work_days": str(value or "")[:MAX_TYPED_NUMBER]})
        return new_state, effects + (_problem_said(copies.data(new_state), "work-days") if kind == "change" else [])
    if field == "situation" and any(f.id == rest for f in catalogue.situation) and event.get("checked") is not False:
        situation = {k: v for k, v in data["situation"].items() if k != rest}
        if value in (YES, NO):
            situation[rest] = value
        return copies.update(books, state, {**data, "situation": situation})
    return state, []


def _problem_said(data: dict, field: str) -> list:
    """When the user leaves a field with a problem, say it (it is shown at the field too)."""
    return [announce(p.message) for p in problems(data) if p.field == field][:1]


# ---- HTML --------------------------------------------------------------------

def _element(field: str) -> str:
    """The element id of a problem's field ("hours:<task id>" or "work-days")."""
    kind, _, task_id = field.partition(":")
    return f"{UID}-hours-{task_id}" if kind == "hours" else f"{UID}-work-days"


def render(state: dict) -> str:
    catalogue = load()
    books = shelf()
    data = copies.data(state)
    live = state["storage"] != STORAGE_STATIC
    errors = state["errors"] + [{"field": _element(p.field), "message": p.message} for p in problems(data)]
    shown = {**state, "errors": errors}
    result = assess(catalogue, data)
    parts = [f'<div class="hj-finder" id="{UID}">', copies.render_top(books, shown)]
    if state.get("link"):
        parts.append(f'<div class="admonition info hj-notice"><p>{escape(state["link"])}</p></div>')
    parts += [_pick(catalogue, shown, data, live), _tasks(catalogue, shown, data, result, live),
              _situation(catalogue, shown, data), _result(catalogue, data, result),
              copies.render_bottom(books, shown), "</div>"]
    return "".join(parts)


def _section(key: str, title: str, body: str, extra_class: str = "") -> str:
    return (f'<section class="hj-finder__section {extra_class}" id="{UID}-{key}" aria-labelledby="{UID}-{key}-title">'
            f'<h2 id="{UID}-{key}-title" tabindex="-1">{title}</h2>{body}</section>')


def _matches(catalogue: Catalogue, search: str, area: str) -> list:
    words = search.casefold().split()
    if not words and not area:
        return []
    found = []
    for task in catalogue.tasks:
        if area and area != ALL_AREAS and task.area != area:
            continue
        if all(w in task.searched_text for w in words):
            found.append(task)
    return found


def _pick(catalogue: Catalogue, state: dict, data: dict, live: bool) -> str:
    chosen = {t["id"] for t in data["tasks"]}
    if not live:  # without JavaScript: the whole catalogue, to read and print
        rows = "".join(
            f'<h3>{escape(area.name)}</h3><ul>'
            + "".join(f'<li><strong>{escape(t.name)}</strong>: {escape(t.description)}</li>'
                      for t in catalogue.tasks if t.area == area.id) + '</ul>'
            for area in catalogue.areas)
        return _section("pick", "1. Vælg opgaverne",
                        f'<p>Kataloget har {len(catalogue.tasks)} opgaver fra mange slags arbejdspladser.</p>{rows}')
    search_id, area_id = f"{UID}-search", f"{UID}-area"
    options = "".join(f'<option{attrs(value=v, selected=state["area"] == v)}>{escape(label)}</option>'
                      for v, label in [("", "Vælg et område"), (ALL_AREAS, "Alle områder")]
                      + [(a.id, a.name) for a in catalogue.areas])
    found = _matches(catalogue, state["search"], state["area"])
    if state["search"].strip() or state["area"]:
        count = f"{len(found)} {_tasks_word(len(found))} passer." if found else \
            "Ingen opgaver passer. Prøv et andet ord, eller tilføj din egen opgave nedenfor."
    else:
        count = f"Søg, eller vælg et område for at se opgaverne. Kataloget har {len(catalogue.tasks)}."
    rows = "".join(
        f'<li class="hj-finder__match"><div><strong>{escape(t.name)}</strong>'
        f'<p class="hj-hint">{escape(t.description)}</p></div>'
        f'<button type="button" class="md-button{" md-button--primary" if t.id in chosen else ""}" '
        f'data-action="task-toggle"{attrs(value=t.id, aria_pressed="true" if t.id in chosen else "false")}>'
        f'{"Valgt" if t.id in chosen else "Vælg"} {hidden_text(t.name)}</button></li>' for t in found)
    own_id = f"{UID}-own-name"
    error, error_id = field_error(own_id, state["errors"])
    body = (
        '<p>Find jobbets opgaver i kataloget, eller tilføj jeres egne. Kataloget har svar på spørgsmålene '
        'på forhånd. I kan rette dem, så de passer hos jer.</p>'
        '<div class="hj-finder__filters">'
        f'<div><label class="hj-label" for="{search_id}">Søg efter en opgave</label>'
        f'<input{attrs(type="search", id=search_id, name="search", value=state["search"], autocomplete="off", maxlength=100, aria_describedby=f"{UID}-count")}></div>'
        f'<div><label class="hj-label" for="{area_id}">Område</label>'
        f'<select id="{area_id}" name="area">{options}</select></div></div>'
        f'<p class="hj-finder__count" id="{UID}-count">{escape(count)}</p>'
        + (f'<ul class="hj-finder__matches">{rows}</ul>' if rows else "")
        + f'<form class="hj-finder__own" data-action="task-own" novalidate>'
        f'<label class="hj-label" for="{own_id}">Tilføj jeres egen opgave</label>'
        f'<p class="hj-hint" id="{own_id}-hint">Skriv opgavens navn, fx »Opdatere vagtplanen«. Skriv ikke om helbred.</p>'
        f'{error}<div class="hj-copies__form-row">'
        f'<input{attrs(type="text", id=own_id, name="own-name", value=state["drafts"].get("own-name", ""), maxlength=copies.MAX_NAME_LENGTH, autocomplete="off", aria_describedby=describedby(f"{own_id}-hint", error_id), aria_invalid="true" if error_id else None)}>'
        '<button type="submit" class="md-button">Tilføj opgaven</button></div></form>')
    return _section("pick", "1. Vælg opgaverne", body, "hj-no-print")


def _tasks(catalogue: Catalogue, state: dict, data: dict, result, live: bool) -> str:
    cards = "".join(_task(catalogue, state, task, verdict, live) for task, verdict in zip(data["tasks"], result.verdicts))
    body = cards or '<p>Der er ingen opgaver endnu. Vælg dem ovenfor.</p>'
    removed = state.get("removed")
    if removed:
        body = (f'<div class="hj-copies__deleted"><p>»{escape(removed["task"]["name"])}« er fjernet.</p>'
                f'<button type="button" class="md-button md-button--primary" id="{UID}-task-undo" '
                'data-action="task-undo">Fortryd</button></div>') + body
    return _section("tasks", f"2. Opgaverne ({len(data['tasks'])})", body)


def _task(catalogue: Catalogue, state: dict, task: dict, verdict, live: bool) -> str:
    tid = task["id"]
    card = f"{UID}-task-{tid}"
    catalogued = catalogue.task(tid) if not task["own"] else None
    open_ = tid in state["open"]
    group = verdict.group
    label = GROUP_NAMES[group] if group else f"Mangler svar på {len(verdict.missing)} spørgsmål"
    reasons = "".join(f"<li>{escape(r)}</li>" for r in verdict.reasons)
    questions = "".join(_question(tid, q, task["answers"].get(q.id)) for q in catalogue.questions)
    hours_id, note_id = f"{UID}-hours-{tid}", f"{UID}-note-{tid}"
    hours_error, hours_error_id = field_error(hours_id, state["errors"])
    answers_print = "".join(f"<li>{escape(q.text)} <strong>{ANSWER_LABELS[task['answers'][q.id]]}</strong></li>"
                            for q in catalogue.questions if q.id in task["answers"])
    parts = [
        f'<article class="hj-finder__task" id="{card}" aria-labelledby="{card}-title">',
        f'<h3 id="{card}-title" tabindex="-1">{escape(task["name"])}'
        + (' <span class="hj-finder__tag">egen opgave</span>' if task["own"] else "") + '</h3>',
        f'<p class="hj-hint">{escape(catalogued.description)}</p>' if catalogued else "",
        f'<p class="hj-finder__verdict hj-finder__verdict--{group or "missing"}"><strong>{escape(label)}</strong></p>',
        f'<ul class="hj-finder__reasons">{reasons}</ul>' if reasons else "",
    ]
    if live:
        parts.append(f'<button type="button" class="md-button hj-no-print" data-action="task-questions"'
                     f'{attrs(value=tid, aria_expanded="true" if open_ else "false", aria_controls=f"{card}-questions")}>'
                     f'{"Skjul spørgsmålene" if open_ else "Se og ret svarene"} {hidden_text("om " + task["name"])}</button>')
    parts.append(f'<div class="hj-finder__questions hj-no-print" id="{card}-questions"{" hidden" if not open_ else ""}>'
                 f'{questions}</div>')
    if answers_print:
        parts.append(f'<ul class="hj-print-only hj-finder__answers">{answers_print}</ul>')
    parts.append(
        '<div class="hj-finder__extra">'
        f'<div><label class="hj-label" for="{hours_id}">Timer om ugen <span class="hj-optional">(valgfrit)</span></label>'
        f'{hours_error}<input{attrs(type="text", inputmode="decimal", id=hours_id, name=f"hours:{tid}", value=task["hours"], size=5, maxlength=MAX_TYPED_NUMBER, autocomplete="off", class_="hj-finder__hours", aria_describedby=describedby(hours_error_id), aria_invalid="true" if hours_error_id else None)}></div>'
        f'<div class="hj-note"><label class="hj-label" for="{note_id}">Note <span class="hj-optional">(valgfri)</span></label>'
        + textarea(note_id, f"note:{tid}", task["note"], MAX_NOTE_LENGTH, rows=2)
        + '</div></div>')
    if live:
        parts.append(f'<button type="button" class="md-button hj-no-print" data-action="task-remove"{attrs(value=tid)}>'
                     f'Fjern {hidden_text(task["name"])}</button>')
    parts.append('</article>')
    return "".join(parts)


def _question(task_id: str, question, answer) -> str:
    field = f"{UID}-{task_id}-{question.id}"
    radios = "".join(
        f'<span class="hj-choice"><input{attrs(type="radio", id=f"{field}-{a}", name=f"answer:{task_id}:{question.id}", value=a, checked=answer == a)}>'
        f'<label for="{field}-{a}">{ANSWER_LABELS[a]}</label></span>' for a in ANSWERS)
    return (f'<fieldset class="hj-fieldset" id="{field}"><legend>{escape(question.text)}</legend>'
            f'<div class="hj-choices">{radios}</div></fieldset>')


def _situation(catalogue: Catalogue, state: dict, data: dict) -> str:
    days_id = f"{UID}-work-days"
    error, error_id = field_error(days_id, state["errors"])
    factors = []
    for factor in catalogue.situation:
        field = f"{UID}-situation-{factor.id}"
        answer = data["situation"].get(factor.id, "")
        radios = "".join(
            f'<span class="hj-choice"><input{attrs(type="radio", id=f"{field}-{slug}", name=f"situation:{factor.id}", value=v, checked=answer == v)}>'
            f'<label for="{field}-{slug}">{label}</label></span>'
            for v, slug, label in ((YES, YES, "Ja"), (NO, NO, "Nej"), ("", "ved-ikke", "Ved ikke")))
        factors.append(f'<fieldset class="hj-fieldset" id="{field}"><legend>{escape(factor.text)}</legend>'
                       f'<div class="hj-choices">{radios}</div></fieldset>')
    body = (
        '<p>Svarene her ændrer rådene, ikke opgavernes grupper. Skriv aldrig om helbred eller diagnoser.</p>'
        f'<div><label class="hj-label" for="{days_id}">Arbejdsdage om ugen</label>'
        f'<p class="hj-hint" id="{days_id}-hint">Fx 5, eller færre i et fleksjob. Tomt betyder 5.</p>'
        f'{error}<input{attrs(type="text", inputmode="numeric", id=days_id, name="work-days", value=data["work_days"], size=3, maxlength=MAX_TYPED_NUMBER, autocomplete="off", aria_describedby=describedby(f"{days_id}-hint", error_id), aria_invalid="true" if error_id else None)}></div>'
        + "".join(factors))
    return _section("situation", "3. Personen og situationen", body)


def _result(catalogue: Catalogue, data: dict, result) -> str:
    parts = ['<div class="admonition note"><p>Det er vejledning, ikke en afgørelse. Lederen og medarbejderen '
             'beslutter sammen, inden for de lokale rammer.</p></div>']
    suggestion = task_copy.suggestion_text(result)
    if suggestion:
        parts.append(f'<p class="hj-finder__suggestion"><strong>{escape(suggestion)}</strong></p>')
    elif data["tasks"] and problems(data):
        parts.append('<p>Ret fejlene ovenfor, så kommer der et forslag til dage.</p>')
    elif data["tasks"]:
        parts.append('<p>Svar på spørgsmålene om opgaverne, så kommer der et forslag til dage.</p>')
    else:
        parts.append('<p>Vælg opgaverne først. Så står resultatet her.</p>')
    if result.notes:
        parts.append('<ul class="hj-finder__notes">' + "".join(
            f'<li>{escape(n.text)}' + (f' <span class="hj-source">Kilde: {escape(n.source)}</span>' if n.source else "")
            + '</li>' for n in result.notes) + '</ul>')
    for group in GROUPS:
        tasks = result.tasks_in(data, group)
        items = "".join(f'<li><a href="#{UID}-task-{escape(t["id"])}-title">{escape(t["name"])}</a>'
                        + (f' ({escape(show_number(_hours(t)))} timer)' if _hours(t) else "")
                        + '<ul>' + "".join(f"<li>{escape(r)}</li>" for r in v.reasons) + '</ul></li>'
                        for t, v in tasks)
        parts.append(f'<div class="hj-finder__group hj-finder__group--{group}">'
                     f'<h3>{escape(GROUP_NAMES[group])} ({len(tasks)})</h3>'
                     + (f'<ul>{items}</ul>' if items else '<p>Ingen.</p>') + '</div>')
    missing = [t for t, v in zip(data["tasks"], result.verdicts) if v.group is None]
    if missing:
        parts.append('<div class="hj-finder__group"><h3>Mangler svar (' + str(len(missing)) + ')</h3><ul>'
                     + "".join(f'<li><a href="#{UID}-task-{escape(t["id"])}-title">{escape(t["name"])}</a></li>'
                               for t in missing) + '</ul></div>')
    if any(result.weights.values()):
        parts.append(_chart(result))
    if result.advice:
        parts.append('<h3>Råd ud fra personen og situationen</h3><ul class="hj-finder__advice">' + "".join(
            f'<li>{escape(a.text)} <span class="hj-source">Kilde: {escape(a.source)}</span></li>'
            for a in result.advice) + '</ul>')
    return _section("result", "4. Resultat", "".join(parts))


def _hours(task: dict) -> float | None:
    return parse_hours(task["hours"])[0]


def _chart(result) -> str:
    """A bar per group, drawn as SVG, with the same figures as a table (its text alternative)."""
    unit = "timer" if result.by_hours else "opgaver"
    total = sum(result.weights.values())
    width, bar_height, gap, label_width = 600, 28, 12, 230
    bars = []
    for n, group in enumerate(GROUPS):
        value = result.weights[group]
        y = n * (bar_height + gap)
        length = 0 if not total else round((width - label_width - 90) * value / total)
        bars.append(f'<text x="0" y="{y + 19}" class="hj-chart__label">{escape(GROUP_NAMES[group])}</text>'
                    f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height}" '
                    f'class="hj-chart__bar hj-chart__bar--{group}"></rect>'
                    f'<text x="{label_width + length + 8}" y="{y + 19}" class="hj-chart__value">'
                    f'{escape(show_number(value))}</text>')
    height = len(GROUPS) * (bar_height + gap)
    rows = "".join(f'<tr><th scope="row">{escape(GROUP_NAMES[g])}</th><td>{escape(show_number(result.weights[g]))}</td>'
                   f'<td>{round(100 * result.weights[g] / total) if total else 0} %</td></tr>' for g in GROUPS)
    caption = f"Fordeling af {unit} på de tre grupper"
    return (f'<figure class="hj-chart" aria-labelledby="{UID}-chart-caption">'
            f'<svg viewBox="0 0 {width} {height}" class="hj-chart__svg" aria-hidden="true" focusable="false">'
            f'{"".join(bars)}</svg>'
            f'<figcaption id="{UID}-chart-caption">{escape(caption)}. Tallene står også i tabellen.</figcaption></figure>'
            f'<table class="hj-chart__table"><caption>{escape(caption)}</caption>'
            f'<thead><tr><th scope="col">Gruppe</th><th scope="col">{unit.capitalize()}</th>'
            f'<th scope="col">Andel</th></tr></thead><tbody>{rows}</tbody></table>')



# ---- For the pages that explain the finder -------------------------------------

_EFFECT_TEXT = {
    "demand": "Ja: kræver fremmøde. Delvis: kan delvis.",
    "means": "Nej: kræver fremmøde. Delvis: kan delvis. Ja: en grund for hjemmet.",
    "adapt": "Ja: kan delvis eller med tilpasning.",
    "plus": "Ja: en grund for hjemmet. Gruppen ændrer sig ikke.",
}


def rules_table() -> str:
    """Every question, what its answers do and its source: the rules page shows the rules the code uses."""
    return table(["Spørgsmål om opgaven", "Hvad svaret betyder", "Kilde"],
                 [[escape(q.text), escape(_EFFECT_TEXT[q.effect]), escape(q.source)] for q in load().questions])


def situation_table() -> str:
    return table(["Spørgsmål om personen og situationen", "Råd", "Kilde"],
                 [[escape(f.text), " ".join(f"{ANSWER_LABELS[a]}: {escape(text)}" for a, text in f.advice.items()),
                   escape(f.source)] for f in load().situation])


def task_ids_table() -> str:
    """The catalogue's task ids for links (?opgaver=id1,id2), with name, area and group."""
    catalogue = load()
    return table(["Id", "Opgave", "Område", "Gruppe med svarene på forhånd"],
                 [[f"<code>{escape(t.id)}</code>", escape(t.name), escape(catalogue.area(t.area).name),
                   escape(GROUP_NAMES[assess_task(catalogue, t.answers).group])] for t in catalogue.tasks])
