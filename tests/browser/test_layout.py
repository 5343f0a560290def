"""Every tool page at 320 px wide and at 200 % zoom (nothing cut off or running off the side), and
printed on A4 (its title in, the navigation out). One tab walks the pages, so Python starts once."""

from pathlib import Path

import pytest

from tests.browser.test_accessibility import navigate_instantly
from tests.support.browser import printed_text, wait_ready

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
TOOL_PAGES = sorted(f"vaerktoejer/{p.stem}/" for p in (DOCS / "vaerktoejer").glob("*.md")
                    if "widget(" in p.read_text(encoding="utf-8")) + ["regler/arbejdsmiljoe/", "om/privatliv/"]
WIDTHS = {"320px": (320, 640), "zoom-200": (640, 400)}  # 200 % zoom of a 1280 px window is 640 CSS px

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('.hj-widget *')].filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1);
    }).map((el) => el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className);
    return {page: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5)};
}"""


def test_every_tool_page_fits_320_px_and_200_percent_zoom_and_prints_on_a4(open_context, site_url):
    context, watch = open_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = {}
    page.goto(site_url + TOOL_PAGES[0])
    page.evaluate("document$.subscribe(() => { window.__arrived = location.href; })")
    for path in TOOL_PAGES:
        page.set_viewport_size({"width": 1280, "height": 800})
        if page.url != site_url + path:
            navigate_instantly(page, site_url + path)
        wait_ready(page)
        for name, (width, height) in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": height})
            found = page.evaluate(OVERFLOW)
            if found["page"] > 0 or found["wide"]:
                problems[f"{path} at {name}"] = found
        title = page.locator("h1").evaluate("h => h.firstChild.textContent").strip()
        printed = printed_text(page)
        if title.split(":")[0] not in printed or "Skift til mørkt tema" in printed or "Gå til indholdet" in printed:
            problems[f"{path} printed"] = printed[:200]
        page.emulate_media(media="screen")
    assert problems == {}
    assert watch.errors == []


def test_every_other_page_prints_on_a4_with_its_title_and_the_address_of_outside_links(
        open_context, built_site, site_url):
    from tests.browser.test_accessibility import page_url

    context, watch = open_context()
    page = context.new_page()
    urls = [page_url(site_url, p) for p in built_site.pages() if p.as_posix() != "404.html"]
    urls = [u for u in urls if u.removeprefix(site_url) not in TOOL_PAGES]
    page.goto(urls[0])
    page.evaluate("document$.subscribe(() => { window.__arrived = location.href; })")
    problems = {}
    for url in urls:
        page.emulate_media(media="screen")
        if page.url != url:
            navigate_instantly(page, url)
        title = page.locator("h1").first.evaluate("h => h.firstChild.textContent").strip()
        outside = page.locator('.md-content a[href^="http"]:not([href^="http://127.0.0.1"])')
        address = outside.first.get_attribute("href") if outside.count() else None
        printed = printed_text(page)
        if title.split(":")[0] not in printed or "Skift til mørkt tema" in printed or "Gå til indholdet" in printed:
            problems[url] = printed[:200]
        if address and address.split("://", 1)[1][:30] not in printed.replace(" ", ""):
            problems[url] = f"the address of {address} is not printed"
    assert problems == {}
    assert watch.errors == []
