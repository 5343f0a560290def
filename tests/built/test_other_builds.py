"""Other builds: in an organisation's own clothes (examples/organisation.toml), a bad profile, `make zip`."""

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.support.site import ROOT, build_site
from tools import organisation
from tools.html import escape

EXAMPLE = ROOT / "examples" / "organisation.toml"


@pytest.fixture(scope="module")
def organisation_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("organisation-site")
    result = build_site(site, "http://127.0.0.1:8000/", organisation=EXAMPLE)
    assert result.returncode == 0, result.stderr
    return site


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_the_profile_reaches_the_rules_the_help_page_and_the_accessibility_statement(organisation_site):
    profile = organisation.load(EXAMPLE)
    rules = html(organisation_site, "regler")
    assert "Sådan gør vi hos Eksempel Kommune" in rules
    assert all(escape(text) in rules for _, text in profile.terms())
    assert 'href="/personalehaandbog/"' in rules and "mailto:hr@eksempel-kommune.example" in rules
    assert "kontakt HR og Personale" in html(organisation_site, "hjaelp")
    statement = html(organisation_site, "om/tilgaengelighed")
    assert "mailto:webredaktionen@eksempel-kommune.example" in statement and "1. oktober 2026" in statement
    assert "Kontakt udfyldes af udgiveren" not in statement


def test_the_agreement_carries_the_organisations_fixed_terms(organisation_site):
    page = html(organisation_site, "vaerktoejer/aftale")
    assert "Faste vilkår hos Eksempel Kommune" in page
    init = json.loads(re.search(r'data-init="([^"]+)"', page)[1].replace("&quot;", '"'))
    assert init["state"]["organisation"]["terms"] == [list(t) for t in organisation.load(EXAMPLE).terms()]


def test_the_logo_is_copied_into_the_site_and_shown_in_the_header(organisation_site):
    assert (organisation_site / "assets" / "organisation" / "organisation-logo.svg").is_file()
    assert 'src="assets/organisation/organisation-logo.svg"' in (organisation_site / "index.html").read_text()


def test_without_a_profile_the_site_reads_as_a_general_guide(built_site):
    assert "Sådan gør vi hos" not in built_site.html("regler/index.html")
    assert "Faste vilkår hos" not in built_site.html("vaerktoejer/aftale/index.html")
    assert "Kontakt udfyldes af udgiveren" in built_site.html("om/tilgaengelighed/index.html")


def test_a_bad_profile_stops_the_build_naming_the_key(tmp_path):
    bad = tmp_path / "profil.toml"
    bad.write_text('[organisation]\nname = "X"\ncolour = "blå"\n[contact]\nname = "HR"\n', encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", organisation=bad)
    assert result.returncode != 0
    assert "Organisationens profil: profil.toml: ukendt nøgle organisation.colour" in result.stdout + result.stderr


def test_make_zip_writes_the_built_site_as_one_zip_with_index_at_its_root(tmp_path):
    target = tmp_path / "site.zip"
    result = subprocess.run(["make", "-s", "zip", f"SITE_DIR={tmp_path / 'site'}", f"ZIP={target}"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    names = set(zipfile.ZipFile(target).namelist())
    assert {"index.html", "assets/hjemmearbejde/bridge.js", "data/opgaver.json"} <= names
    assert any(n.endswith("pyodide.asm.wasm") for n in names)
