"""The task finder's assessment: answers in, groups with reasons and a day suggestion out.

Pure functions over the data of one finder copy (see `tools.widgets.task_finder`)::

    {"tasks": [{"id", "name", "own", "answers": {question id: "yes"|"partly"|"no"},
                "hours": str, "note": str}],
     "situation": {factor id: "yes"|"no"},
     "work_days": str}

Hours and work days stay as the user typed them; `problems` says what is wrong
with them. The rules, each stated with its source on the page "Sådan vurderer
opgavefinderen" (generated from this module and the data files):

- A task needs the workplace when a demand question is answered "yes" or it
  cannot be done with computer and phone; it can partly be done at home when a
  demand or the computer question is answered "partly", or it needs close
  cooperation or training on the spot; otherwise it can be done at home.
- The suggested days at home are the working days times the share of the work
  that can be done at home, tasks in the middle group counting half, rounded
  down to whole days. The share is by hours when every task has hours, else by
  the number of tasks.
"""

import math
from dataclasses import dataclass

from .task_catalogue import ADAPT, DEMAND, MEANS, NO, PARTLY, PLUS, YES, Catalogue

HOME, MIDDLE, SITE = "home", "partly", "site"
GROUPS = (HOME, MIDDLE, SITE)
GROUP_NAMES = {HOME: "Kan løses hjemme", MIDDLE: "Kan delvis eller med tilpasning", SITE: "Kræver fremmøde"}
HOME_REASON = "Intet i svarene kræver, at man er på arbejdspladsen."

MAX_HOURS_PER_TASK = 60
HOURS_IN_WEEK = 7 * 24
DEFAULT_WORK_DAYS = 5
MIDDLE_WEIGHT = 0.5          # a task in the middle group counts half towards the days at home
ATTACHMENT_DAYS = 2          # above this many days at home a week, attachment to the workplace can weaken
SCREEN_RULE_DAYS = 2         # above this many days of screen work at home a week, the screen rules apply there

SOURCE_ATTACHMENT = "arbejdsmiljoweb.dk: Egner organisationen sig til hjemmearbejde? (revideret 22. september 2020)"
SOURCE_SCREEN = ("Bekendtgørelse nr. 384 af 23. marts 2022 om arbejde i den ansattes hjem, i kraft 30. april 2022, "
                 "ændret ved nr. 1846 af 19. december 2023 (Arbejdstilsynet, at.dk)")
SOURCE_CONTACT = "Cabi: temasiden om hjemmearbejde (Torben: ugentlig fysisk kontakt)"


@dataclass(frozen=True)
class Verdict:
    group: str | None            # None while unanswered questions could still change it
    reasons: tuple[str, ...]
    missing: tuple[str, ...]     # the ids of unanswered questions


@dataclass(frozen=True)
class Note:
    text: str
    source: str


@dataclass(frozen=True)
class Problem:
    field: str                   # "hours:<task id>" or "work-days"
    message: str


@dataclass(frozen=True)
class Result:
    verdicts: tuple[Verdict, ...]         # one per task, in the order of data["tasks"]
    weights: dict                         # group -> hours (or number of tasks)
    by_hours: bool                        # whether `weights` are hours
    work_days: int | None
    home_days: int | None                 # None: no suggestion (no assessed task, or problems)
    notes: tuple[Note, ...]               # what belongs with the suggestion
    advice: tuple[Note, ...]              # from the person and the situation

    def tasks_in(self, data: dict, group: str) -> list[tuple[dict, Verdict]]:
        return [(t, v) for t, v in zip(data["tasks"], self.verdicts) if v.group == group]

    @property
    def site_days(self) -> int | None:
        return None if self.home_days is None else self.work_days - self.home_days


def assess_task(catalogue: Catalogue, answers: dict) -> Verdict:
    """The group of one task and the reasons that decided it."""
    site, middle, plus = [], [], []
    missing = []
    for question in catalogue.questions:
        answer = answers.get(question.id)
        if answer not in (YES, PARTLY, NO):
            missing.append(question.id)
            continue
        reason = question.reasons.get(answer)
        if question.effect == DEMAND:
            {YES: site, PARTLY: middle}.get(answer, []).append(reason)
        elif question.effect == MEANS:
            {NO: site, PARTLY: middle, YES: plus}[answer].append(reason)
        elif question.effect == ADAPT and answer == YES:
            middle.append(reason)
        elif question.effect == PLUS and answer == YES:
            plus.append(reason)
    if site:  # no other answer can bring the task home
        return Verdict(SITE, tuple(site), tuple(missing))
    if missing:
        return Verdict(None, (), tuple(missing))
    if middle:
        return Verdict(MIDDLE, tuple(middle + plus), ())
    return Verdict(HOME, tuple([HOME_REASON] + plus), ())


