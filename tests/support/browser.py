"""Helpers for the browser tests and the benchmark: launching Debian's headless Chromium, waiting for widgets."""

import os
import shutil
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

READY = '[data-widget][data-state="ready"]'
# Cold start (download and start Pyodide) on a slow 2-core machine stays well under this.
START_TIMEOUT_MS = 60_000

# Playwright's own browser download cannot work on our machines: use Debian's headless
# Chromium (chromium-headless-shell), without the background services that would try to
# reach the network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium-headless-shell")
    if not path:
        raise RuntimeError("Debian's chromium-headless-shell is missing: `make test` installs it with apt.")
    return path


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


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


def exported_text(page: Page, action: str = "export-json") -> str:
    """Press a tool's export button (`data-action`) and return the downloaded file's text.
    The page's context must accept downloads."""
    with page.expect_download() as info:
        page.locator(f'[data-action="{action}"]').click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def pick_file(page: Page, field: str, name: str, content: str | bytes, mime: str = "application/json") -> None:
    """Give the file field `field` (a selector) a file, as if the user had picked it."""
    buffer = content.encode() if isinstance(content, str) else content
    page.locator(field).set_input_files(files=[{"name": name, "mimeType": mime, "buffer": buffer}])


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now. axe is evaluated through the DevTools
    protocol, which the page's Content-Security-Policy does not govern (a <script> tag would be refused)."""
    # On a settled page: a colour or opacity caught mid-transition (e.g. Material's back-to-top
    # button fading in) measures as a contrast it never keeps.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


HTMLCS = Path(__file__).resolve().parents[2] / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"


def htmlcs_errors(page: Page) -> list[dict]:
    """HTML_CodeSniffer's errors at WCAG 2 AA (the engine pa11y runs) on the page as it is now,
    evaluated like axe, through the DevTools protocol. Warnings and notices are left to people."""
    if not page.evaluate("typeof HTMLCS !== 'undefined'"):
        page.evaluate(HTMLCS.read_text(encoding="utf-8"))
    return page.evaluate("""() => new Promise((resolve) => HTMLCS.process('WCAG2AA', document, () => resolve(
        HTMLCS.getMessages().filter((m) => m.type === HTMLCS.ERROR).map((m) => ({
            code: m.code, message: m.msg, html: (m.element.outerHTML || '').slice(0, 160)})))))""")
