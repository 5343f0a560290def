"""The task finder's data: the questions, the situation factors, the areas and the tasks.

Two files in `tools/data/`: `opgavefinder.toml` holds the rules (questions with
what each answer means, the factors about the person and the situation, the
areas) and `opgaver.toml` the catalogue of tasks with their default answers.
The widget, the page that explains the rules, the exports, the open data and the
tests all read them through `load`; a file that breaks the format is refused
with a Danish message naming the file and the field.
"""

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from .data_fields import Fields

YES, PARTLY, NO = "yes", "partly", "no"
ANSWERS = (YES, PARTLY, NO)
ANSWER_LABELS = {YES: "Ja", PARTLY: "Delvis", NO: "Nej"}

# What an answer to a question means for the task's group (see opgavefinder.toml).
DEMAND, MEANS, ADAPT, PLUS = "demand", "means", "adapt", "plus"
EFFECTS = (DEMAND, MEANS, ADAPT, PLUS)
# The answers that carry a reason, by effect: each needs its reason_<answer> text.
REASONS_BY_EFFECT = {DEMAND: (YES, PARTLY), MEANS: (YES, PARTLY, NO), ADAPT: (YES,), PLUS: (YES,)}


class CatalogueError(ValueError):
    """A finder data file that does not follow the format."""


_fields = Fields(CatalogueError)


@dataclass(frozen=True)
class Question:
    id: str
    effect: str
    text: str
    reasons: dict      # answer -> the Danish sentence that answer gives as a reason
    source: str


@dataclass(frozen=True)
class Factor:
    """A question about the person or the situation: it changes the advice, never a group."""

    id: str
    text: str
    advice: dict       # "yes" / "no" -> the advice that answer gives
    source: str


@dataclass(frozen=True)
class Area:
    id: str
    name: str


@dataclass(frozen=True)
class Task:
    id: str
    name: str
    description: str
    area: str
    keywords: tuple[str, ...]
    answers: dict      # question id -> "yes" | "partly" | "no"
    source: str = ""

    @cached_property
    def searched_text(self) -> str:
        """What a search looks in, casefolded, made once: the finder searches on every keystroke."""
        return " ".join((self.name, self.description, *self.keywords)).casefold()


@dataclass(frozen=True)
class Catalogue:
    questions: tuple[Question, ...]
    situation: tuple[Factor, ...]
    areas: tuple[Area, ...]
    tasks: tuple[Task, ...]

    @cached_property
    def _tasks_by_id(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    def task(self, task_id) -> Task | None:
        return self._tasks_by_id.get(task_id)

    def area(self, area_id) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)


def _read(name: str) -> dict:
    path = resources.files("tools") / "data" / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{name}: ikke gyldig TOML: {error}") from None


@cache
def load() -> Catalogue:
    return parse(_read("opgavefinder.toml"), _read("opgaver.toml"))


def parse(rules: dict, catalogue: dict, rules_file: str = "opgavefinder.toml",
          tasks_file: str = "opgaver.toml") -> Catalogue:
    _fields.known_keys(rules, {"questions", "situation", "areas"}, rules_file)
    _fields.known_keys(catalogue, {"tasks"}, tasks_file)
    seen: set[str] = set()
    questions = tuple(_question(r, f"{rules_file}, spørgsmål {i + 1}", seen)
                      for i, r in enumerate(_fields.tables(rules, "questions", rules_file, "der er ingen spørgsmål")))
    seen = set()
    situation = tuple(_factor(r, f"{rules_file}, situation {i + 1}", seen)
                      for i, r in enumerate(_fields.tables(rules, "situation", rules_file, "der er ingen situation")))
    seen = set()
    areas = tuple(_area(r, f"{rules_file}, område {i + 1}", seen)
                  for i, r in enumerate(_fields.tables(rules, "areas", rules_file, "der er ingen områder")))
    seen = set()
    question_ids = [q.id for q in questions]
    area_ids = {a.id for a in areas}
    tasks = tuple(_task(r, f"{tasks_file}, opgave {i + 1}", seen, question_ids, area_ids)
                  for i, r in enumerate(_fields.tables(catalogue, "tasks", tasks_file, "der er ingen opgaver")))
    return Catalogue(questions=questions, situation=situation, areas=areas, tasks=tasks)


