"""A checklist's answers: what counts as an answer, progress, the action list,
the agenda, the section summaries and the Markdown export.

Answers are plain JSON, ``{"answers": {item id: value}, "notes": {item id: text}}``:

    check   true                      (left out when not ticked)
    status  "ok" | "act" | "na"       (I orden / Skal handles / Ikke relevant)
    text    the text, 1 to max_length characters
    date    "YYYY-MM-DD"
    choice  the chosen option's value

A note is 1 to MAX_TEXT_LENGTH characters on an item whose `note` is true.
"""

from . import dates
from .checklists import CHECK, CHOICE, DATE, MAX_TEXT_LENGTH, STATUS, STATUS_ACT, TEXT, Checklist, Item, Section
from .copies import Reading
from .html import number


def empty() -> dict:
    return {"answers": {}, "notes": {}}


def value_problem(item: Item, value) -> str | None:
    """Why `value` is not an answer to `item` (Danish), or None when it is."""
    if item.kind == CHECK:
        return None if value is True else "et kryds skal være true"
    if item.kind in (STATUS, CHOICE):
        allowed = [o.value for o in item.choices]
        return None if value in allowed else f"svaret skal være en af {', '.join(allowed)}"
    if item.kind == TEXT:
        if not isinstance(value, str) or not value:
            return "svaret skal være en tekst"
        return None if len(value) <= item.max_length else f"svaret må højst have {number(item.max_length)} tegn"
    if item.kind == DATE:
        return None if dates.parse_date(value) else "datoen skal skrives som ÅÅÅÅ-MM-DD"
    return "ukendt slags punkt"


def note_problem(item: Item, note) -> str | None:
    if not item.note:
        return "punktet har ikke plads til en note"
    if not isinstance(note, str) or not note:
        return "noten skal være en tekst"
    return None if len(note) <= MAX_TEXT_LENGTH else f"noten må højst have {number(MAX_TEXT_LENGTH)} tegn"


def read(checklist: Checklist, data) -> Reading:
    """Check answers read from storage or a file.

    A wrong value for a known point makes the whole thing unreadable (the file is
    not what it claims). Answers to points the list no longer has are left out,
    and the user is told how many.
    """
    if not isinstance(data, dict) or set(data) - {"answers", "notes"}:
        return Reading(None, ("Svarene har en form, værktøjet ikke kender.",))
    answers, notes = data.get("answers", {}), data.get("notes", {})
    if not isinstance(answers, dict) or not isinstance(notes, dict):
        return Reading(None, ("Svarene har en form, værktøjet ikke kender.",))
    errors, unknown = [], 0
    clean = {"answers": {}, "notes": {}}
    for part, problem in (("answers", value_problem), ("notes", note_problem)):
        for item_id, value in (answers if part == "answers" else notes).items():
            item = checklist.item(item_id)
            if item is None:
                unknown += 1
                continue
            issue = problem(item, value)
            if issue:
                errors.append(f"Punktet »{item.text}«: {issue}.")
            else:
                clean[part][item_id] = value
    # Keep the checklist's order, so equal answers compare and export alike.
    clean = {part: {i: clean[part][i] for i in checklist.item_ids if i in clean[part]} for part in clean}
    notes_out = (f"{unknown} svar hører ikke til listen, som den ser ud nu, og bliver ikke taget med.",) if unknown else ()
    if errors:
        return Reading(None, tuple(errors[:3]), notes_out)
    return Reading(clean, (), notes_out)


def set_answer(checklist: Checklist, data: dict, item_id: str, value) -> dict:
    """`data` with one answer set (or removed, for an empty value); unchanged if not valid.
    A text longer than its item's limit is cut to it, never dropped."""
    item = checklist.item(item_id)
    if item is None:
        return data
    answers = dict(data["answers"])
    if item.kind == TEXT and isinstance(value, str):
        value = value[:item.max_length]  # cut to the documented limit, as the field's maxlength does
    if value in (None, "", False):
        answers.pop(item_id, None)
    elif value_problem(item, value) is None:
        answers[item_id] = value
    else:
        return data
    return {**data, "answers": {i: answers[i] for i in checklist.item_ids if i in answers}}


def set_note(checklist: Checklist, data: dict, item_id: str, note: str) -> dict:
    item = checklist.item(item_id)
    if item is None or not item.note:
        return data
    notes = dict(data["notes"])
    if note:
        notes[item_id] = note[:MAX_TEXT_LENGTH]
    else:
        notes.pop(item_id, None)
    return {**data, "notes": {i: notes[i] for i in checklist.item_ids if i in notes}}