def parse_hours(text) -> tuple[float | None, str | None]:
    """Typed hours -> (hours, None), (None, None) when empty, or (None, Danish error)."""
    text = str(text or "").strip()
    if not text:
        return None, None
    try:
        hours = float(text.replace(",", "."))
    except ValueError:
        return None, "Skriv timerne som et tal, fx 4 eller 2,5."
    if not math.isfinite(hours):
        return None, "Skriv timerne som et tal, fx 4 eller 2,5."
    if hours < 0:
        return None, "Timerne kan ikke være et negativt tal."
    if hours == 0:
        return None, "Skriv et antal timer over 0, eller lad feltet stå tomt."
    if hours > MAX_HOURS_PER_TASK:
        return None, f"En opgave kan højst fylde {MAX_HOURS_PER_TASK} timer om ugen."
    return hours, None


def parse_work_days(text) -> tuple[int | None, str | None]:
    text = str(text or "").strip()
    if not text:
        return DEFAULT_WORK_DAYS, None
    if not text.isdigit() or not 1 <= int(text) <= 7:
        return None, "Skriv et helt antal dage fra 1 til 7."
    return int(text), None


def problems(data: dict) -> list[Problem]:
    """What is wrong with the typed hours and work days, field by field."""
    found, total, last_with_hours = [], 0.0, None
    for task in data["tasks"]:
        hours, error = parse_hours(task.get("hours"))
        if error:
            found.append(Problem(f"hours:{task['id']}", f"{task['name']}: {error}"))
        elif hours is not None:
            total += hours
            last_with_hours = task
    if total > HOURS_IN_WEEK:
        found.append(Problem(f"hours:{last_with_hours['id']}",
                             f"Opgaverne fylder {show_number(total)} timer i alt. En uge har kun {HOURS_IN_WEEK}."))
    _, error = parse_work_days(data.get("work_days"))
    if error:
        found.append(Problem("work-days", error))
    return found


def assess(catalogue: Catalogue, data: dict) -> Result:
    verdicts = tuple(assess_task(catalogue, task["answers"]) for task in data["tasks"])
    assessed = [(task, v) for task, v in zip(data["tasks"], verdicts) if v.group]
    hours = [parse_hours(task.get("hours"))[0] for task, _ in assessed]
    by_hours = bool(assessed) and all(h is not None for h in hours)
    weights = {group: 0.0 for group in GROUPS}
    for (_, verdict), h in zip(assessed, hours):
        weights[verdict.group] += h if by_hours else 1
    work_days, _ = parse_work_days(data.get("work_days"))
    home_days = None
    if assessed and not problems(data):
        share = (weights[HOME] + MIDDLE_WEIGHT * weights[MIDDLE]) / sum(weights.values())
        home_days = math.floor(share * work_days + 1e-9)
    return Result(verdicts=verdicts, weights=weights, by_hours=by_hours, work_days=work_days, home_days=home_days,
                  notes=tuple(_notes(home_days, work_days, by_hours)),
                  advice=tuple(_advice(catalogue, data.get("situation") or {})))


def _notes(home_days: int | None, work_days: int | None, by_hours: bool) -> list[Note]:
    if home_days is None:
        return []
    notes = []
    if not by_hours:
        notes.append(Note("Forslaget tæller alle opgaver lige meget. Skriv timer ved hver opgave, "
                          "så bygger forslaget på, hvor meget af ugen opgaverne fylder.", ""))
    if home_days > ATTACHMENT_DAYS:
        notes.append(Note("Er man hjemme mere end 2–3 dage om ugen i gennemsnit, kan tilknytningen til "
                          "arbejdspladsen blive svagere. Aftal, hvordan I holder kontakten.", SOURCE_ATTACHMENT))
    if home_days > SCREEN_RULE_DAYS:
        notes.append(Note("Arbejder medarbejderen ved skærm hjemme mere end to dage om ugen i gennemsnit, "
                          "gælder de særlige krav til skærmarbejde også derhjemme.", SOURCE_SCREEN))
    if home_days == work_days:
        notes.append(Note("Alle dage hjemme: aftal alligevel fast kontakt med arbejdspladsen, gerne et fysisk "
                          "møde hver uge.", SOURCE_CONTACT))
    return notes


def _advice(catalogue: Catalogue, situation: dict) -> list[Note]:
    return [Note(factor.advice[situation[factor.id]], factor.source) for factor in catalogue.situation
            if situation.get(factor.id) in factor.advice]


def open_data(catalogue: Catalogue) -> dict:
    """The catalogue as published at data/opgaver.json (see data/opgaver.schema.json): every task with
    its default answers, and the group and reasons the assessment gives for them."""
    def task(t) -> dict:
        verdict = assess_task(catalogue, t.answers)
        out = {"id": t.id, "name": t.name, "description": t.description, "area": t.area,
               "keywords": list(t.keywords), "answers": dict(t.answers), "group": verdict.group,
               "reasons": list(verdict.reasons)}
        if t.source:
            out["source"] = t.source
        return out

    return {
        "questions": [{"id": q.id, "text": q.text, "effect": q.effect, "reasons": dict(q.reasons), "source": q.source}
                      for q in catalogue.questions],
        "areas": [{"id": a.id, "name": a.name} for a in catalogue.areas],
        "tasks": [task(t) for t in catalogue.tasks],
    }


def show_number(value: float) -> str:
    """2.5 -> "2,5"; 4.0 -> "4"."""
    return f"{round(value, 2):g}".replace(".", ",")
