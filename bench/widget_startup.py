"""Start-up benchmark: the site's tools against Pyodide loaded the naive way.

Builds the site, serves it on 127.0.0.1 (precompressed files included, as the
README asks of a host) and, in Debian's headless Chromium, measures medians over several
runs, on loopback and on an emulated real link (20 Mbit/s down, 40 ms round trip):

- widget ready, cold (a new, empty profile) and warm (a second visit: a new tab
  in the same profile), from the start of navigation
- bytes over the wire for a cold tool page: of the requests made until ready (workers
  included), and once the service worker has kept its offline copy; and for a plain page
- ready after an instant navigation to another tool page (the worker lives on), from a
  guidance page the reader has stayed on for a couple of seconds: with the pointer resting on the
  link a moment before the click, as a reader's does, and clicked the moment the pointer arrives
- a click to updated HTML (95th percentile of 20 clicks)
- main-thread long tasks (over 50 ms) until ready: the longest one, and the total
  blocking time beyond 50 ms each; and the longest time the runtime's own scripts (the
  bridge, the morphing library; on the naive page, its script) took in one long frame
  (Long Animation Frames), since the theme's script is a long task of its own

The same figures come from a bare page on the same server that loads Pyodide on
the main thread and calls the same Python. Each figure is printed beside the
baseline, the ratio and the issue's target. Figures, not a test: they depend on
the machine.

Usage: python bench/widget_startup.py [--runs N] [--conditions loopback,link]
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Error as PlaywrightError, sync_playwright  # noqa: E402

from hooks.widget_runtime import read_manifest  # noqa: E402
from tests.support.browser import launch_chromium, wait_ready  # noqa: E402
from tests.support.server import free_port, serve  # noqa: E402
from tests.support.site import build_site  # noqa: E402
from tools import widgets  # noqa: E402

WIDGET_PAGE = "vaerktoejer/tjekliste-kom-godt-i-gang/"
OTHER_TOOL_PAGE = "vaerktoejer/tjekliste-evaluering/"
PLAIN_PAGE = "kom-godt-i-gang/"
NAIVE_PAGE = "bench-naive/"
FIRST_ITEM = "hj-kom-godt-i-gang-find-opgaverne"
CLICKS = 20
# How long the reader stays on a guidance page before going on to the next tool: a reader does not
# click the moment a page has arrived, and by the time they do, the worker and the page's scripts
# have been idle a while.
READING_MS = 2000
# How long the pointer rests on the link before the click: readers point before they click (instant.page
# reports that a pointer which has rested 65 ms on a link goes on to click it one time in two).
POINTING_MS = 200

# Chromium's network emulation (DevTools protocol): bytes per second and milliseconds.
CONDITIONS = {
    "loopback": None,
    "link": {"offline": False, "latency": 40, "downloadThroughput": 20_000_000 / 8,
             "uploadThroughput": 5_000_000 / 8},
}
LABELS = {"loopback": "127.0.0.1 (loopback)", "link": "emulated link: 20 Mbit/s, 40 ms"}

# Recorded in every page from its start: long tasks, and when a widget became ready.
PROBE = """
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({type: "longtask", buffered: true});
window.__frames = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__frames.push(
  [e.startTime, e.scripts.map((s) => [s.sourceURL, s.duration])]); })
  .observe({type: "long-animation-frame", buffered: true});