def answered(section_or_list, data: dict) -> int:
    return sum(1 for item in section_or_list.items if item.id in data["answers"])


def progress_text(done: int, total: int) -> str:
    return f"{done} af {total} punkter"


def actions(checklist: Checklist, data: dict) -> list[tuple[Section, Item, str]]:
    """The points marked "Skal handles", with their notes, in the list's order."""
    return [(section, item, data["notes"].get(item.id, ""))
            for section in checklist.sections for item in section.items
            if item.kind == STATUS and data["answers"].get(item.id) == STATUS_ACT]


def action_list(checklist: Checklist, data: dict) -> list[dict]:
    """The action list as plain JSON, for the exported file: ``[{"id", "text", "note"}]``."""
    return [{"id": item.id, "text": item.text, "note": note} for _, item, note in actions(checklist, data)]


def agenda(checklist: Checklist, data: dict) -> list[tuple[Section, list[tuple[Item, str]]]]:
    """The ticked points of an agenda list, by section, with their notes."""
    out = []
    for section in checklist.sections:
        chosen = [(item, data["notes"].get(item.id, "")) for item in section.items
                  if item.kind == CHECK and data["answers"].get(item.id) is True]
        if chosen:
            out.append((section, chosen))
    return out


def agenda_list(checklist: Checklist, data: dict) -> list[dict]:
    """The agenda as plain JSON, for the exported file: ``[{"section", "id", "text", "note"}]``."""
    return [{"section": section.id, "id": item.id, "text": item.text, "note": note}
            for section, points in agenda(checklist, data) for item, note in points]


def summary(section: Section, data: dict) -> str | None:
    """What the answered, scored points of a section point to, or None before any is answered."""
    if not section.summaries:
        return None
    got = top = 0
    for item in section.items:
        scores = {o.value: o.score for o in item.options if o.score is not None}
        value = data["answers"].get(item.id)
        if item.kind == CHOICE and scores and value in scores:
            got += scores[value]
            top += max(scores.values())
    if top == 0:
        return None
    share = got / top
    return next(s.text for s in section.summaries if share >= s.min)


def show_answer(item: Item, value) -> str:
    """An answer as text, for print and export."""
    if value is None:
        return ""
    if item.kind == CHECK:
        return "Ja" if value is True else ""
    if item.kind in (STATUS, CHOICE):
        return next((o.label for o in item.choices if o.value == value), str(value))
    if item.kind == DATE:
        return dates.show_date(value)
    return str(value)


def to_markdown(checklist: Checklist, name: str, data: dict, now: str) -> str:
    """The copy as Markdown: to read, mail or keep."""
    answers, notes = data["answers"], data["notes"]
    lines = [f"# {checklist.title}", "", f"Kopi: {name}"]
    if dates.show_moment(now):
        lines.append(f"Hentet: {dates.show_moment(now)}")
    lines += ["", f"{progress_text(answered(checklist, data), len(checklist.items))} er {checklist.progress_word}.", ""]
    if checklist.agenda:
        lines += [f"## {checklist.agenda_title}", ""]
        points = agenda(checklist, data)
        number = 0
        for section, chosen in points:
            for item, note in chosen:
                number += 1
                lines.append(f"{number}. {item.text}" + (f" ({section.title})" if len(points) > 1 else ""))
                if note:
                    lines.append(_indent(note))
        if not points:
            lines.append("Der er ikke valgt punkter endnu.")
        lines.append("")
    if checklist.has_actions:
        lines += ["## Handleliste", ""]
        todo = actions(checklist, data)
        lines += [f"- [ ] {item.text}" + (f"\n{_indent(note)}" if note else "") for _, item, note in todo]
        if not todo:
            lines.append("Ingen punkter er markeret »Skal handles«.")
        lines.append("")
    for section in checklist.sections:
        lines += [f"## {section.title} ({progress_text(answered(section, data), len(section.items))})", ""]
        verdict = summary(section, data)
        if verdict:
            lines += [f"> {verdict}", ""]
        for item in section.items:
            value = answers.get(item.id)
            if item.kind == CHECK:
                lines.append(f"- [{'x' if value is True else ' '}] {item.text}")
            elif item.kind == TEXT:
                lines.append(f"- {item.text}")
                lines.append(_indent(value) if value else "  (ikke besvaret)")
            else:
                lines.append(f"- {item.text}: {show_answer(item, value) or '(ikke besvaret)'}")
            if notes.get(item.id):
                lines.append(_indent("Note: " + notes[item.id]))
        lines.append("")
    lines.append(f"Kilde: {checklist.source}.")
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in str(text).splitlines()) or "  "