def _question(raw: dict, where: str, seen: set[str]) -> Question:
    _fields.known_keys(raw, {"id", "effect", "text", "reason_yes", "reason_partly", "reason_no", "source"}, where)
    question_id = _fields.unique(_fields.id(raw, where), where, seen)
    where = f"{where} ({question_id})"
    effect = raw.get("effect")
    if effect not in EFFECTS:
        raise CatalogueError(f"{where}: 'effect' skal være en af {', '.join(EFFECTS)}, ikke {effect!r}")
    wanted = REASONS_BY_EFFECT[effect]
    for answer in ANSWERS:
        if answer not in wanted and f"reason_{answer}" in raw:
            raise CatalogueError(f"{where}: 'reason_{answer}' bruges ikke, når effect er {effect!r}")
    reasons = {answer: _fields.text(raw, f"reason_{answer}", where) for answer in wanted}
    return Question(id=question_id, effect=effect, text=_fields.text(raw, "text", where), reasons=reasons,
                    source=_fields.text(raw, "source", where))


def _factor(raw: dict, where: str, seen: set[str]) -> Factor:
    _fields.known_keys(raw, {"id", "text", "advice_yes", "advice_no", "source"}, where)
    factor_id = _fields.unique(_fields.id(raw, where), where, seen)
    where = f"{where} ({factor_id})"
    advice = {a: _fields.text(raw, f"advice_{a}", where) for a in (YES, NO) if f"advice_{a}" in raw}
    if not advice:
        raise CatalogueError(f"{where}: der skal være et råd, 'advice_yes' eller 'advice_no'")
    return Factor(id=factor_id, text=_fields.text(raw, "text", where), advice=advice,
                  source=_fields.text(raw, "source", where))


def _area(raw: dict, where: str, seen: set[str]) -> Area:
    _fields.known_keys(raw, {"id", "name"}, where)
    return Area(id=_fields.unique(_fields.id(raw, where), where, seen), name=_fields.text(raw, "name", where))


def _task(raw: dict, where: str, seen: set[str], question_ids: list[str], area_ids: set[str]) -> Task:
    _fields.known_keys(raw, {"id", "name", "description", "area", "keywords", "answers", "source"}, where)
    task_id = _fields.unique(_fields.id(raw, where), where, seen)
    where = f"{where} ({task_id})"
    area = _fields.text(raw, "area", where)
    if area not in area_ids:
        raise CatalogueError(f"{where}: området {area!r} findes ikke. Kendte: {', '.join(sorted(area_ids))}")
    keywords = raw.get("keywords")
    if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) and k.strip() for k in keywords):
        raise CatalogueError(f"{where}: 'keywords' skal være en liste med mindst ét søgeord")
    answers = raw.get("answers")
    if not isinstance(answers, dict):
        raise CatalogueError(f"{where}: 'answers' mangler")
    missing = [q for q in question_ids if q not in answers]
    unknown = sorted(set(answers) - set(question_ids))
    if missing or unknown:
        raise CatalogueError(f"{where}: 'answers' skal svare på hvert spørgsmål"
                             + (f"; mangler {', '.join(missing)}" if missing else "")
                             + (f"; ukendte {', '.join(unknown)}" if unknown else ""))
    for question_id, answer in answers.items():
        if answer not in ANSWERS:
            raise CatalogueError(f"{where}: svaret på {question_id!r} skal være yes, partly eller no, ikke {answer!r}")
    return Task(id=task_id, name=_fields.text(raw, "name", where), description=_fields.text(raw, "description", where),
                area=area, keywords=tuple(k.strip() for k in keywords),
                answers={q: answers[q] for q in question_ids}, source=_fields.text(raw, "source", where, required=False))

