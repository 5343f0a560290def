"""Checklist data: load and check the TOML files in `tools/data/checklists/`.

A checklist file is the one source of its items: the page, the widget, any
export and the tests all read it through `load`.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    intro: str
    source: str
    sections: tuple[Section, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


class ChecklistError(ValueError):
    """A checklist file that is missing or does not follow the format."""


def _data_dir():
    return resources.files("tools") / "data" / "checklists"


def available() -> list[str]:
    """The ids of every checklist file, sorted."""
    return sorted(p.name.removesuffix(".toml") for p in _data_dir().iterdir() if p.name.endswith(".toml"))


@cache
def load(checklist_id: str) -> Checklist:
    if not _ID.match(checklist_id):
        raise ChecklistError(f"Ugyldigt id for en tjekliste: {checklist_id!r}")
    path = _data_dir() / f"{checklist_id}.toml"
    if not path.is_file():
        raise ChecklistError(f"Tjeklisten {checklist_id!r} findes ikke. Kendte: {', '.join(available())}")
    return parse(tomllib.loads(path.read_text(encoding="utf-8")), expected_id=checklist_id)


def parse(data: dict, expected_id: str | None = None) -> Checklist:
    """Build a `Checklist` from parsed TOML, rejecting anything malformed."""
    checklist_id = _text(data, "id", "tjeklisten")
    where = f"tjeklisten {checklist_id!r}"
    if expected_id is not None and checklist_id != expected_id:
        raise ChecklistError(f"{where}: id skal være det samme som filnavnet ({expected_id!r})")
    sections = []
    seen: set[str] = set()
    for raw_section in data.get("sections") or []:
        section_id = _id(raw_section, where, seen)
        items = []
        for raw_item in raw_section.get("items") or []:
            item_where = f"{where}, afsnit {section_id!r}"
            items.append(Item(id=_id(raw_item, item_where, seen),
                              text=_text(raw_item, "text", item_where),
                              hint=str(raw_item.get("hint", "")).strip()))
        if not items:
            raise ChecklistError(f"{where}: afsnittet {section_id!r} har ingen punkter")
        sections.append(Section(id=section_id, title=_text(raw_section, "title", where),
                                intro=str(raw_section.get("intro", "")).strip(), items=tuple(items)))
    if not sections:
        raise ChecklistError(f"{where}: listen har ingen afsnit")
    return Checklist(id=checklist_id, title=_text(data, "title", where),
                     intro=str(data.get("intro", "")).strip(),
                     source=_text(data, "source", where), sections=tuple(sections))


def _text(table: dict, key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ChecklistError(f"{where}: {key!r} mangler eller er tom")
    return value.strip()


def _id(table: dict, where: str, seen: set[str]) -> str:
    value = _text(table, "id", where)
    if not _ID.match(value):
        raise ChecklistError(f"{where}: id {value!r} må kun have små bogstaver a-z, tal og bindestreger")
    if value in seen:
        raise ChecklistError(f"{where}: id {value!r} er brugt to gange")
    seen.add(value)
    return value
