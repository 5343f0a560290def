"""The registry of widgets: the name a page uses -> the module that implements it.

Modules are imported on first use, so starting the runtime imports nothing
a page does not need.
"""

from importlib import import_module
from types import ModuleType

_MODULES = {
    "agreement": "tools.widgets.agreement",
    "checklist": "tools.widgets.checklist",
    "screen-rules": "tools.widgets.screen_rules",
    "stored-data": "tools.widgets.stored_data",
    "task-finder": "tools.widgets.task_finder",
}


class UnknownWidget(LookupError):
    pass


def get(name: str) -> ModuleType:
    try:
        module_name = _MODULES[name]
    except KeyError:
        raise UnknownWidget(f"Ukendt værktøj {name!r}. Kendte: {', '.join(sorted(_MODULES))}") from None
    return import_module(module_name)


def names() -> list[str]:
    return sorted(_MODULES)
