"""The site served from a sub-path, as on an intranet: tools, instant navigation and search all work."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import wait_ready
from tests.support.server import free_port, serve
from tests.support.site import build_site

pytestmark = pytest.mark.browser

SUB_PATH = "hjemmearbejde/"

# Material closes the search 125 ms after each change of address (a delay on its location$); this
# flag turns true only after that close, since a timer set later with the same delay runs later.
SEARCH_CLOSED_AFTER_MOVING = """() => location$.subscribe(() => {
    window.__searchClosed = false;
    setTimeout(() => { window.__searchClosed = true; }, 125);
})"""


@pytest.fixture(scope="module")
def sub_path_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("host")
    port = free_port()
    url = f"http://127.0.0.1:{port}/{SUB_PATH}"
    result = build_site(root / SUB_PATH.rstrip("/"), url)
    assert result.returncode == 0, result.stderr
    with serve(root, port=port):
        yield url


def test_a_tool_search_and_instant_navigation_work_under_a_sub_path(open_context, sub_path_url):
    context, watch = open_context()
    page = context.new_page()
    page.goto(sub_path_url + "vaerktoejer/opgavefinder/?opgaver=bogholderi")
    wait_ready(page)
    expect(page.locator("#hj-opgaver-result")).to_contain_text("Kan løses hjemme (1)")
    assert page.url == sub_path_url + "vaerktoejer/opgavefinder/"

    # Instant navigation to another tool page: the worker lives on, the widget mounts.
    page.evaluate(SEARCH_CLOSED_AFTER_MOVING)
    page.locator('nav a[href$="tjekliste-kom-godt-i-gang/"]').first.click()
    page.wait_for_url(sub_path_url + "vaerktoejer/tjekliste-kom-godt-i-gang/")
    wait_ready(page)

    page.wait_for_function("() => window.__searchClosed")  # a reader cannot be quicker than that
    page.locator(".md-search__input").click()  # opens the search, wherever the focus was
    page.keyboard.type("skærmregler", delay=20)  # Material searches on keyup
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith(sub_path_url) for link in links)
    assert watch.errors == [] and watch.foreign_requests() == []
    assert all(r.startswith(sub_path_url) for r in watch.requests if r.startswith("http"))
