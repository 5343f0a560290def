"""One copy of the task finder: its data, how saved or imported data is checked, its Markdown.

The data's shape is documented in `tools.task_assessment`; it is what the
finder saves under ``hjemmearbejde/v1/task-finder/<copy id>`` and what other
tools (the home-work agreement) read.
"""

from . import dates
from .copies import MAX_NAME_LENGTH, Reading
from .data_fields import is_id
from .task_assessment import GROUP_NAMES, GROUPS, assess, parse_hours, show_number
from .task_catalogue import ANSWER_LABELS, ANSWERS, NO, YES, Catalogue

MAX_TASKS = 100
MAX_NOTE_LENGTH = 1000
MAX_TYPED_NUMBER = 20     # characters kept of typed hours or work days
TASK_KEYS = {"id", "name", "own", "answers", "hours", "note"}
SITUATION_ANSWERS = (YES, NO)
TITLE = "Opgavefinder: hvilke opgaver kan løses hjemme?"


def empty() -> dict:
    return {"tasks": [], "situation": {}, "work_days": ""}


def task_from_catalogue(task) -> dict:
    return {"id": task.id, "name": task.name, "own": False, "answers": dict(task.answers), "hours": "", "note": ""}


def read(catalogue: Catalogue, data) -> Reading:
    """Check a copy's data (saved or imported); anything out of shape is refused, never guessed."""
    if not isinstance(data, dict) or set(data) != {"tasks", "situation", "work_days"}:
        return Reading(None, ("Kopien har ikke de felter, opgavefinderen gemmer.",))
    tasks, situation, work_days = data["tasks"], data["situation"], data["work_days"]
    errors = []
    if not isinstance(tasks, list) or len(tasks) > MAX_TASKS:
        errors.append(f"Listen over opgaver skal være en liste med højst {MAX_TASKS} opgaver.")
        tasks = []
    seen = set()
    for n, task in enumerate(tasks, start=1):
        problem = _task_problem(catalogue, task, seen)
        if problem:
            errors.append(f"Opgave {n}: {problem}")
    if not isinstance(situation, dict) or any(
            catalogue_factor not in {f.id for f in catalogue.situation} or answer not in SITUATION_ANSWERS
            for catalogue_factor, answer in situation.items()):
        errors.append("Svarene om personen og situationen kan ikke læses.")
    if not isinstance(work_days, str) or len(work_days) > MAX_TYPED_NUMBER:
        errors.append("Antallet af arbejdsdage kan ikke læses.")
    if errors:
        return Reading(None, tuple(errors))
    return Reading({"tasks": [dict(t, answers=dict(t["answers"])) for t in tasks], "situation": dict(situation),
                    "work_days": work_days})


def _task_problem(catalogue: Catalogue, task, seen: set) -> str | None:
    if not isinstance(task, dict) or set(task) != TASK_KEYS:
        return "har ikke de felter, en opgave skal have."
    if not is_id(task["id"]) or task["id"] in seen:
        return "har et ugyldigt eller gentaget id."
    seen.add(task["id"])
    if not isinstance(task["name"], str) or not task["name"].strip() or len(task["name"]) > MAX_NAME_LENGTH:
        return f"navnet skal være 1 til {MAX_NAME_LENGTH} tegn."
    if not isinstance(task["own"], bool):
        return "det er uklart, om det er en egen opgave."
    answers = task["answers"]
    if not isinstance(answers, dict) or any(q not in catalogue.question_ids or a not in ANSWERS
                                            for q, a in answers.items()):
        return "svarene kan ikke læses."
    if not isinstance(task["hours"], str) or len(task["hours"]) > MAX_TYPED_NUMBER:
        return "timerne kan ikke læses."
    if not isinstance(task["note"], str) or len(task["note"]) > MAX_NOTE_LENGTH:
        return f"noten skal være tekst på højst {MAX_NOTE_LENGTH} tegn."
    return None


def suggestion_text(result) -> str:
    if result.home_days is None:
        return ""
    if result.home_days == 0:
        return f"Opgaverne peger på fremmøde alle {result.work_days} arbejdsdage om ugen."
    return (f"Forslag: op til {result.home_days} {_days(result.home_days)} hjemme og "
            f"{result.site_days} faste {_days(result.site_days)} på arbejdspladsen om ugen "
            f"(ud af {result.work_days} arbejdsdage).")


def _days(n: int) -> str:
    return "dag" if n == 1 else "dage"


def to_markdown(catalogue: Catalogue, name: str, data: dict, now: str) -> str:
    result = assess(catalogue, data)
    lines = [f"# {TITLE}", "", f"Kopi: {name}", f"Hentet: {dates.show_moment(now) or now}", "",
             "Det er vejledning, ikke en afgørelse. Lederen og medarbejderen beslutter sammen "
             "inden for de lokale rammer.", "", "## Resultat", ""]
    suggestion = suggestion_text(result)
    lines += [suggestion or "Der er ikke noget forslag til dage endnu.", ""]
    lines += [f"- {n.text}" + (f" (Kilde: {n.source})" if n.source else "") for n in result.notes]
    for group in GROUPS:
        tasks = result.tasks_in(data, group)
        lines += ["", f"### {GROUP_NAMES[group]} ({len(tasks)})", ""]
        lines += [line for task, verdict in tasks for line in _task_lines(catalogue, task, verdict)] or ["Ingen."]
    unassessed = [(t, v) for t, v in zip(data["tasks"], result.verdicts) if v.group is None]
    if unassessed:
        lines += ["", "### Mangler svar", ""]
        lines += [line for task, verdict in unassessed for line in _task_lines(catalogue, task, verdict)]
    lines += ["", "## Personen og situationen", "",
              f"- Arbejdsdage om ugen: {data['work_days'] or 'ikke angivet (forslaget regner med 5)'}"]
    for factor in catalogue.situation:
        answer = data["situation"].get(factor.id)
        lines.append(f"- {factor.text} {ANSWER_LABELS[answer] if answer else 'Ved ikke'}")
    if result.advice:
        lines += ["", "## Råd", ""] + [f"- {a.text} (Kilde: {a.source})" for a in result.advice]
    lines += ["", "Kilder: Cabi, temasiden om hjemmearbejde; Medst, »Inspiration til ledelsen: 5 centrale trin«; "
              "Nyborg Kommune, retningslinjer for hjemmearbejde; Dingel og Neiman (2020).", ""]
    return "\n".join(lines)


def _task_lines(catalogue: Catalogue, task: dict, verdict) -> list[str]:
    hours, problem = parse_hours(task["hours"])
    hours = (f" – {show_number(hours)} timer om ugen" if hours else
             f" – timer: {task['hours'].strip()} (ikke et gyldigt antal)" if problem else "")
    lines = [f"- **{task['name']}**{' (egen opgave)' if task['own'] else ''}{hours}"]
    lines += [f"  - {r}" for r in verdict.reasons]
    if verdict.missing:
        lines.append(f"  - Mangler svar på {len(verdict.missing)} spørgsmål.")
    answered = [f"{q.text} {ANSWER_LABELS[task['answers'][q.id]]}" for q in catalogue.questions
                if q.id in task["answers"]]
    if answered:
        lines.append("  - Svar: " + "; ".join(answered))
    if task["note"].strip():
        lines.append(f"  - Note: {' '.join(task['note'].split())}")
    return lines

