"""Dates and times as the site shows them: in Danish, from the ISO text the bridge sends.

The bridge stamps every event with the browser's local time (`now`, ISO 8601 with
its UTC offset), so widgets stay pure functions and tests can pass any time.
"""

import re
from datetime import date, datetime

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> date | None:
    """A `YYYY-MM-DD` date, or None when `text` is not one."""
    if not isinstance(text, str) or not _DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_moment(text) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def long_date(value: date) -> str:
    """23. november 2026"""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def show_date(text: str) -> str:
    """A stored `YYYY-MM-DD` in Danish; the text itself when it is not a date."""
    parsed = parse_date(text)
    return long_date(parsed) if parsed else str(text)


def show_moment(text) -> str:
    """23. november 2026 kl. 10.15, or "" when unknown."""
    moment = parse_moment(text)
    if moment is None:
        return ""
    return f"{long_date(moment)} kl. {moment.hour:02d}.{moment.minute:02d}"


def stamp(text) -> str:
    """A compact, sortable form of a moment for ids and file names: 20261123-101500."""
    moment = parse_moment(text)
    return moment.strftime("%Y%m%d-%H%M%S") if moment else "0"
