"""Helpers for the browser tests and the benchmark."""

from playwright.sync_api import Page

READY = '[data-widget][data-state="ready"]'
# Cold start (download and start Pyodide) on a slow 2-core machine stays well under this.
START_TIMEOUT_MS = 60_000


def wait_ready(page: Page) -> None:
    page.wait_for_selector(READY, timeout=START_TIMEOUT_MS)
