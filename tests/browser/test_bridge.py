"""The bridge in a real browser: start-up, events, persistence, navigation and failure."""

import re

import pytest
from playwright.sync_api import expect

from tools import checklists

from tests.support.browser import READY, START_TIMEOUT_MS, wait_ready

pytestmark = pytest.mark.browser

WIDGET_PAGE = "vaerktoejer/tjekliste-kom-godt-i-gang/"
PLAIN_PAGE = "kom-godt-i-gang/"
TOTAL = len(checklists.load("kom-godt-i-gang").item_ids)
FIRST, SECOND = checklists.load("kom-godt-i-gang").item_ids[:2]


def checkbox(page, item_id):
    return page.locator(f"#hj-kom-godt-i-gang-{item_id}")


def count(page):
    return page.locator(".hj-checklist__count")


def expect_count(page, done):
    expect(count(page)).to_have_text(f"{done} af {TOTAL} punkter")


def click_item(page, item_id):
    page.locator(f'label[for="hj-kom-godt-i-gang-{item_id}"]').click()


ROOT = "hjemmearbejde/v1/checklist/kom-godt-i-gang"


def stored_copies(page, root=ROOT):
    """The documents saved under a storage root, by key."""
    return page.evaluate("""root => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k === root || k.startsWith(root + '/')).map(k => [k, JSON.parse(localStorage.getItem(k))]))""",
                         root)


def hold_back(context, pattern):
    """Requests for `pattern` wait unanswered, in the list returned, until the test answers them."""
    held = []
    context.route(pattern, lambda route: held.append(route))
    return held


def open_widget(page, site_url):
    page.goto(site_url + WIDGET_PAGE)
    wait_ready(page)


def expect_failed_start_keeps_the_static_list(page):
    expect(page.locator("[data-widget]")).to_have_attribute("data-state", "error", timeout=START_TIMEOUT_MS)
    expect(page.locator(".hj-widget__status")).to_have_text(re.compile("kunne ikke starte"))
    expect(page.locator('.hj-checklist input[type="checkbox"]')).to_have_count(TOTAL)


def test_widget_starts_counts_saves_and_restores(page_and_watch, site_url):
    page, watch = page_and_watch
    open_widget(page, site_url)
    expect_count(page, 0)
    click_item(page, FIRST)
    expect_count(page, 1)
    [document] = stored_copies(page).values()
    assert document["schema"] == 2 and document["name"] == "Min liste"
    assert document["data"] == {"answers": {FIRST: True}, "notes": {}}

    page.reload()
    wait_ready(page)
    expect_count(page, 1)
    expect(checkbox(page, FIRST)).to_be_checked()
    expect(checkbox(page, SECOND)).not_to_be_checked()
    assert watch.errors == []
    assert watch.foreign_requests() == []


def test_python_starts_from_the_builds_snapshot_sent_compressed(open_context, site_url):
    context, watch = open_context()
    encodings = {}
    context.on("response", lambda r: encodings.__setitem__(r.url.rsplit("/", 1)[-1],
                                                           r.headers.get("content-encoding")))
    page = context.new_page()
    open_widget(page, site_url)
    expect(page.locator("[data-widget]")).to_have_attribute("data-runtime", "snapshot")
    click_item(page, FIRST)
    expect_count(page, 1)
    assert encodings["python.snapshot"] == "br" and encodings["pyodide.asm.wasm"] == "br"
    # A restored Python has what the widget needs: the standard library's zip stays on the server.
    assert "empty-stdlib.zip" in encodings and "python_stdlib.zip" not in encodings
    assert watch.errors == []


def test_python_starts_while_the_rest_of_the_page_still_loads(open_context, site_url):
    """The runtime's downloads do not wait for the theme's script (held back here) or the parsed page."""
    context, watch = open_context()
    held = hold_back(context, "**/assets/javascripts/bundle.*.min.js")
    page = context.new_page()
    with context.expect_event("request", lambda request: request.url.endswith("/python.snapshot")):
        page.goto(site_url + WIDGET_PAGE, wait_until="commit")
    # The theme's script (at the end of the body) may not even be asked for yet.
    assert page.evaluate("document.readyState") == "loading"
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the theme's script was never requested"
    for route in held:
        route.continue_()
    wait_ready(page)
    click_item(page, FIRST)
    expect_count(page, 1)
    assert watch.errors == []


