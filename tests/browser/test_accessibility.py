"""axe-core (self-hosted from node_modules) on every built page, in both colour schemes.

One browser tab walks the site by instant navigation, as a reader would, so the
widget runtime starts once; every page is checked live (widgets ready), first in
the light scheme and then in the dark one.
"""

from pathlib import Path

import pytest

from tests.support.browser import axe_violations, wait_ready

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}


def page_url(site_url: str, page: Path) -> str:
    path = page.as_posix()
    return site_url + (path[: -len("index.html")] if path.endswith("index.html") else path)


def navigate_instantly(page, url: str) -> None:
    """Follow a link to `url` the way a reader does: Material swaps the page in, the tab lives on."""
    page.evaluate("""url => {
        window.__arrived = null;
        const link = Object.assign(document.createElement('a'), {href: url});
        document.querySelector('.md-content').append(link);
        link.click();
    }""", url)
    page.wait_for_function("url => window.__arrived === url", arg=url)


# Colours fade when the scheme flips; axe must read the final ones, not a frame in between.
# A constructed style sheet, since the page's policy refuses inline <style>.
NO_TRANSITIONS = """() => {
    if (document.__noTransitions) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('*, *::before, *::after { transition: none !important; animation: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.__noTransitions = true;
}"""


def violations_in_both_schemes(page, where: str) -> list[str]:
    problems = []
    page.evaluate(NO_TRANSITIONS)
    for scheme, attribute in SCHEMES.items():
        page.evaluate("value => document.body.setAttribute('data-md-color-scheme', value)", attribute)
        for violation in axe_violations(page):
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{where} ({scheme}): {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return problems


def test_every_page_has_no_axe_violations_in_either_colour_scheme(open_context, built_site, site_url):
    context, watch = open_context()
    page = context.new_page()
    pages = [p for p in built_site.pages() if p.as_posix() != "404.html"]
    page.goto(page_url(site_url, pages[0]))
    page.evaluate("document$.subscribe(() => { window.__arrived = location.href; })")
    problems = []
    for built_page in pages:
        url = page_url(site_url, built_page)
        if page.url != url:
            navigate_instantly(page, url)
        if page.locator("[data-widget]").count():
            wait_ready(page)  # check the live widget, not only its static HTML
        problems += violations_in_both_schemes(page, str(built_page))
    page.goto(site_url + "404.html")  # not reachable by a link
    problems += violations_in_both_schemes(page, "404.html")
    assert not problems, "\n".join(problems)
    assert watch.errors == []
    assert watch.foreign_requests() == []
