"""Small helpers for building HTML strings safely.

Every value that may come from data or from a user passes through `escape`;
widgets build their markup from these helpers and f-strings, nothing else.
"""

from html import escape as _escape


def escape(value: object) -> str:
    """Escape text for use in element content and in quoted attribute values."""
    return _escape(str(value), quote=True)


def attrs(**values: object) -> str:
    """Render attributes: `None`/`False` are left out, `True` is a bare attribute.

    A trailing underscore is dropped (`class_` -> `class`) and other underscores
    become hyphens (`aria_describedby` -> `aria-describedby`).
    """
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(value)}"')
    return (" " + " ".join(parts)) if parts else ""
