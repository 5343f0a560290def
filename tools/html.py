"""Small helpers for building HTML strings safely.

Every value that may come from data or from a user passes through `escape`;
widgets build their markup from these helpers and f-strings, nothing else.
"""

# What the standard library's html.escape(quote=True) replaces, and with what. That module is not
# imported: it loads html.entities (over 2 000 named characters), which made the browser's memory
# snapshot of Python about 100 KB bigger as brotli, for five replacements.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(value: object) -> str:
    """Escape text for use in element content and in quoted attribute values."""
    return str(value).translate(_ESCAPES)


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


def hidden_text(text: str) -> str:
    """Text for screen readers only (Material's visually-hidden class)."""
    return f'<span class="md-visually-hidden">{escape(text)}</span>'


def error_summary(element_id: str, errors: list[dict]) -> str:
    """The error-summary pattern (GOV.UK, Det Fælles Designsystem): a box at the top
    that takes focus and links each message to its field. `errors` are
    ``{"field": element id, "message": Danish text}``."""
    if not errors:
        return ""
    links = "".join(f'<li><a href="#{escape(e["field"])}">{escape(e["message"])}</a></li>' for e in errors)
    return (f'<div class="hj-error-summary" id="{escape(element_id)}" tabindex="-1" '
            f'aria-labelledby="{escape(element_id)}-title">'
            f'<h2 class="hj-error-summary__title" id="{escape(element_id)}-title">Der er et problem</h2>'
            f'<ul class="hj-error-summary__list">{links}</ul></div>')


def field_error(field_id: str, errors: list[dict]) -> tuple[str, str | None]:
    """The message shown at a field, and the id to add to its aria-describedby (None if no error)."""
    message = next((e["message"] for e in errors if e["field"] == field_id), None)
    if message is None:
        return "", None
    error_id = f"{field_id}-error"
    return (f'<p class="hj-field-error" id="{escape(error_id)}">{hidden_text("Fejl:")} {escape(message)}</p>',
            error_id)


def describedby(*ids: str | None) -> str | None:
    """An aria-describedby value from the ids that are there."""
    present = [i for i in ids if i]
    return " ".join(present) or None


def number(value: int) -> str:
    """A whole number as Danish writes it, with a point between the thousands: 10.000."""
    return f"{value:,}".replace(",", ".")


def textarea(field_id: str, name: str, value: str, max_length: int, hint_id: str | None = None, rows: int = 4) -> str:
    """A free-text field with its live counter, and a copy of the text that only print shows
    (a printed textarea cuts its text off)."""
    count_id = f"{field_id}-count"
    return (f'<textarea{attrs(id=field_id, name=name, rows=rows, maxlength=max_length, class_="hj-filled" if value else None, aria_describedby=describedby(hint_id, count_id))}>'
            f'{escape(value)}</textarea>'
            f'<p class="hj-counter" id="{count_id}">{number(len(value))} af {number(max_length)} tegn</p>'
            + (f'<div class="hj-print-only hj-answer-print">{escape(value)}</div>' if value else ""))


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A table with column headers (text, escaped here) and rows of cells (HTML, escaped by the caller)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
