"""mkdocs-macros entry point: the variables and widgets pages can use.

Thin on purpose: every widget's data and HTML come from `tools/`.
"""

from tools import checklists, runtime


def define_env(env):
    @env.macro
    def widget(name: str, **config) -> str:
        """Render a widget's complete static HTML, e.g. {{ widget("checklist", checklist="kom-godt-i-gang") }}."""
        return runtime.render_static(name, config)

    @env.macro
    def checklist(checklist_id: str):
        """A checklist's data, for page text that quotes it (title, source, number of items)."""
        return checklists.load(checklist_id)
