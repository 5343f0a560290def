"""A reader finds the way: the front page's three ways in, and every case story."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WAYS_IN = {
    "Jeg er leder eller HR": ("leder/", "Jeg er leder eller HR"),
    "Jeg er jobkonsulent": ("jobkonsulent/", "Jeg er jobkonsulent"),
    "Jeg er medarbejder": ("medarbejder/", "Jeg er medarbejder"),
}
CASES = ["flexfabrikken", "sikkerhedsstyrelsen", "codan", "danske-bank", "weply", "special-minds",
         "all-ears", "edilion", "torben", "frederik", "siv"]


def test_the_front_page_opens_three_ways_in(page_and_watch, site_url):
    page, watch = page_and_watch
    for card_title, (path, heading) in WAYS_IN.items():
        page.goto(site_url)
        card = page.locator(".grid.cards li", has_text=card_title)
        expect(card).to_have_count(1)
        card.get_by_role("link").click()
        page.wait_for_url(site_url + path)
        expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(heading)))
    assert watch.errors == [] and watch.foreign_requests() == []


def test_every_case_story_is_reached_from_the_overview(page_and_watch, site_url):
    page, watch = page_and_watch
    for case in CASES:
        page.goto(site_url + "cases/")
        page.locator(f'.md-content a[href$="/cases/{case}/"]').first.click()
        page.wait_for_url(site_url + f"cases/{case}/")
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator(".md-tag").first).to_be_visible()  # tagged, and the tags link back
        expect(page.locator(".md-content")).to_contain_text(re.compile(r"Kilder?:"))
    assert watch.errors == [] and watch.foreign_requests() == []


def test_the_tag_index_lists_every_case(page_and_watch, site_url):
    page, _ = page_and_watch
    page.goto(site_url + "cases/")
    for case in CASES:
        assert page.locator(f'.md-content a[href$="/cases/{case}/"]').count() >= 2, case  # list + tag index


def test_the_booklet_prints_every_guidance_page_on_sheets_of_its_own(page_and_watch, site_url):
    import io

    from pypdf import PdfReader

    page, watch = page_and_watch
    page.goto(site_url + "hele-vejledningen/")
    sections = page.locator(".hj-booklet__page").count()
    assert sections >= 30
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) > sections  # each page starts a new sheet
    assert "Arbejdsmiljø" in " ".join(p.extract_text() for p in pdf.pages)
    assert watch.errors == [] and watch.foreign_requests() == []
