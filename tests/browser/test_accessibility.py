"""axe-core on every built page in both colour schemes, and HTML_CodeSniffer (WCAG 2 AA, the engine
pa11y runs) on every page; both self-hosted from node_modules.

One browser tab walks the site by instant navigation, as a reader would, so the
widget runtime starts once; every page is checked live (widgets ready), first in
the light scheme and then in the dark one.
"""

from pathlib import Path

import pytest

from tests.support.browser import axe_violations, htmlcs_errors, wait_ready

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}

# What HTML_CodeSniffer reports in Material's own markup and is not a failure; the accessibility
# statement (docs/om/tilgaengelighed.md, "Det har vi testet") says why. Nothing else is allowed.
HTMLCS_NOT_FAILURES = {
    # 3.2.2 "a form without a submit button": the colour-scheme switch and the search change no
    # context when used (they restyle the page or list results), which is what 3.2.2 is about.
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", '<form class="md-header__option" data-md-component="palette">'),
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", '<form class="md-search__form" name="search">'),
    # The table-of-contents switch on a page without headings: display:none, so no one meets it.
    ("WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name",
     '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'),
    ("WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'),
}


def htmlcs_problems(page, where: str) -> list[str]:
    return [f"{where}: HTML_CodeSniffer {e['code']}: {e['message']} {e['html']}" for e in htmlcs_errors(page)
            if not any(e["code"] == code and e["html"].startswith(html) for code, html in HTMLCS_NOT_FAILURES)]


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


def test_every_page_has_no_axe_violations_in_either_colour_scheme_nor_html_codesniffer_errors(
        open_context, built_site, site_url):
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
        problems += violations_in_both_schemes(page, str(built_page)) + htmlcs_problems(page, str(built_page))
    page.goto(site_url + "404.html")  # not reachable by a link
    problems += violations_in_both_schemes(page, "404.html") + htmlcs_problems(page, "404.html")
    assert not problems, "\n".join(problems)
    assert watch.errors == []
    assert watch.foreign_requests() == []
