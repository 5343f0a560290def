"""The widget contract: what a widget is and what it may ask of the page.

A widget is a module with plain data and pure functions:

- `NAME`: the name pages use, e.g. ``{{ widget("checklist", checklist="…") }}``.
- `start(config) -> state`: the initial state for a page's config, at build time.
- `storage_key(config) -> str | None`: where the browser keeps this instance's
  saved document (`None`: nothing is saved).
- `reads(config) -> list[str]`: storage keys of other tools whose saved documents
  this instance reads; the bridge hands them over as `Context.inputs`.
- `mount(state, context) -> (state, effects)`: in the browser, fold in what the
  page knows (saved document, URL query, inputs, storage health).
- `handle(state, event) -> (state, effects)`: answer one event.
- `render(state) -> str`: the HTML inside the widget's element.

State is plain JSON. The bridge keeps it, hands it back with every event and
performs the effects, knowing nothing of which widget asked.
"""

from dataclasses import dataclass, field
from typing import Any

# Storage keys are versioned: a change in how the site stores documents gets a
# new prefix, a change inside one widget's document is a schema migration.
STORAGE_PREFIX = "hjemmearbejde/v1/"

# What the bridge can tell a widget about storage when it mounts.
STORAGE_OK = "ok"                    # readable and writable
STORAGE_UNAVAILABLE = "unavailable"  # the browser refuses storage (private mode, policy)
STORAGE_CORRUPT = "corrupt"          # a saved document was there but not valid JSON
STORAGE_STATIC = "static"            # build time: there is no browser


@dataclass(frozen=True)
class Context:
    """What the page knows when a widget mounts in the browser."""

    stored: Any = None                 # the saved document (parsed JSON), or None
    storage: str = STORAGE_STATIC
    query: dict[str, list[str]] = field(default_factory=dict)
    inputs: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> "Context":
        return cls(
            stored=data.get("stored"),
            storage=data.get("storage", STORAGE_OK),
            query={k: list(v) for k, v in (data.get("query") or {}).items()},
            inputs=dict(data.get("inputs") or {}),
        )


# Effects: instructions the bridge performs after swapping in the new HTML.

def save(document: Any) -> dict:
    """Write `document` as JSON under the widget's storage key; None removes it."""
    return {"type": "save", "document": document}


def announce(message: str) -> dict:
    """Read `message` out in the widget's polite live region."""
    return {"type": "announce", "message": message}


def focus(element_id: str) -> dict:
    """Move keyboard focus to the element with this id inside the widget."""
    return {"type": "focus", "id": element_id}


def download(filename: str, content: str, mime: str = "text/plain") -> dict:
    """Offer `content` to the user as a file."""
    return {"type": "download", "filename": filename, "content": content, "mime": mime}


def print_page() -> dict:
    """Open the browser's print dialog."""
    return {"type": "print"}


# Events the bridge itself sends, besides the user's input/change/click/submit.
EVENT_SAVE_FAILED = "save-failed"          # storage refused a save (full, blocked)
EVENT_STORED_ELSEWHERE = "stored-elsewhere"  # another tab saved this widget's document
