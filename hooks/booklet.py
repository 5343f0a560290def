"""MkDocs hook: "Hele vejledningen", all the guidance on one page in reading order, to print as a booklet.

After the build, the content of every guidance page (the navigation's order;
not the front page, the tools, the consultants' page or "Om siden") is put into
the page `hele-vejledningen/` where it holds `<div id="hj-booklet">`. Headings
move one level down under the booklet's own title, ids get a prefix per page so
they stay unique, links are rebased to the booklet's address, and a tool is
replaced by a link to its page (the booklet is for reading and printing); the
cases' tag links, which are navigation, are left out.

Why not mkdocs-print-site-plugin: it writes an inline <style> and an inline
<script> into its page after the pages are built, which the site's strict
Content-Security-Policy (style-src 'self') refuses, and it would copy the tools'
widgets, ids and all, into one page. This hook is the smallest equivalent.
Runs before hooks/content_security_policy.py, so the policy covers the result.
"""

import posixpath
import re
from html import escape
from pathlib import Path

BOOKLET = "hele-vejledningen.md"
MARKER = '<div id="hj-booklet"></div>'
LEFT_OUT = ("index.md", "jobkonsulent.md", BOOKLET)
LEFT_OUT_DIRS = ("vaerktoejer/", "om/")

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
ID = re.compile(r'\bid="([^"]+)"')
HREF = re.compile(r'\b(href|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
HEADING = re.compile(r"<(/?)h([1-6])\b")
WIDGET = re.compile(r'<div class="hj-widget"[^>]*data-widget="([^"]+)"')
TAGS = re.compile(r'<nav class="md-tags"[^>]*>.*?</nav>', re.S)  # navigation, not content

_pages: list = []


def on_nav(nav, config, files, **kwargs):
    _pages[:] = [page for page in nav.pages
                 if page.file.src_uri not in LEFT_OUT and not page.file.src_uri.startswith(LEFT_OUT_DIRS)]
    return nav


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    booklet_url = "hele-vejledningen/"
    target = site / booklet_url / "index.html"
    if not target.is_file():
        return
    sections = []
    for n, page in enumerate(_pages, start=1):
        html = (site / page.url / "index.html").read_text(encoding="utf-8")
        article = ARTICLE.search(html)
        if article:
            sections.append(_section(article[1], f"s{n}", page.url, page.title, booklet_url))
    text = target.read_text(encoding="utf-8")
    body = '<div class="hj-booklet">' + "".join(sections) + "</div>"
    target.write_text(text.replace(MARKER, body, 1), encoding="utf-8")


def _section(content: str, prefix: str, page_url: str, title: str, booklet_url: str) -> str:
    content = TAGS.sub("", _without_widgets(content, title))
    ids = set(ID.findall(content))
    content = ID.sub(lambda m: f'id="{prefix}-{m[1]}"', content)

    def reference(match):
        name, value = match[1], match[2]
        if name != "href":  # id references, possibly several
            return f'{name}="' + " ".join(f"{prefix}-{v}" if v in ids else v for v in value.split()) + '"'
        if value.startswith("#"):
            return f'href="#{prefix}-{value[1:]}"' if value[1:] in ids else match[0]
        if re.match(r"^[a-z][a-z0-9+.-]*:", value) or value.startswith("/"):
            return match[0]  # another scheme (mailto:, https:) or already absolute
        return f'href="{_rebase(value, page_url, booklet_url)}"'

    content = HREF.sub(reference, content)
    content = HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", content)
    return f'<section class="hj-booklet__page" id="{prefix}">{content}</section>'


def _rebase(href: str, page_url: str, booklet_url: str) -> str:
    path, hash_, anchor = href.partition("#")
    if not path:
        return href
    absolute = posixpath.normpath(posixpath.join("/" + page_url, path))
    relative = posixpath.relpath(absolute, "/" + booklet_url)
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative + hash_ + anchor


def _without_widgets(content: str, title: str) -> str:
    """Each widget becomes a link to the page it lives on (./ here: rebased with the other links)."""
    while match := WIDGET.search(content):
        end = _closing_div(content, match.start())
        content = (content[:match.start()]
                   + f'<p class="hj-booklet__tool">Værktøjet her står på siden <a href="./">{escape(title)}</a>.</p>'
                   + content[end:])
    return content


def _closing_div(html: str, start: int) -> int:
    """The index just after the </div> that closes the <div> at `start`."""
    depth = 0
    for tag in re.finditer(r"<(/?)div\b[^>]*>", html[start:]):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return start + tag.end()
    raise ValueError("a widget's <div> is not closed")
