"""Start-up benchmark: the worker design against Pyodide loaded the naive way.

Builds the site, serves it on 127.0.0.1 and, in Debian's chromium, measures
medians over several runs:

- widget ready, cold (empty cache) and warm (reload in the same browser context)
- remount after an instant navigation away and back (worker design only)
- click-to-update: a checkbox click until the count shows the change
- main-thread blocking: total blocking time (long tasks beyond 50 ms) until ready
- bytes transferred for a plain page and for the widget page, cold

The same figures come from a bare page on the same server that loads Pyodide
on the main thread and calls the same Python, and the ratios are printed.
Figures, not a test: they depend on the machine.

Usage: python bench/widget_startup.py [--runs N]
"""

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import launch_chromium, wait_ready  # noqa: E402
from tests.support.server import free_port, serve  # noqa: E402
from tests.support.site import build_site  # noqa: E402
from tools import widgets  # noqa: E402

WIDGET_PAGE = "vaerktoejer/tjekliste-kom-godt-i-gang/"
PLAIN_PAGE = "kom-godt-i-gang/"
NAIVE_PAGE = "bench-naive/"
FIRST_ITEM = "hj-kom-godt-i-gang-find-opgaverne"

# Recorded in every page from its start: long tasks, and when a widget became ready.
PROBE = """
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({type: "longtask", buffered: true});
window.__readyAt = null;
new MutationObserver(() => {
  if (window.__readyAt === null && document.querySelector('[data-widget][data-state="ready"]')) window.__readyAt = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"]});
"""

BLOCKING_UNTIL_READY = """() => window.__longTasks
  .filter(([start]) => start <= window.__readyAt)
  .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0)"""

CLICK_TO_UPDATE = """async (id) => {
  const count = document.querySelector(".hj-checklist__count");
  const before = count.textContent;
  const start = performance.now();
  const changed = new Promise((resolve) => new MutationObserver((_, observer) => {
    if (document.querySelector(".hj-checklist__count").textContent !== before) { observer.disconnect(); resolve(); }
  }).observe(document.querySelector(".hj-widget__body"), {subtree: true, childList: true, characterData: true}));
  document.getElementById(id).click();
  await changed;
  return performance.now() - start;
}"""

# The naive way: Pyodide on the main thread, the same wheel and the same Python.
NAIVE_HTML = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Naiv indlæsning</title></head>
<body>
<div data-widget="checklist" data-state="loading"><div class="hj-widget__body">{static}</div></div>
<script type="module">
const manifest = await (await fetch("../assets/hjemmearbejde/runtime.json")).json();
const base = new URL("../assets/hjemmearbejde/", location.href);
const {{ loadPyodide }} = await import(new URL(manifest.pyodide + "pyodide.mjs", base).href);
const pyodide = await loadPyodide({{ indexURL: new URL(manifest.pyodide, base).href }});
await pyodide.loadPackage(new URL(manifest.wheel, base).href, {{ messageCallback: () => {{}} }});
const handle = pyodide.pyimport("tools.runtime").handle_message;
const root = document.querySelector("[data-widget]");
const body = root.querySelector(".hj-widget__body");
let state = {state};
const call = (request) => {{ const answer = JSON.parse(handle(JSON.stringify(request))); state = answer.state; body.innerHTML = answer.html; }};
call({{ op: "mount", widget: "checklist", state, context: {{ storage: "ok", stored: null }} }});
root.addEventListener("change", (e) => call({{ op: "event", widget: "checklist", state,
  event: {{ type: "change", name: e.target.name, value: e.target.value, checked: e.target.checked }} }}));
