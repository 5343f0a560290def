"""The content rules, checked on the Markdown in docs/.

Every page names its sources; no run of 8+ words is copied from a source
(`../shared/bin/own-words`); every page reads plainly (`../shared/bin/lix`).
"""

import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SHARED_BIN = ROOT.parent / "shared" / "bin"
SOURCE_LINE = re.compile(r"^\*Kilder?: \S.*\*\s*$", re.M)
MAX_LIX = 45
MAX_MEDIAN_LIX = 38
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


def shared_tool(name: str) -> Path:
    tool = SHARED_BIN / name
    if not tool.is_file():
        pytest.fail(f"{tool} is missing: the content checks need ../shared beside the project.", pytrace=False)
    return tool


@pytest.mark.parametrize("page", PAGES)
def test_page_names_its_source(page):
    text = (DOCS / page).read_text(encoding="utf-8")
    assert SOURCE_LINE.search(text), f"{page} has no line '*Kilde: …*' or '*Kilder: …*'"


def test_no_wording_is_copied_from_the_sources():
    result = subprocess.run([sys.executable, str(shared_tool("own-words")), str(ROOT)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def lix_scores() -> dict[str, tuple[float, bool]]:
    """Page -> (LIX, counted in the median), as ../shared/bin/lix reports them."""
    result = subprocess.run([sys.executable, str(shared_tool("lix")), str(DOCS)],
                            capture_output=True, text=True, check=True)
    scores = {}
    for line in result.stdout.splitlines():
        match = re.match(r"\s*([\d.]+)\s+\d+ words\s+(\S+)(\s+\(short, not counted\))?$", line)
        if match:
            scores[match[2]] = (float(match[1]), not match[3])
    return scores


def test_every_page_reads_plainly():
    scores = lix_scores()
    assert set(scores) == set(PAGES)
    too_hard = {page: lix for page, (lix, _) in scores.items() if lix > MAX_LIX}
    assert too_hard == {}
    median = statistics.median(lix for lix, counted in scores.values() if counted)
    assert median <= MAX_MEDIAN_LIX
