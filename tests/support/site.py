"""Build the site for a given address, as the tests and the benchmark need it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(site_dir: Path, url: str, organisation: Path | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` for a site to be served at `url`, with an organisation's profile or none.

    Material's instant navigation only works on the origin of site_url, so the
    site is built for the address it will be served at.
    """
    env = {k: v for k, v in os.environ.items() if k != "ORGANISATION"}
    if organisation:
        env["ORGANISATION"] = str(organisation)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True,
        env={**env, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
    )
