"""Fixtures shared by the test layers: the built site and its pages."""

from pathlib import Path

import pytest

from tests.support.server import free_port
from tests.support.site import build_site


class BuiltSite:
    def __init__(self, path: Path, log: str, url: str):
        self.path = path
        self.log = log
        self.url = url  # the site_url it was built for: serve it there

    def pages(self) -> list[Path]:
        """Every HTML page, as paths relative to the site root (404.html included)."""
        return sorted(p.relative_to(self.path) for p in self.path.rglob("*.html"))

    def html(self, page) -> str:
        return (self.path / page).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The site built once per test run, for a free port on 127.0.0.1."""
    site_dir = tmp_path_factory.mktemp("site")
    url = f"http://127.0.0.1:{free_port()}/"
    result = build_site(site_dir, url)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return BuiltSite(site_dir, result.stdout + result.stderr, url)
