"""axe-core (self-hosted from node_modules) on every built page, in both colour schemes."""

from pathlib import Path

import pytest

from tests.support.browser import wait_ready

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}


def page_url(site_url: str, page: Path) -> str:
    path = page.as_posix()
    return site_url + (path[: -len("index.html")] if path.endswith("index.html") else path)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_axe_violations(open_context, built_site, site_url, scheme):
    context, watch = open_context(color_scheme=scheme)
    page = context.new_page()
    problems = []
    for built_page in built_site.pages():
        page.goto(page_url(site_url, built_page))
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        if page.locator("[data-widget]").count():
            wait_ready(page)  # check the live widget, not only its static HTML
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        for violation in violations:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{built_page}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    assert not problems, "\n".join(problems)
    assert watch.errors == []
    assert watch.foreign_requests() == []
