"""Checklist data: load and check the TOML files in `tools/data/checklists/`.

A checklist file is the one source of its items: the page text that quotes it,
the widget, the exports, the open data and the tests all read it through `load`.
The format is described in the README ("Checklist files"); anything the format
does not allow is refused with a Danish message naming the file and the field.
"""

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from .data_fields import Fields, is_id

CHECK, STATUS, TEXT, DATE, CHOICE = "check", "status", "text", "date", "choice"
KINDS = (CHECK, STATUS, TEXT, DATE, CHOICE)

# The three answers of an APV point, in the order they are shown.
STATUS_OPTIONS = (("ok", "I orden"), ("act", "Skal handles"), ("na", "Ikke relevant"))
STATUS_ACT = "act"

MAX_TEXT_LENGTH = 10_000   # characters in a free-text answer or a note
MAX_OPTIONS = 6
MAX_SCORE = 10


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    score: int | None = None


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    kind: str = CHECK
    hint: str = ""
    note: bool = False
    max_length: int = MAX_TEXT_LENGTH
    options: tuple[Option, ...] = ()

    @property
    def choices(self) -> tuple[Option, ...]:
        """The options a status or choice item offers, in order."""
        if self.kind == STATUS:
            return tuple(Option(value, label) for value, label in STATUS_OPTIONS)
        return self.options


@dataclass(frozen=True)
class Summary:
    min: float
    text: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    items: tuple[Item, ...]
    intro: str = ""
    hint: str = ""
    summaries: tuple[Summary, ...] = ()   # highest `min` first


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    source: str
    sections: tuple[Section, ...]
    intro: str = ""
    progress_word: str = "besvaret"
    agenda: bool = False
    agenda_title: str = "Dagsorden"

    # Worked out once per list (a list does not change once read): every event asks for them.
    @cached_property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @cached_property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @cached_property
    def _items_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item | None:
        return self._items_by_id.get(item_id)

    @cached_property
    def has_actions(self) -> bool:
        """Status items make an action list of the points marked "Skal handles"."""
        return any(item.kind == STATUS for item in self.items)


class ChecklistError(ValueError):
    """A checklist file that is missing or does not follow the format."""


_fields = Fields(ChecklistError)


def _data_dir():
    return resources.files("tools") / "data" / "checklists"


def available() -> list[str]:
    """The ids of every checklist file, sorted."""
    return sorted(p.name.removesuffix(".toml") for p in _data_dir().iterdir() if p.name.endswith(".toml"))


@cache
def load(checklist_id: str) -> Checklist:
    if not isinstance(checklist_id, str) or not is_id(checklist_id):
        raise ChecklistError(f"Ugyldigt id for en tjekliste: {checklist_id!r}")
    path = _data_dir() / f"{checklist_id}.toml"
    if not path.is_file():
        raise ChecklistError(f"Tjeklisten {checklist_id!r} findes ikke. Kendte: {', '.join(available())}")
    where = f"{checklist_id}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError(f"{where}: ikke gyldig TOML: {error}") from None
    return parse(data, where=where, expected_id=checklist_id)


_TOP_KEYS = {"id", "title", "intro", "source", "progress_word", "agenda", "agenda_title", "sections"}
_SECTION_KEYS = {"id", "title", "intro", "hint", "items", "summaries"}
_ITEM_KEYS = {"id", "kind", "text", "hint", "note", "max_length", "options"}


def parse(data: dict, where: str = "tjeklisten", expected_id: str | None = None) -> Checklist:
    """Build a `Checklist` from parsed TOML, rejecting anything malformed."""
    _fields.known_keys(data, _TOP_KEYS, where)
    checklist_id = _fields.id(data, where)
    if expected_id is not None and checklist_id != expected_id:
        raise ChecklistError(f"{where}: 'id' skal være det samme som filnavnet ({expected_id!r})")
    seen: set[str] = set()
    sections = tuple(_section(raw, f"{where}, afsnit {i + 1}", seen)
                     for i, raw in enumerate(_fields.tables(data, "sections", where, "listen har ingen afsnit")))
    return Checklist(id=checklist_id, title=_fields.text(data, "title", where), source=_fields.text(data, "source", where),
                     sections=sections, intro=_fields.text(data, "intro", where, required=False),
                     progress_word=_fields.text(data, "progress_word", where, required=False) or "besvaret",
                     agenda=_fields.bool(data, "agenda", where, default=False),
                     agenda_title=_fields.text(data, "agenda_title", where, required=False) or "Dagsorden")