def search_finds(page, words):
    page.locator(".md-search__input").click()  # opens the search, wherever the focus was
    page.keyboard.type(words, delay=20)  # Material searches on keyup
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_the_search_index_is_built_once_the_tool_is_ready(open_context, site_url):
    """Material's search index does not compete with Python's start: its worker is loaded, and fetches
    lunr's Danish language file (the first thing it does to build the index), only when the tool is ready."""
    context, watch = open_context()
    held = hold_back(context, "**/python.snapshot")
    page = context.new_page()
    with context.expect_event("request", lambda request: request.url.endswith("/search/search_index.json")):
        page.goto(site_url + WIDGET_PAGE)
    expect(page.locator("[data-widget]")).to_have_attribute("data-state", "loading")
    page.wait_for_timeout(1000)  # time enough for the index, were it not held back
    assert not [u for u in watch.requests if "/lunr/" in u or re.search(r"/workers/search\.\w+\.min\.js$", u)]
    for route in held:
        route.continue_()
    wait_ready(page)
    search_finds(page, "fleksjob")
    assert watch.errors == []


def test_the_search_works_when_the_tool_cannot_start(open_context, site_url):
    context, watch = open_context()
    context.route("**/vendor/pyodide/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    expect_failed_start_keeps_the_static_list(page)
    search_finds(page, "fleksjob")


def expect_a_normal_start_that_works(page, site_url):
    open_widget(page, site_url)
    expect(page.locator("[data-widget]")).to_have_attribute("data-runtime", "fresh")
    click_item(page, FIRST)
    expect_count(page, 1)


def test_a_snapshot_that_cannot_be_fetched_falls_back_to_a_normal_start(open_context, site_url):
    context, watch = open_context()
    context.route("**/python.snapshot", lambda route: route.fulfill(status=404, body="mangler"))
    expect_a_normal_start_that_works(context.new_page(), site_url)
    assert [e for e in watch.errors if "404" not in e] == []  # the browser logs the missing file itself


def test_a_file_that_is_not_the_snapshot_falls_back_to_a_normal_start(open_context, site_url):
    """Pyodide is handed the memory before it has arrived; what arrives is checked before it is restored."""
    context, watch = open_context()
    context.route("**/python.snapshot", lambda route: route.fulfill(status=200, body=b"HJSPARSE" + bytes(64)))
    expect_a_normal_start_that_works(context.new_page(), site_url)
    assert watch.errors == []


def test_a_snapshot_made_with_another_start_of_pyodide_falls_back_to_a_normal_start(open_context, site_url):
    """The snapshot leaves out what Pyodide's start lays out; a start that differs is caught by its sum."""
    context, watch = open_context()

    def other_start(route):
        script = route.fetch().text()
        route.fulfill(body=re.sub(r'"sum": \d+', '"sum": 1', script), content_type="text/javascript")

    context.route("**/hjemmearbejde/worker.js", other_start)
    expect_a_normal_start_that_works(context.new_page(), site_url)
    assert watch.errors == []


def test_a_tick_goes_to_python_once(open_context, site_url):
    """A box reports its choice with a change event; its input event, which says the same, is not sent too."""
    context, watch = open_context()
    context.add_init_script("""(() => {
      window.__calls = 0;
      const postMessage = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message?.type === "call") window.__calls += 1;
        return postMessage.call(this, message, ...rest);
      };
    })()""")
    page = context.new_page()
    open_widget(page, site_url)
    calls_before = page.evaluate("window.__calls")
    click_item(page, FIRST)
    expect_count(page, 1)
    click_item(page, SECOND)
    expect_count(page, 2)
    assert page.evaluate("window.__calls") - calls_before == 2
    assert watch.errors == []


def test_an_answer_to_an_earlier_event_does_not_take_back_a_choice_made_since(page_and_watch, site_url):
    """Typing, then at once a radio button. The answer to the typing, made before the choice, used to
    uncheck the radio button until the choice's own answer came, so a keyboard user's Tab went
    astray. Both events happen in one task here, so the answer to the typing always comes second."""
    page, watch = page_and_watch
    page.goto(site_url + "regler/arbejdsmiljoe/")
    wait_ready(page)
    page.evaluate("""() => {
      const field = document.getElementById("hj-skaermregler-home-1");
      const choice = document.getElementById("hj-skaermregler-compliant-ja");
      window.__checkedAfterEachMorph = [];
      new MutationObserver(() => window.__checkedAfterEachMorph.push(choice.checked))
        .observe(choice.closest(".hj-widget__body"), {subtree: true, childList: true, attributes: true});
      field.value = "3";
      field.dispatchEvent(new Event("input", {bubbles: true}));
      choice.click();
    }""")
    # The choice's own answer puts Python's `checked` into the HTML.
    page.wait_for_function("() => document.getElementById('hj-skaermregler-compliant-ja').hasAttribute('checked')")
    seen = page.evaluate("window.__checkedAfterEachMorph")
    assert seen and all(seen), seen
    expect(page.locator("#hj-skaermregler-home-1")).to_have_value("3")
    assert watch.errors == []


def test_an_answer_to_an_earlier_event_does_not_take_back_a_list_choice_made_since(page_and_watch, site_url):
    """The same for a list (the finder's area): typing a search, then at once choosing an area."""
    page, watch = page_and_watch
    page.goto(site_url + "vaerktoejer/opgavefinder/")
    wait_ready(page)
    area = page.evaluate("""() => {
      const field = document.getElementById("hj-opgaver-search");
      const list = document.getElementById("hj-opgaver-area");
      const area = list.options[list.options.length - 1].value;
      window.__areaAfterEachMorph = [];
      new MutationObserver(() => window.__areaAfterEachMorph.push(list.value))
        .observe(list.closest(".hj-widget__body"), {subtree: true, childList: true, attributes: true});
      field.value = "a";
      field.dispatchEvent(new Event("input", {bubbles: true}));
      list.value = area;
      list.dispatchEvent(new Event("change", {bubbles: true}));
      return area;
    }""")
    # The choice's own answer puts Python's `selected` into the HTML.
    page.wait_for_function("""(area) => document.querySelector(`#hj-opgaver-area option[value="${area}"]`)
      .hasAttribute("selected")""", arg=area)
    seen = page.evaluate("window.__areaAfterEachMorph")
    assert seen and all(value == area for value in seen), seen
    assert watch.errors == []


def test_keyboard_alone_ticks_and_clear_can_be_undone(page_and_watch, site_url):
    page, watch = page_and_watch
    open_widget(page, site_url)
    checkbox(page, FIRST).focus()
    page.keyboard.press("Space")
    expect_count(page, 1)
    expect(checkbox(page, FIRST)).to_be_focused()  # focus survives the HTML swap

    page.locator('[data-action="clear"]').focus()
    page.keyboard.press("Enter")
    expect_count(page, 0)
    expect(page.locator(".hj-widget__status")).to_have_text(re.compile("ryddet"))
    expect(page.locator('[data-action="undo"]')).to_be_focused()
    page.keyboard.press("Enter")
    expect_count(page, 1)
    expect(checkbox(page, FIRST)).to_be_checked()
    assert watch.errors == []


def test_a_click_made_while_loading_is_not_lost(open_context, site_url):
    context, watch = open_context()
    held = hold_back(context, "**/*.whl")  # so the widget is certainly still loading when we click
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    expect(page.locator("[data-widget]")).to_have_attribute("data-state", "loading")
    expect(page.locator(".hj-widget__status")).to_have_text(re.compile("indlæses"))
    click_item(page, SECOND)
    for _ in range(600):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the wheel was never requested"
    held[0].continue_()
    wait_ready(page)
    expect_count(page, 1)
    expect(checkbox(page, SECOND)).to_be_checked()
    [document] = stored_copies(page).values()
    assert document["data"]["answers"] == {SECOND: True}
    assert watch.errors == []


def test_the_worker_the_page_starts_while_it_is_parsed_is_the_one_the_bridge_takes_over(open_context, site_url):
    context, watch = open_context()
    context.add_init_script("""  // where Python's worker is made: a classic script in <head> is document.currentScript
    window.__workersMadeIn = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url, options) {
        super(url, options);
        if (String(url).endsWith("/worker.js")) {
          window.__workersMadeIn.push(document.currentScript?.parentElement.tagName ?? "a module");
        }
      }
    };""")
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    wait_ready(page)
    click_item(page, FIRST)
    expect_count(page, 1)
    assert page.evaluate("window.__workersMadeIn") == ["HEAD"]
    assert page.evaluate("'hjemmearbejdeWorker' in window") is False  # taken over
    assert [u for u in watch.requests if u.endswith("/worker.js")] == [site_url + "assets/hjemmearbejde/worker.js"]
    assert len([w for w in page.workers if w.url.endswith("/worker.js")]) == 1
    assert watch.errors == []


def away_and_back_by_instant_navigation(page):
    """From the tool page to the guidance page and back, by their links and without a reload, until
    the tool is ready again."""
    page.evaluate("window.__sameDocument = true")
    page.locator(f'.md-nav a[href$="{PLAIN_PAGE}"]').first.click()
    page.wait_for_url(re.compile(PLAIN_PAGE + "$"))
    page.locator(f'.md-content a[href$="{WIDGET_PAGE}"]').first.click()
    page.wait_for_url(re.compile(WIDGET_PAGE + "$"))
    wait_ready(page)
    assert page.evaluate("window.__sameDocument") is True, "instant navigation reloaded the page"


def test_instant_navigation_away_and_back_remounts_with_one_worker(page_and_watch, site_url):
    page, watch = page_and_watch
    open_widget(page, site_url)
    click_item(page, FIRST)
    expect_count(page, 1)
    away_and_back_by_instant_navigation(page)
    expect_count(page, 1)
    workers = [w.url for w in page.workers if w.url.endswith("/worker.js")]
    assert len(workers) == 1
    assert sum(1 for u in watch.requests if u.endswith("pyodide.asm.wasm")) == 1
    assert watch.errors == []


# Counts the calls the page makes to the worker and the answers it gets, records which checklists it
# asks Python to mount, and every state a widget is put in (static, loading, ready, error).
WATCH_THE_WORKER = """
window.__calls = 0; window.__answers = 0; window.__mounts = []; window.__states = [];
const Original = window.Worker;
window.Worker = class extends Original {
  constructor(...args) {
    super(...args);
    const post = this.postMessage.bind(this);
    this.postMessage = (message) => {
      if (message.type === "call") {
        window.__calls++;
        const request = JSON.parse(message.payload);
        if (request.op === "mount") window.__mounts.push(request.state.checklist);
      }
      post(message);
    };
    this.addEventListener("message", ({ data }) => { if (data.type === "result") window.__answers++; });
  }
};
new MutationObserver((records) => { for (const r of records) window.__states.push(r.target.dataset.state); })
  .observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""


def point_at_and_wait_for_python(page, link, how="pointer"):
    """Rest the pointer on a link (or the focus) until the worker has answered every call this made;
    then forget the mounts so far."""
    calls = page.evaluate("window.__calls")
    link.hover() if how == "pointer" else link.focus()
    page.wait_for_function("(calls) => window.__calls > calls && window.__answers === window.__calls", arg=calls)
    assert page.evaluate("window.__mounts")[-1:] == ["kom-godt-i-gang"]
    page.evaluate("window.__mounts.length = 0")


# A page swapped in under a resting pointer may put another link under it, which is then mounted
# ahead in turn: what counts is whether this checklist was mounted again.
def mounts_of_the_checklist(page):
    return page.evaluate("window.__mounts").count("kom-godt-i-gang")


def tick_and_go_on_to_the_guidance_page(page, site_url):
    open_widget(page, site_url)
    click_item(page, FIRST)
    expect_count(page, 1)
    page.locator(f'.md-nav a[href$="{PLAIN_PAGE}"]').first.click()
    page.wait_for_url(re.compile(PLAIN_PAGE + "$"))


def on_the_guidance_page_after_a_tick(open_context, site_url):
    """A watched tab that has ticked the first item, then gone on to the guidance page; with its link back."""
    context, watch = open_context()
    context.add_init_script(WATCH_THE_WORKER)
    page = context.new_page()
    tick_and_go_on_to_the_guidance_page(page, site_url)
    return page, watch, page.locator(f'.md-content a[href$="{WIDGET_PAGE}"]').first


@pytest.mark.parametrize("how", ["pointer", "keyboard"])
def test_a_tool_page_pointed_at_is_mounted_ahead_and_ready_when_it_comes(open_context, site_url, how):
    """The widget of the page a reader points at (or tabs to) is mounted meanwhile; when the page is
    swapped in, the widget takes that answer at once (no call to Python, never 'loading') and
    shows what is stored."""
    page, watch, link = on_the_guidance_page_after_a_tick(open_context, site_url)
    point_at_and_wait_for_python(page, link, how)
    page.evaluate("window.__states.length = 0")
    link.click() if how == "pointer" else page.keyboard.press("Enter")
    page.wait_for_url(re.compile(WIDGET_PAGE + "$"))
    wait_ready(page)
    assert page.evaluate("window.__states") == ["ready"]
    assert mounts_of_the_checklist(page) == 0, "the widget called Python again"
    expect_count(page, 1)
    expect(checkbox(page, FIRST)).to_be_checked()
    click_item(page, SECOND)  # and it takes events
    expect_count(page, 2)
    assert watch.errors == []


def test_an_answer_mounted_ahead_is_not_used_once_what_is_stored_has_changed(open_context, site_url):
    page, watch, link = on_the_guidance_page_after_a_tick(open_context, site_url)
    point_at_and_wait_for_python(page, link)
    page.evaluate("localStorage.clear()")  # as another tab might, between pointing and clicking
    link.click()
    page.wait_for_url(re.compile(WIDGET_PAGE + "$"))
    wait_ready(page)
    expect_count(page, 0)
    expect(checkbox(page, FIRST)).not_to_be_checked()
    assert mounts_of_the_checklist(page) == 1, "the widget did not mount afresh"
    assert watch.errors == []


def test_pointing_at_links_on_a_page_without_the_runtime_mounts_nothing(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + PLAIN_PAGE, wait_until="networkidle")
    page.locator(f'.md-content a[href$="{WIDGET_PAGE}"]').first.hover()
    page.wait_for_timeout(500)
    assert not any(u.endswith(WIDGET_PAGE) for u in watch.requests)
    assert watch.errors == []


def test_a_plain_page_loads_no_byte_of_pyodide(page_and_watch, site_url):
    page, watch = page_and_watch
    page.goto(site_url + PLAIN_PAGE, wait_until="networkidle")
    runtime = [u for u in watch.requests if re.search(r"pyodide|\.whl|worker\.js|snapshot|idiomorph", u)]
    assert runtime == []
    assert watch.errors == []


def test_without_javascript_the_checklist_is_there(open_context, site_url):
    context, _ = open_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    expect(page.locator('.hj-checklist input[type="checkbox"]')).to_have_count(TOTAL)
    expect(page.locator(".hj-widget__noscript")).to_be_visible()
    expect(page.locator("[data-widget]")).to_have_attribute("data-state", "static")
    click_item(page, FIRST)
    expect(checkbox(page, FIRST)).to_be_checked()  # can still be ticked and printed


@pytest.mark.parametrize("blocked", ["**/vendor/pyodide/**", "**/assets/hjemmearbejde/worker.js"],
                         ids=["pyodide-missing", "worker-blocked"])
def test_a_runtime_that_cannot_start_leaves_the_page_readable_with_a_danish_message_and_try_again(
        open_context, site_url, blocked):
    context, watch = open_context()
    context.route(blocked, lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    expect_failed_start_keeps_the_static_list(page)
    expect(page.get_by_role("button", name="Prøv igen", exact=True)).to_be_visible()
    click_item(page, FIRST)
    expect(checkbox(page, FIRST)).to_be_checked()
    assert page.locator(READY).count() == 0
    page.goto(site_url + "regler/")  # pages without tools are not touched
    expect(page.locator(".hj-widget__retry")).to_have_count(0)


def test_a_runtime_that_could_not_start_is_tried_again_on_the_next_page_with_a_tool(open_context, site_url):
    """The link was down when the tool page came (on a train, say) and is up again when the reader
    goes on: the next page with a tool starts Python afresh, without a reload."""
    context, watch = open_context()
    context.route("**/vendor/pyodide/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    expect_failed_start_keeps_the_static_list(page)
    context.unroute("**/vendor/pyodide/**")
    away_and_back_by_instant_navigation(page)
    click_item(page, FIRST)
    expect_count(page, 1)


def test_storage_that_is_refused_is_reported_in_danish(open_context, site_url):
    context, watch = open_context()
    context.add_init_script("""
        Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});
    """)
    page = context.new_page()
    open_widget(page, site_url)
    expect(page.locator(".hj-storage-warning")).to_contain_text("tillader ikke")
    click_item(page, FIRST)
    expect_count(page, 1)


def test_storage_that_is_full_is_reported_in_danish_and_nothing_is_lost(open_context, site_url):
    context, watch = open_context()
    context.add_init_script("""
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key.startsWith('hjemmearbejde/')) throw new DOMException('full', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
    """)
    page = context.new_page()
    open_widget(page, site_url)
    click_item(page, FIRST)
    expect(page.locator(".hj-storage-warning")).to_contain_text("kunne ikke gemmes")
    click_item(page, SECOND)
    expect_count(page, 2)
    expect(checkbox(page, FIRST)).to_be_checked()
    assert stored_copies(page) == {}
    assert watch.errors == []


def test_a_change_in_another_tab_shows_here(open_context, site_url):
    context, watch = open_context()
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        open_widget(page, site_url)
    click_item(first, SECOND)
    expect_count(first, 1)
    expect_count(second, 1)
    expect(checkbox(second, SECOND)).to_be_checked()
    expect(second.locator(".hj-widget__status")).to_have_text(re.compile("andet vindue"))
    assert watch.errors == []


def test_printing_shows_the_answers_without_navigation_or_controls(page_and_watch, site_url):
    page, _ = page_and_watch
    open_widget(page, site_url)
    click_item(page, FIRST)
    expect_count(page, 1)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".hj-actions", ".hj-files"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(checkbox(page, FIRST)).to_be_visible()
    expect(checkbox(page, FIRST)).to_be_checked()
    expect(count(page)).to_be_visible()


def test_export_downloads_the_ticks_and_print_opens_the_dialog(open_context, site_url):
    context, watch = open_context(accept_downloads=True)
    context.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    open_widget(page, site_url)
    click_item(page, FIRST)
    expect_count(page, 1)
    with page.expect_download() as info:
        page.locator('[data-action="export-markdown"]').click()
    download = info.value
    assert download.suggested_filename == "tjekliste-kom-godt-i-gang-min-liste.md"
    with open(download.path(), encoding="utf-8") as file:
        text = file.read()
    assert f"1 af {TOTAL} punkter er klaret." in text and "- [x] " in text
    page.locator('[data-action="print"]').click()
    page.wait_for_function("() => window.__printed === 1")
    assert watch.errors == []


def test_a_widget_that_fails_in_python_keeps_its_static_html(open_context, site_url):
    context, watch = open_context()

    def break_the_state(route):
        html = route.fetch().text()
        # A checklist id no data file has: Python raises while mounting.
        broken = html.replace("&quot;checklist&quot;:&quot;kom-godt-i-gang&quot;",
                              "&quot;checklist&quot;:&quot;findes-ikke&quot;")
        assert broken != html
        route.fulfill(body=broken, content_type="text/html; charset=utf-8")

    context.route(f"**/{WIDGET_PAGE}", break_the_state)
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    expect_failed_start_keeps_the_static_list(page)
    assert any("ChecklistError" in error for error in watch.errors)  # logged for developers


def test_the_site_works_under_its_policy_sent_as_a_header_too(open_context, built_site, site_url):
    """A host may send the same policy as a header (see the README): the widget still runs, nothing is refused."""
    from hooks.content_security_policy import policy, script_hashes

    header = policy(set().union(*(script_hashes(built_site.html(p)) for p in built_site.pages())))
    context, watch = open_context()

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": header})

    context.route("**/*", with_csp)
    page = context.new_page()
    tick_and_go_on_to_the_guidance_page(page, site_url)
    context.unroute_all(behavior="ignoreErrors")  # requests still in flight need no policy now
    assert watch.errors == []


def test_a_download_that_stalls_ends_in_the_static_page_a_danish_message_and_try_again(open_context, site_url):
    context, watch = open_context()

    def short_wait(route):  # the worker's manifest, with a wait of seconds, not a minute
        script = route.fetch().text()
        route.fulfill(body=re.sub(r'"startTimeoutMs": \d+', '"startTimeoutMs": 5000', script),
                      content_type="text/javascript")

    context.route("**/worker.js", short_wait)
    stalled = hold_back(context, "**/pyodide.asm.wasm")  # never answered
    page = context.new_page()
    page.goto(site_url + WIDGET_PAGE)
    expect_failed_start_keeps_the_static_list(page)
    retry = page.get_by_role("button", name="Prøv igen", exact=True)
    expect(retry).to_be_visible()

    for route in stalled:  # the stalled download gives up at last; the next start may take its time
        route.abort()
    context.unroute("**/pyodide.asm.wasm")
    retry.click()
    wait_ready(page)
    expect(retry).to_have_count(0)
    click_item(page, FIRST)
    expect_count(page, 1)

