"""mkdocs-macros entry point: the variables and widgets pages can use.

Thin on purpose: every widget's data and HTML come from `tools/`.
"""

import posixpath

from tools import checklists, runtime
from tools.html import escape
from hooks.organisation import profile_or_stop
from tools import dates, task_assessment
from tools.widgets import checklist as checklist_widget
from tools.widgets import agreement, task_finder


def define_env(env):
    profile = profile_or_stop()
    # The organisation's profile, or None: pages write {% if organisation %}…{% endif %}.
    env.variables["organisation"] = profile

    @env.macro
    def widget(name: str, **config) -> str:
        """Render a widget's complete static HTML, e.g. {{ widget("checklist", checklist="kom-godt-i-gang") }}."""
        return runtime.render_static(name, config)

    @env.macro
    def checklist(checklist_id: str):
        """A checklist's data, for page text that quotes it (title, source, number of items)."""
        return checklists.load(checklist_id)

    @env.macro
    def checklist_list(checklist_id: str, heading_level: int = 3, sections: list[str] | None = None,
                       items: list[str] | None = None) -> str:
        """A checklist's sections and points (all, or those named) as plain HTML, where a guidance page quotes it."""
        return checklist_widget.quote(checklist_id, heading_level, sections, items)

    @env.macro
    def open_data_table() -> str:
        """The open-data files the build publishes (hooks/open_data.py), linked from the current page."""
        to_root = posixpath.relpath(".", env.page.url or ".") if env.page.url else "."
        rows = []
        for checklist_id in checklists.available():
            data = checklists.load(checklist_id)
            href = f"{to_root}/data/tjeklister/{checklist_id}.json"
            rows.append(f'<tr><td><a href="{escape(href)}">data/tjeklister/{checklist_id}.json</a></td>'
                        f"<td>{escape(data.title)}</td><td>{len(data.items)}</td><td>{escape(data.source)}</td></tr>")
        return ('<table><thead><tr><th scope="col">Fil</th><th scope="col">Tjekliste</th>'
                '<th scope="col">Punkter</th><th scope="col">Kilde</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>')

    @env.macro
    def finder_rules() -> str:
        """The task finder's questions, what each answer does, and their sources."""
        return task_finder.rules_table()

    @env.macro
    def finder_situation() -> str:
        """The questions about the person and the situation, with the advice each gives."""
        return task_finder.situation_table()

    @env.macro
    def finder_task_ids() -> str:
        """The catalogue's task ids, for links that preselect tasks."""
        return task_finder.task_ids_table()

    @env.macro
    def finder():
        """The finder's constants and catalogue, for page text that states them."""
        return {"assessment": task_assessment, "tasks": len(task_finder.load().tasks)}

    @env.macro
    def agreement_fields():
        """The agreement's fields (title, intro, source), for the page text around the tool."""
        return agreement.fields()

    @env.macro
    def organisation_terms():
        """The profile's local rules for the agreement widget's config, or None."""
        return {"name": profile.name, "terms": profile.terms()} if profile else None

    @env.macro
    def local_rules() -> str:
        """The organisation's own rules, contact and policies as a box; nothing without a profile."""
        if not profile:
            return ""
        parts = [f'<div class="admonition info hj-organisation"><p class="admonition-title">'
                 f'Sådan gør vi hos {escape(profile.name)}</p>']
        if profile.rules:
            parts.append("<dl>" + "".join(f"<dt>{escape(h)}</dt><dd>{escape(t)}</dd>" for h, t in profile.terms())
                         + "</dl>")
        parts.append(f"<p>{contact_sentence()}</p>")
        if profile.policies:
            text = escape(profile.policies["text"])
            url = profile.policies.get("url")
            parts.append(f'<p>Læs mere: <a href="{escape(url)}">{text}</a>.</p>' if url else f"<p>Læs mere: {text}.</p>")
        parts.append("</div>")
        return "".join(parts)

    @env.macro
    def contact_sentence() -> str:
        """Who to contact about home work at the organisation, as HTML; empty without a profile."""
        if not profile:
            return ""
        contact = profile.contact
        ways = [f'<a href="mailto:{escape(contact["email"])}">{escape(contact["email"])}</a>' if "email" in contact else "",
                f'telefon {escape(contact["phone"])}' if "phone" in contact else ""]
        ways = [w for w in ways if w]
        return (f"Har du spørgsmål om hjemmearbejde hos {escape(profile.name)}, så kontakt {escape(contact['name'])}"
                + (f" ({', '.join(ways)})" if ways else "") + ".")

    @env.macro
    def long_date(value) -> str:
        """A date in Danish, e.g. 1. oktober 2026."""
        return dates.long_date(value)

    @env.macro
    def site_file(path: str) -> str:
        """A link target for a file the build writes outside docs/ (data/…), relative to the current page."""
        return posixpath.relpath(path, env.page.url or ".") if env.page.url else path