root.dataset.state = "ready";
</script>
</body></html>
"""


def write_naive_page(site: Path) -> None:
    widget = widgets.get("checklist")
    state = widget.start({"checklist": "kom-godt-i-gang"})
    page = site / NAIVE_PAGE / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(NAIVE_HTML.format(static=widget.render(state), state=json.dumps(state)), encoding="utf-8")


class Transfer:
    """Bytes received by a context, workers included."""

    def __init__(self, context):
        self.total = 0
        context.on("requestfinished", self._add)

    def _add(self, request):
        sizes = request.sizes()
        self.total += sizes["responseBodySize"] + sizes["responseHeadersSize"]


def measure_widget_page(browser, url: str, instant_nav: bool) -> dict:
    context = browser.new_context()
    context.add_init_script(PROBE)
    transfer = Transfer(context)
    page = context.new_page()
    page.goto(url)
    wait_ready(page)
    page.wait_for_load_state("networkidle")
    figures = {"ready_cold_ms": page.evaluate("window.__readyAt"),
               "blocking_ms": page.evaluate(BLOCKING_UNTIL_READY),
               "bytes_widget_page": transfer.total,
               "click_ms": page.evaluate(CLICK_TO_UPDATE, FIRST_ITEM)}
    page.reload()
    wait_ready(page)
    figures["ready_warm_ms"] = page.evaluate("window.__readyAt")
    if instant_nav:
        page.locator(f'.md-nav a[href$="{PLAIN_PAGE}"]').first.click()
        page.wait_for_url(f"**/{PLAIN_PAGE}")
        page.evaluate("window.__readyAt = null; window.__clickedAt = performance.now()")
        page.locator(f'.md-content a[href$="{WIDGET_PAGE}"]').first.click()
        wait_ready(page)
        page.wait_for_function("window.__readyAt !== null")
        figures["remount_ms"] = page.evaluate("window.__readyAt - window.__clickedAt")
    context.close()
    return figures


def measure_plain_page(browser, url: str) -> int:
    context = browser.new_context()
    transfer = Transfer(context)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    context.close()
    return transfer.total


def median(rows: list[dict], key: str):
    values = [row[key] for row in rows if row.get(key) is not None]
    return statistics.median(values) if values else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        port = free_port()
        result = build_site(site, f"http://127.0.0.1:{port}/")
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        write_naive_page(site)
        with serve(site, port=port) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            version = browser.version
            worker_rows, naive_rows, plain = [], [], []
            for run in range(args.runs):
                print(f"run {run + 1}/{args.runs} …", file=sys.stderr)
                worker_rows.append(measure_widget_page(browser, base + WIDGET_PAGE, instant_nav=True))
                naive_rows.append(measure_widget_page(browser, base + NAIVE_PAGE, instant_nav=False))
                plain.append(measure_plain_page(browser, base + PLAIN_PAGE))
            browser.close()

    print(f"\nMedians of {args.runs} runs (Chromium {version}, site served on 127.0.0.1)\n")
    print(f"{'figure':34} {'worker (site)':>14} {'naive (main thread)':>20} {'naive/worker':>13}")
    rows = [("widget ready, cold (ms)", "ready_cold_ms"), ("widget ready, warm (ms)", "ready_warm_ms"),
            ("remount after instant nav (ms)", "remount_ms"), ("click to update (ms)", "click_ms"),
            ("main-thread blocking (ms)", "blocking_ms"), ("bytes, widget page (cold)", "bytes_widget_page")]
    for label, key in rows:
        ours, naive = median(worker_rows, key), median(naive_rows, key)
        ratio = f"{naive / ours:.1f}×" if ours and naive is not None else "–"
        print(f"{label:34} {_fmt(ours):>14} {_fmt(naive):>20} {ratio:>13}")
    print(f"{'bytes, plain page (cold)':34} {_fmt(statistics.median(plain)):>14}")
    blocking = median(worker_rows, "blocking_ms")
    verdict = "under" if blocking < 200 else "OVER"
    print(f"\nMain-thread blocking with the worker: {blocking:.0f} ms, {verdict} the 200 ms budget.")


def _fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}".replace(",", " ")


if __name__ == "__main__":
    main()
