"""The site offline: after one visit to a tool page, every page and every tool work with the
network off; a new build shows a banner and takes over when the reader asks."""

import time

import pytest
from playwright.sync_api import expect

from hooks.precompress import precompress
from tests.browser.test_accessibility import navigate_instantly
from tests.support.browser import wait_ready

pytestmark = pytest.mark.browser

KEPT = """async (ends) => {
    if (!navigator.serviceWorker.controller) return false;
    const name = (await caches.keys()).find((n) => n.startsWith('hjemmearbejde-'));
    if (!name) return false;
    const urls = (await (await caches.open(name)).keys()).map((r) => r.url);
    return ends.every((end) => urls.some((url) => url.endsWith(end)));
}"""


def wait_until_kept(page, ends, timeout_s=60):
    """Poll the service worker's cache (wait_for_function would take KEPT's promise as truthy)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(KEPT, ends):
        assert time.monotonic() < deadline, f"the service worker did not keep {ends}"
        page.wait_for_timeout(250)


def test_after_one_visit_to_a_tool_page_every_page_and_tool_works_offline(open_context, site_url):
    context, watch = open_context(service_workers="allow")
    page = context.new_page()
    page.goto(site_url + "vaerktoejer/tjekliste-kom-godt-i-gang/")
    wait_ready(page)
    page.evaluate("document$.subscribe(() => { window.__arrived = location.href; })")
    wait_until_kept(page, ["/regler/", "/search/search_index.json", "python.snapshot", "pyodide.asm.wasm", ".whl"])
    context.set_offline(True)
    try:
        navigate_instantly(page, site_url + "regler/")  # instant navigation
        expect(page.locator("h1")).to_be_visible()
        page.goto(site_url + "medarbejder/hjemmearbejdspladsen/")  # a page loaded anew
        expect(page.locator("h1")).to_be_visible()
        page.goto(site_url + "vaerktoejer/opgavefinder/?opgaver=bogholderi")  # another tool, with a link's query
        wait_ready(page)
        page.locator("#hj-opgaver-hours-bogholderi").fill("12")
        expect(page.locator("#hj-opgaver-result")).to_contain_text("12")
        page.reload()
        wait_ready(page)
        expect(page.locator("#hj-opgaver-hours-bogholderi")).to_have_value("12")
    finally:
        context.set_offline(False)
    assert [e for e in watch.errors if "ServiceWorker" not in e] == []


def test_a_second_visit_reads_the_runtime_from_the_offline_copy_without_a_request(open_context, site_url):
    """Python's worker reads the kept runtime straight from the cache, not through the service
    worker's fetch event, which was slower (see offlineCopyFirst in worker.js)."""
    context, watch = open_context(service_workers="allow")
    page = context.new_page()
    page.goto(site_url + "vaerktoejer/tjekliste-kom-godt-i-gang/")
    wait_ready(page)
    runtime = ["python.snapshot", "pyodide.asm.wasm", ".whl", "pyodide-lock.json", "empty-stdlib.zip"]
    wait_until_kept(page, runtime)
    page.close()
    watch.requests.clear()
    page = context.new_page()
    page.goto(site_url + "vaerktoejer/opgavefinder/?opgaver=bogholderi")
    wait_ready(page)
    page.locator("#hj-opgaver-hours-bogholderi").fill("12")
    expect(page.locator("#hj-opgaver-result")).to_contain_text("12")
    expect(page.locator("[data-widget]")).to_have_attribute("data-runtime", "snapshot")
    assert [u for u in watch.requests if u.endswith(tuple(runtime))] == []
    assert any(u.endswith("/worker.js") for u in watch.requests)  # the requests were watched
    assert [e for e in watch.errors if "ServiceWorker" not in e] == []


def test_once_the_runtime_is_kept_its_scripts_are_loaded_once_more_from_the_copy(open_context, site_url):
    """So that the browser keeps their compiled code for the next visit (COMPILE_ONLY in worker.js):
    the page starts worker.js once more, which loads Pyodide's two scripts through the service worker
    and stops. A second visit, the runtime being kept already, starts no such worker."""
    context, watch = open_context(service_workers="allow")
    from_copy = []
    context.on("response", lambda r: r.url.endswith(("/pyodide.asm.mjs", "/pyodide.mjs"))
               and r.from_service_worker and from_copy.append(r.url.rsplit("/", 1)[1]))
    started, stopped = [], []

    def watch_workers(page):
        def add(worker):
            if worker.url.endswith("/worker.js"):
                started.append(worker)
                worker.on("close", lambda closed: stopped.append(closed))
        page.on("worker", add)

    page = context.new_page()
    watch_workers(page)
    page.goto(site_url + "vaerktoejer/tjekliste-kom-godt-i-gang/")
    wait_ready(page)
    wait_until_kept(page, ["pyodide.asm.mjs", "pyodide.mjs", "python.snapshot"])
    deadline = time.monotonic() + 30
    while not (len(started) == 2 and started[1] in stopped):
        assert time.monotonic() < deadline, f"{len(started)} workers started, {len(stopped)} stopped"
        page.wait_for_timeout(100)
    assert sorted(from_copy) == ["pyodide.asm.mjs", "pyodide.mjs"]
    assert started[0] not in stopped  # Python's own worker lives on

    page.close()
    started.clear()
    page = context.new_page()
    watch_workers(page)
    page.goto(site_url + "vaerktoejer/tjekliste-evaluering/")
    wait_ready(page)
    page.wait_for_timeout(1500)  # time enough for the service worker to answer, had it kept anything
    assert len(started) == 1
    assert [e for e in watch.errors if "ServiceWorker" not in e] == []


def test_a_tool_page_whose_tool_cannot_start_still_keeps_the_pages_offline(open_context, site_url):
    """The offline copy waits for a starting tool, and a failed start ends that wait too."""
    context, watch = open_context(service_workers="allow")
    context.route("**/vendor/pyodide/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + "vaerktoejer/tjekliste-kom-godt-i-gang/")
    expect(page.locator("[data-widget]")).to_have_attribute("data-state", "error", timeout=60_000)
    wait_until_kept(page, ["/regler/", "/search/search_index.json"])


def test_a_new_build_shows_a_banner_and_takes_over_when_the_reader_asks(open_context, built_site, site_url):
    context, watch = open_context(service_workers="allow")
    page = context.new_page()
    page.goto(site_url + "regler/")
    page.evaluate("document$.subscribe(() => { window.__arrived = location.href; })")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    expect(page.locator(".hj-update")).to_have_count(0)
    service_worker = built_site.path / "sw.js"
    this_build = service_worker.read_text(encoding="utf-8")

    def build(text):  # as a build writes it: the file and its precompressed copies, which the server sends
        service_worker.write_text(text, encoding="utf-8")
        precompress([service_worker])

    try:
        build(this_build.replace('"version": "', '"version": "next-', 1))
        navigate_instantly(page, site_url + "medarbejder/")  # the page asks for a new build as it moves on
        banner = page.locator(".hj-update")
        expect(banner).to_contain_text("ny udgave", timeout=30_000)
        with page.expect_navigation():
            banner.get_by_role("button", name="Hent den nye udgave").click()
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator(".hj-update")).to_have_count(0)
        caches = page.evaluate("async () => (await caches.keys()).filter((n) => n.startsWith('hjemmearbejde-'))")
        assert len(caches) == 1 and caches[0].startswith("hjemmearbejde-next-")  # the old build's cache is gone
    finally:
        build(this_build)
    assert watch.errors == []
