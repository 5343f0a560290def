"""Build the site for a given address, as the tests and the benchmark need it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(site_dir: Path, url: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` for a site to be served at `url`.

    Material's instant navigation only works on the origin of site_url, so the
    site is built for the address it will be served at.
    """
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
    )
