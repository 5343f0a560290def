"""Browser fixtures: the built site served on 127.0.0.1, driven in Debian's headless Chromium."""

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


def _watched_context(browser, **options):
    # The site's service worker is kept out unless a test asks for it (service_workers="allow"):
    # it would answer requests that tests route, and fill the cache in the background.
    context = browser.new_context(**{"locale": "da-DK", "service_workers": "block", **options})
    watch = Watch()
    # Every page carries the site's Content-Security-Policy: a violation is an error like any other.
    context.add_init_script("""document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`));""")
    context.on("request", lambda request: watch.requests.append(request.url))
    context.on("weberror", lambda error: watch.errors.append(f"pageerror: {error.error}"))
    context.on("console", lambda msg: msg.type == "error" and watch.errors.append(msg.text))
    return context, watch


@pytest.fixture
def open_context(browser):
    """Open a fresh browser context (options as for `browser.new_context`): an empty profile,
    cache included, watched and closed after the test. For tests that need their own options."""
    contexts = []

    def open_(**options):
        context, watch = _watched_context(browser, **options)
        contexts.append(context)
        return context, watch

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def _shared_context(browser):
    context, watch = _watched_context(browser)
    yield context, watch
    context.close()


@pytest.fixture
def page_and_watch(_shared_context, site_url) -> tuple[Page, Watch]:
    """A new tab in one context shared by the tests that need no options of their own: the
    browser's cache stays warm, as for a returning reader. Storage is emptied after each test."""
    context, watch = _shared_context
    watch.requests.clear()
    watch.errors.clear()
    page = context.new_page()
    yield page, watch
    page.close()
    cleaner = context.new_page()
    cleaner.goto(site_url + "404.html")
    cleaner.evaluate("localStorage.clear()")
    cleaner.close()
