"""Helpers for the browser tests and the benchmark: launching Debian's chromium, waiting for widgets."""

import os
import shutil
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

READY = '[data-widget][data-state="ready"]'
# Cold start (download and start Pyodide) on a slow 2-core machine stays well under this.
START_TIMEOUT_MS = 60_000

# Playwright's own browser download cannot work on our machines: use the system
# chromium, without the background services that would try to reach the network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def launch_chromium(playwright: Playwright) -> Browser:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        raise RuntimeError("Debian's chromium is missing: `make test` installs it with apt.")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


def wait_ready(page: Page) -> None:
    page.wait_for_selector(READY, timeout=START_TIMEOUT_MS)


def printed_text(page: Page) -> str:
    """The page printed on A4 (print media), read back from the PDF as text with whitespace collapsed."""
    import io
    import re

    from pypdf import PdfReader

    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now. axe is evaluated through the DevTools
    protocol, which the page's Content-Security-Policy does not govern (a <script> tag would be refused)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