window.__readyAt = null;
new MutationObserver(() => {
  if (window.__readyAt === null && document.querySelector('[data-widget][data-state="ready"]')) window.__readyAt = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"]});
"""

# The runtime's scripts: the site's own under assets/ (the theme's are under assets/javascripts/),
# and on the naive page its inline script, whose source is the page itself.
LONG_TASKS_UNTIL_READY = """(naive) => {
  const tasks = window.__longTasks.filter(([start]) => start <= window.__readyAt).map(([, d]) => d);
  const runtime = (url) => /[/]assets[/](hjemmearbejde|vendor)[/]/.test(url) || (naive && url === location.href);
  const frames = window.__frames.filter(([start]) => start <= window.__readyAt)
    .map(([, scripts]) => scripts.filter(([url]) => runtime(url)).reduce((sum, [, d]) => sum + d, 0));
  return {longest: Math.max(0, ...tasks), blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
          runtime: Math.max(0, ...frames)};
}"""

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
const manifest = {manifest};
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

# (label, key, target as a fraction of the naive figure, or an absolute limit with its unit)
FIGURES = [
    ("widget ready, cold (ms)", "ready_cold_ms", ("×", 0.25)),
    ("widget ready, warm (ms)", "ready_warm_ms", ("×", 0.2)),
    ("bytes until ready (cold)", "bytes_cold", None),
    ("bytes with the offline copy", "bytes_with_offline_copy", None),
    ("ready after instant nav (ms)", "instant_nav_ms", ("≤", 100)),
    ("  … clicked without pointing (ms)", "instant_nav_at_once_ms", None),
    ("click to update, p95 (ms)", "click_p95_ms", ("≤", 16)),
    ("longest main-thread task (ms)", "longest_task_ms", None),
    ("blocking beyond 50 ms (ms)", "blocking_ms", None),
    ("runtime's scripts in a long frame (ms)", "runtime_task_ms", ("≤", 50)),
]
LINK_TARGETS = {"ready_cold_ms": ("×", 0.6), "bytes_cold": ("≤", 8_000_000)}


def write_naive_page(site: Path) -> None:
    widget = widgets.get("checklist")
    state = widget.start({"checklist": "kom-godt-i-gang"})
    page = site / NAIVE_PAGE / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    manifest = json.dumps(read_manifest(site / "assets/hjemmearbejde/worker.js"))
    page.write_text(NAIVE_HTML.format(static=widget.render(state), state=json.dumps(state), manifest=manifest),
                    encoding="utf-8")


class Transfer:
    """Bytes received by a context over the wire (compressed bodies and headers), workers included."""

    def __init__(self, context):
        self.requests = []  # (started, epoch ms; bytes)
        context.on("requestfinished", self._add)

    def _add(self, request):
        try:
            sizes = request.sizes()
        except PlaywrightError:  # it finished as its context closed: after the figures were taken
            return
        self.requests.append((request.timing["startTime"], sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    @property
    def total(self) -> int:
        return sum(size for _, size in self.requests)

    def started_before(self, epoch_ms: float) -> int:
        """The bytes of the requests made before that moment (e.g. the widget was ready), whenever they ended."""
        return sum(size for started, size in self.requests if started <= epoch_ms)


def open_tab(context, url: str, network: dict | None):
    page = context.new_page()
    if network:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", network)
    page.goto(url)
    wait_ready(page)
    page.wait_for_function("() => window.__readyAt !== null")
    return page


def measure(browser, base: str, page_path: str, network: dict | None, site_design: bool) -> dict:
    context = browser.new_context()
    context.add_init_script(PROBE)
    transfer = Transfer(context)
    page = open_tab(context, base + page_path, network)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2000)  # the service worker's offline copy, in the background
    tasks = page.evaluate(LONG_TASKS_UNTIL_READY, not site_design)
    ready_at = page.evaluate("performance.timeOrigin + window.__readyAt")
    figures = {"ready_cold_ms": page.evaluate("window.__readyAt"), "bytes_cold": transfer.started_before(ready_at),
               "bytes_with_offline_copy": transfer.total,
               "longest_task_ms": tasks["longest"], "blocking_ms": tasks["blocking"],
               "runtime_task_ms": tasks["runtime"]}
    clicks = sorted(page.evaluate(CLICK_TO_UPDATE, FIRST_ITEM) for _ in range(CLICKS))
    figures["click_p95_ms"] = clicks[int(0.95 * (len(clicks) - 1))]
    if site_design:
        # Clicked at once first: the second visit to a tool page finds Python's code for it warm.
        figures["instant_nav_at_once_ms"] = instant_navigation(page, 0)
        figures["instant_nav_ms"] = instant_navigation(page, POINTING_MS)
    page.close()
    warm = open_tab(context, base + page_path, network)  # a second visit: a new tab, same profile
    figures["ready_warm_ms"] = warm.evaluate("window.__readyAt")
    context.close()
    return figures


def instant_navigation(page, pointing_ms: int) -> float:
    """From a tool page to the guidance page, a while there, then on to another tool page: the time from
    the click to that tool being ready."""
    page.locator(f'.md-nav a[href$="{PLAIN_PAGE}"]').first.click()
    page.wait_for_url(f"**/{PLAIN_PAGE}")
    page.wait_for_timeout(READING_MS)  # the reader reads a while; the worker idles meanwhile
    # From the click's own event (Playwright's checks before it clicks are not the site's time).
    page.evaluate("""() => { window.__readyAt = null; window.__clickedAt = null;
      document.addEventListener("click", (e) => { window.__clickedAt = e.timeStamp; }, {capture: true, once: true}); }""")
    link = page.locator(f'.md-nav a[href$="{OTHER_TOOL_PAGE}"]').first
    if pointing_ms:
        link.hover()
        page.wait_for_timeout(pointing_ms)
    link.click()
    page.wait_for_function("() => window.__readyAt !== null")
    return page.evaluate("window.__readyAt - window.__clickedAt")


def plain_page_bytes(browser, url: str) -> int:
    """The page alone: the offline copy the service worker then keeps is not counted here."""
    context = browser.new_context(service_workers="block")
    transfer = Transfer(context)
    context.new_page().goto(url, wait_until="networkidle")
    context.close()
    return transfer.total


def median(rows: list[dict], key: str):
    values = [row[key] for row in rows if row.get(key) is not None]
    return statistics.median(values) if values else None


def verdict(ours, naive, target) -> str:
    if target is None or ours is None:
        return ""
    kind, limit = target
    if kind == "×":
        if not naive:
            return ""
        return f"≤ {limit}× naive: {'met' if ours <= limit * naive else 'NOT met'}"
    return f"≤ {_fmt(limit)}: {'met' if ours <= limit else 'NOT met'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--conditions", default="loopback,link")
    args = parser.parse_args()
    conditions = args.conditions.split(",")

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        port = free_port()
        result = build_site(site, f"http://127.0.0.1:{port}/")
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        write_naive_page(site)
        rows = {}
        with serve(site, port=port) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            version = browser.version
            plain = statistics.median(plain_page_bytes(browser, base + PLAIN_PAGE) for _ in range(3))
            for condition in conditions:
                ours, naive = [], []
                for run in range(args.runs):
                    print(f"{condition}: run {run + 1}/{args.runs} …", file=sys.stderr)
                    ours.append(measure(browser, base, WIDGET_PAGE, CONDITIONS[condition], site_design=True))
                    naive.append(measure(browser, base, NAIVE_PAGE, CONDITIONS[condition], site_design=False))
                rows[condition] = (ours, naive)
            browser.close()

    print(f"\nMedians of {args.runs} runs: Chromium {version}, {platform.machine()}, "
          f"{os.cpu_count()} cores; the built site on 127.0.0.1, precompressed files served as brotli.")
    for condition in conditions:
        ours, naive = rows[condition]
        print(f"\n{LABELS[condition]}\n")
        print(f"{'figure':32} {'site':>12} {'naive':>12} {'site/naive':>11}   target")
        for label, key, target in FIGURES:
            if condition == "link":
                target = LINK_TARGETS.get(key, target)
            a, b = median(ours, key), median(naive, key)
            ratio = f"{a / b:.2f}×" if a is not None and b else "–"
            print(f"{label:32} {_fmt(a):>12} {_fmt(b):>12} {ratio:>11}   {verdict(a, b, target)}")
    print(f"\nbytes, plain page (cold): {_fmt(plain)} (no runtime file; the service worker's offline copy"
          " of the pages follows in the background)")


def _fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}".replace(",", " ")


if __name__ == "__main__":
    main()
