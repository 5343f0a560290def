"""Checks for the fields of the site's TOML data files, with Danish messages.

Every data file (checklists, the task catalogue, the finder's rules) is refused
with a message that names the file and the field. A `Fields` raises the error
class of the file kind it checks, so callers catch e.g. `ChecklistError`.
"""

import re

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)


def is_id(value) -> bool:
    return isinstance(value, str) and bool(_ID.match(value))


class Fields:
    def __init__(self, error: type[ValueError]):
        self.error = error

    def known_keys(self, table, allowed: set[str], where: str) -> None:
        if not isinstance(table, dict):
            raise self.error(f"{where}: skal være en tabel")
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.error(f"{where}: ukendt felt {', '.join(map(repr, unknown))}")

    def tables(self, table: dict, key: str, where: str, empty: str) -> list[dict]:
        value = table.get(key)
        if not isinstance(value, list) or not value:
            raise self.error(f"{where}: {empty} ({key!r})")
        return value

    def text(self, table: dict, key: str, where: str, required: bool = True) -> str:
        value = table.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{where}: {key!r} mangler eller er tom")
        return value.strip()

    def bool(self, table: dict, key: str, where: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"{where}: {key!r} skal være true eller false")
        return value

    def id(self, table: dict, where: str, key: str = "id") -> str:
        value = self.text(table, key, where)
        if not is_id(value):
            raise self.error(f"{where}: {key} {value!r} må kun have små bogstaver a-z, tal og bindestreger")
        return value

    def unique(self, value: str, where: str, seen: set[str]) -> str:
        if value in seen:
            raise self.error(f"{where}: id {value!r} er brugt to gange")
        seen.add(value)
        return value
