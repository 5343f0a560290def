"""Browser fixtures: the built site served on 127.0.0.1, driven in Debian's chromium."""

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.support.browser import launch_chromium
from tests.support.server import serve


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site.path, port=urlparse(built_site.url).port) as url:
        assert url == built_site.url
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except RuntimeError as error:
            pytest.fail(str(error), pytrace=False)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a browser context did: every request (workers included) and console errors."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).scheme not in ("data", "blob")
                and urlparse(u).hostname != "127.0.0.1"]


@pytest.fixture
def open_context(browser):
    """Open a browser context (options as for `browser.new_context`), watched and closed after the test."""
    contexts = []

    def open_(**options):
        context = browser.new_context(**{"locale": "da-DK", **options})
        watch = Watch()
        context.on("request", lambda request: watch.requests.append(request.url))
        context.on("weberror", lambda error: watch.errors.append(f"pageerror: {error.error}"))
        context.on("console", lambda msg: msg.type == "error" and watch.errors.append(msg.text))
        contexts.append(context)
        return context, watch

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page_and_watch(open_context) -> tuple[Page, Watch]:
    context, watch = open_context()
    return context.new_page(), watch