def _section(raw: dict, where: str, seen: set[str]) -> Section:
    _fields.known_keys(raw, _SECTION_KEYS, where)
    section_id = _fields.unique(_fields.id(raw, where), where, seen)
    where = f"{where} ({section_id})"
    items = tuple(_item(r, f"{where}, punkt {i + 1}", seen) for i, r in enumerate(_fields.tables(raw, "items", where, "afsnittet har ingen punkter")))
    summaries = tuple(sorted((_summary(r, f"{where}, summaries {i + 1}")
                              for i, r in enumerate(raw.get("summaries") or [])), key=lambda s: -s.min))
    if "summaries" in raw:
        if not any(item.kind == CHOICE and any(o.score is not None for o in item.options) for item in items):
            raise ChecklistError(f"{where}: 'summaries' kræver choice-punkter med 'score'")
        if not summaries or summaries[-1].min != 0:
            raise ChecklistError(f"{where}: 'summaries' skal have én med min = 0")
    return Section(id=section_id, title=_fields.text(raw, "title", where), items=items,
                   intro=_fields.text(raw, "intro", where, required=False), hint=_fields.text(raw, "hint", where, required=False),
                   summaries=summaries)


def _item(raw: dict, where: str, seen: set[str]) -> Item:
    _fields.known_keys(raw, _ITEM_KEYS, where)
    item_id = _fields.unique(_fields.id(raw, where), where, seen)
    where = f"{where} ({item_id})"
    kind = raw.get("kind", CHECK)
    if kind not in KINDS:
        raise ChecklistError(f"{where}: 'kind' skal være en af {', '.join(KINDS)}, ikke {kind!r}")
    if kind == TEXT and "note" in raw:
        raise ChecklistError(f"{where}: 'note' kan ikke bruges på et text-punkt")
    if kind != TEXT and "max_length" in raw:
        raise ChecklistError(f"{where}: 'max_length' kan kun bruges på et text-punkt")
    if (kind == CHOICE) != ("options" in raw):
        raise ChecklistError(f"{where}: 'options' skal være der, hvis og kun hvis kind er choice")
    max_length = raw.get("max_length", MAX_TEXT_LENGTH)
    if type(max_length) is not int or not 1 <= max_length <= MAX_TEXT_LENGTH:
        raise ChecklistError(f"{where}: 'max_length' skal være et helt tal fra 1 til {MAX_TEXT_LENGTH}")
    options = ()
    if kind == CHOICE:
        raw_options = raw["options"]
        if not isinstance(raw_options, list) or not 2 <= len(raw_options) <= MAX_OPTIONS:
            raise ChecklistError(f"{where}: 'options' skal have 2 til {MAX_OPTIONS} svar")
        option_ids: set[str] = set()
        options = tuple(_option(o, f"{where}, svar {i + 1}", option_ids) for i, o in enumerate(raw_options))
    return Item(id=item_id, text=_fields.text(raw, "text", where), kind=kind, hint=_fields.text(raw, "hint", where, required=False),
                note=_fields.bool(raw, "note", where, default=kind == STATUS), max_length=max_length, options=options)


def _option(raw, where: str, seen: set[str]) -> Option:
    if not isinstance(raw, dict):
        raise ChecklistError(f"{where}: et svar skal være en tabel med value og label")
    _fields.known_keys(raw, {"value", "label", "score"}, where)
    value = _fields.unique(_fields.id(raw, where, key="value"), where, seen)
    score = raw.get("score")
    if score is not None and (type(score) is not int or not 0 <= score <= MAX_SCORE):
        raise ChecklistError(f"{where}: 'score' skal være et helt tal fra 0 til {MAX_SCORE}")
    return Option(value=value, label=_fields.text(raw, "label", where), score=score)


def _summary(raw, where: str) -> Summary:
    if not isinstance(raw, dict):
        raise ChecklistError(f"{where}: skal være en tabel med min og text")
    _fields.known_keys(raw, {"min", "text"}, where)
    minimum = raw.get("min")
    if type(minimum) not in (int, float) or not 0 <= minimum <= 1:
        raise ChecklistError(f"{where}: 'min' skal være et tal fra 0 til 1")
    return Summary(min=float(minimum), text=_fields.text(raw, "text", where))


def to_open_data(checklist: Checklist) -> dict:
    """The checklist as published under data/tjeklister/ (see data/tjekliste.schema.json)."""

    def item(i: Item) -> dict:
        out = {"id": i.id, "kind": i.kind, "text": i.text}
        if i.hint:
            out["hint"] = i.hint
        if i.kind != TEXT:
            out["note"] = i.note
        if i.kind == TEXT:
            out["max_length"] = i.max_length
        if i.kind in (STATUS, CHOICE):
            out["options"] = [{"value": o.value, "label": o.label, **({"score": o.score} if o.score is not None else {})}
                              for o in i.choices]
        return out

    def section(s: Section) -> dict:
        out = {"id": s.id, "title": s.title}
        if s.intro:
            out["intro"] = s.intro
        if s.hint:
            out["hint"] = s.hint
        out["items"] = [item(i) for i in s.items]
        if s.summaries:
            out["summaries"] = [{"min": x.min, "text": x.text} for x in s.summaries]
        return out

    out = {"id": checklist.id, "title": checklist.title}
    if checklist.intro:
        out["intro"] = checklist.intro
    out.update({"source": checklist.source, "agenda": checklist.agenda,
                "sections": [section(s) for s in checklist.sections]})
    return out
