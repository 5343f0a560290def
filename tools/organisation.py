"""The organisation's profile: one TOML file that puts the site in an organisation's own clothes.

Built with ``ORGANISATION=path/to/file.toml make build``, the pages, the tools and
the agreement show the organisation's name, its contact for home work, its local
rules, where its own policies live and its accessibility contact. Without a
profile the site reads as a general guide. A bad profile stops the build with a
Danish message naming the key. See `examples/organisation.toml`.
"""

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

MAX_TEXT = 2000

# The local rules, in the order the pages and the agreement show them: key -> Danish heading.
RULES = {
    "core_days": "Faste dage på arbejdspladsen",
    "meetings": "Møder",
    "equipment": "Udstyr",
    "transport": "Transport",
    "notice": "Varsel og aflysning",
}
_SECTIONS = {
    "organisation": {"name": str, "logo": str},
    "contact": {"name": str, "email": str, "phone": str},
    "rules": {key: str for key in RULES},
    "policies": {"text": str, "url": str},
    "accessibility": {"contact": str, "reviewed": dt.date},
}
_REQUIRED = {("organisation", "name"), ("contact", "name")}


class ProfileError(ValueError):
    """A profile file that does not follow the format."""


@dataclass(frozen=True)
class Profile:
    name: str
    contact: dict            # {"name", "email"?, "phone"?}
    rules: dict              # RULES key -> text, only those given, in RULES order
    policies: dict           # {"text", "url"?} or {}
    accessibility: dict      # {"contact"?, "reviewed"?: date}
    logo: Path | None = None  # an image file next to the profile

    def terms(self) -> list[tuple[str, str]]:
        """The local rules as (heading, text): what the agreement shows as the organisation's fixed terms."""
        return [(RULES[key], text) for key, text in self.rules.items()]


def load(path: str | Path) -> Profile:
    path = Path(path)
    where = path.name
    if not path.is_file():
        raise ProfileError(f"Profilen {path} findes ikke.")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ProfileError(f"{where}: ikke gyldig TOML: {error}") from None
    return parse(data, where=where, folder=path.parent)


def parse(data: dict, where: str = "profilen", folder: Path | None = None) -> Profile:
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        raise ProfileError(f"{where}: ukendt afsnit [{unknown[0]}]. Kendte: {', '.join(_SECTIONS)}")
    clean = {}
    for section, keys in _SECTIONS.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ProfileError(f"{where}: [{section}] skal være en tabel")
        unknown = sorted(set(table) - set(keys))
        if unknown:
            raise ProfileError(f"{where}: ukendt nøgle {section}.{unknown[0]}. Kendte: {', '.join(keys)}")
        clean[section] = {}
        for key, kind in keys.items():
            value = table.get(key)
            if value is None:
                if (section, key) in _REQUIRED:
                    raise ProfileError(f"{where}: {section}.{key} mangler")
                continue
            if kind is str and (not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT):
                raise ProfileError(f"{where}: {section}.{key} skal være en tekst på 1 til {MAX_TEXT} tegn")
            if kind is dt.date and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
                raise ProfileError(f"{where}: {section}.{key} skal være en dato, fx 2026-10-01")
            clean[section][key] = value.strip() if kind is str else value
    url = clean["policies"].get("url")
    if url and not url.startswith(("https://", "http://", "/")):
        raise ProfileError(f"{where}: policies.url skal begynde med https://, http:// eller /")
    if url and "text" not in clean["policies"]:
        raise ProfileError(f"{where}: policies.text mangler (linkets tekst)")
    email = clean["contact"].get("email")
    if email and ("@" not in email or any(c.isspace() for c in email)):
        raise ProfileError(f"{where}: contact.email er ikke en e-mailadresse")
    logo = None
    if "logo" in clean["organisation"]:
        logo = (folder or Path(".")) / clean["organisation"]["logo"]
        if logo.suffix.lower() not in (".svg", ".png") or not logo.is_file():
            raise ProfileError(f"{where}: organisation.logo skal være en .svg- eller .png-fil ved siden af profilen")
    return Profile(name=clean["organisation"]["name"], contact=clean["contact"], rules=clean["rules"],
                   policies=clean["policies"], accessibility=clean["accessibility"], logo=logo)


def from_environment(environ=None) -> Profile | None:
    """The profile named by the ORGANISATION environment variable, or None for a general guide."""
    import os

    path = (environ if environ is not None else os.environ).get("ORGANISATION", "").strip()
    return load(path) if path else None
