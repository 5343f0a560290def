"""The widget contract: what a widget is and what it may ask of the page.

A widget is a module with plain data and pure functions:

- `NAME`: the name pages use, e.g. ``{{ widget("checklist", checklist="…") }}``.
- `start(config) -> state`: the initial state for a page's config, at build time.
- `storage_key(config) -> str | None`: the root of this instance's storage: it
  owns the key itself and every key under it (`root + "/" + …`), e.g. one key per
  named copy. `None`: nothing is saved.
- `reads(config) -> list[str]`: storage roots of other tools whose saved documents
  this instance reads; the bridge hands them over as `Context.inputs`.
- `mount(state, context) -> (state, effects)`: in the browser, fold in what the
  page knows (saved documents, URL query, inputs, storage health, the time).
- `handle(state, event) -> (state, effects)`: answer one event.
- `render(state) -> str`: the HTML inside the widget's element.

State is plain JSON. The bridge keeps it, hands it back with every event and
performs the effects, knowing nothing of which widget asked.

Events are plain JSON too. The bridge sends the user's `input`, `change`,
`click` (from a `<button data-action>`, with its `value`) and `submit` (from a
`<form data-action>`, with its fields); `file` when the user picks a file in an
`<input type="file" data-max-bytes>` (see `FileEvent`); and the storage facts
below. Every event carries `now`, the browser's local time (ISO 8601 with offset).

Confirmation is the widget's own business: it renders the question and the two
buttons in its HTML (no blocking `window.confirm`).
"""

from dataclasses import dataclass, field
from typing import Any

# The site's namespace in the browser's storage. The bridge never reads or
# writes a key outside it: an intranet origin is shared with other applications.
NAMESPACE = "hjemmearbejde/"
# Storage keys are versioned: a change in how the site stores documents gets a
# new prefix, a change inside one widget's document is a schema migration.
STORAGE_PREFIX = NAMESPACE + "v1/"
# Where a saved document that cannot be read is set aside, so nothing is lost.
BACKUP_PREFIX = NAMESPACE + "backup/"
# The largest file a widget may be handed (import); the bridge refuses larger ones unread.
MAX_FILE_BYTES = 1024 * 1024

# What the bridge can tell a widget about storage.
STORAGE_OK = "ok"                    # readable and writable
STORAGE_UNAVAILABLE = "unavailable"  # the browser refuses storage (private mode, policy)
STORAGE_STATIC = "static"            # build time: there is no browser


def in_root(key: str, root: str) -> bool:
    """Whether `key` belongs to the storage root `root` (the root itself or under it)."""
    return key == root or key.startswith(root + "/")


@dataclass(frozen=True)
class Stored:
    """What storage holds under one root: parsed documents by key, and keys that are not JSON."""

    documents: dict[str, Any] = field(default_factory=dict)
    corrupt: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data) -> "Stored":
        data = data or {}
        return cls(documents=dict(data.get("documents") or {}), corrupt=tuple(data.get("corrupt") or ()))


@dataclass(frozen=True)
class Context:
    """What the page knows when a widget mounts in the browser."""

    stored: Stored = field(default_factory=Stored)   # everything under the widget's root
    storage: str = STORAGE_STATIC
    query: dict[str, list[str]] = field(default_factory=dict)
    inputs: dict[str, Stored] = field(default_factory=dict)  # root it reads -> what is stored there
    now: str = ""

    @classmethod
    def from_json(cls, data: dict) -> "Context":
        return cls(
            stored=Stored.from_json(data.get("stored")),
            storage=data.get("storage", STORAGE_OK),
            query={k: list(v) for k, v in (data.get("query") or {}).items()},
            inputs={root: Stored.from_json(value) for root, value in (data.get("inputs") or {}).items()},
            now=data.get("now") or "",
        )


# Effects: instructions the bridge performs after swapping in the new HTML.

def save(key: str, document: Any) -> dict:
    """Write `document` as JSON under `key` (in the widget's root); None removes it."""
    return {"type": "save", "key": key, "document": document}


def set_aside(key: str, backup: str) -> dict:
    """Move the raw text stored under `key` (in the widget's root) to `backup` (under BACKUP_PREFIX)."""
    return {"type": "set-aside", "key": key, "backup": backup}


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


def drop_query(*names: str) -> dict:
    """Remove these parameters from the page's address (without a reload or a history entry),
    e.g. a preselection that has been applied, so a reload does not apply it again."""
    return {"type": "drop-query", "names": list(names)}


# Events the bridge itself sends, besides the user's input/change/click/submit.
EVENT_FILE = "file"                        # {"name", "id", "file": {"name", "size", "text"} or {..., "error"}}
FILE_TOO_LARGE = "too-large"               # the file's "error" when it is over the input's data-max-bytes
FILE_UNREADABLE = "unreadable"             # the file's "error" when the browser could not read it
EVENT_SAVE_FAILED = "save-failed"          # storage refused a save (full, blocked): {"key", "reason"}
EVENT_STORED_ELSEWHERE = "stored-elsewhere"  # another tab changed the widget's root: {"stored": Stored}
