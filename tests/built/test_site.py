"""The built site, read as files: strict build, self-hosting, and the static widget."""

import gzip
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from hooks.precompress import files_to_compress
from hooks.widget_runtime import NODE_MODULES, eager_factory, read_manifest
from tools import checklists, task_assessment, task_catalogue
from tools.html import escape

WIDGET_PAGE = "vaerktoejer/tjekliste-kom-godt-i-gang/index.html"


class ResourceCollector(HTMLParser):
    """Every URL a page makes the browser load (not links the user may follow)."""

    LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
               "video": "src", "embed": "src", "object": "data", "track": "src"}
    NOT_LOADED_LINKS = {"canonical", "alternate", "next", "prev", "search"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.LOADING and attrs.get(self.LOADING[tag]):
            self.urls.append(attrs[self.LOADING[tag]])
        if tag == "link" and not set((attrs.get("rel") or "").split()) & self.NOT_LOADED_LINKS:
            self.urls.append(attrs.get("href") or "")
        if tag in ("img", "source") and attrs.get("srcset"):
            self.urls.extend(part.split()[0] for part in attrs["srcset"].split(","))
        self.urls.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", attrs.get("style") or ""))


def is_other_host(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url.strip(), re.I)) and not url.startswith("data:")


def test_strict_build_has_no_warnings(built_site):
    assert "WARNING" not in built_site.log


def test_no_page_loads_a_resource_from_another_host(built_site):
    offenders = {}
    for page in built_site.pages():
        collector = ResourceCollector()
        collector.feed(built_site.html(page))
        foreign = [u for u in collector.urls if is_other_host(u)]
        if foreign:
            offenders[str(page)] = foreign
    assert offenders == {}


def test_no_stylesheet_imports_from_another_host(built_site):
    for css in built_site.path.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", text):
            assert not is_other_host("".join(url)), f"{css.name}: {url}"


def test_pages_are_danish_without_generator_notice_or_web_fonts(built_site):
    for page in built_site.pages():
        html = built_site.html(page)
        assert '<html lang="da"' in html, page
        assert "squidfunk.github.io" not in html, page  # extra.generator: false
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


def test_instant_navigation_and_danish_search_are_on(built_site):
    html = built_site.html("index.html")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    assert "navigation.instant" in config["features"]
    index = json.loads((built_site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["da"]


def test_plain_pages_reference_no_pyodide_file(built_site):
    plain = [p for p in built_site.pages() if "data-widget=" not in built_site.html(p)]
    assert plain, "there should be plain pages"
    for page in plain:
        html = built_site.html(page).lower()
        for marker in ("pyodide", ".whl", "worker.js", "snapshot"):
            assert marker not in html, f"{page} mentions {marker}"


def test_a_page_with_a_tool_says_so_in_its_head_and_starts_the_worker_before_the_bridge_and_no_other_page_does(
        built_site):
    # Python's worker starts while the head is parsed; the bridge takes it over.
    flag = re.compile(r'<meta name="hjemmearbejde:tools" content="([^"]+)">')
    tool_pages, starters = 0, set()
    for page in built_site.pages():
        html = built_site.html(page)
        head = html[:html.index("</head>")]
        if re.search(r"<div[^>]* data-widget=", html):
            tool_pages += 1
            worker = urljoin(f"https://example.org/{page.as_posix()}", flag.search(head)[1])
            assert worker == "https://example.org/assets/hjemmearbejde/worker.js", page
            starter = head.index("new Worker(")
            assert flag.search(head).start() < starter < head.index("assets/hjemmearbejde/bridge.js"), page
            starters.add(head[head.rindex("<script>", 0, starter):head.index("</script>", starter)])
        else:
            assert not flag.search(html) and "new Worker(" not in html, page
    assert tool_pages >= 5 and len(starters) == 1  # the same script everywhere: one hash in the policy


def test_widget_page_static_html_holds_every_item(built_site):
    html = built_site.html(WIDGET_PAGE)
    assert 'data-widget="checklist" data-state="static"' in html
    checklist = checklists.load("kom-godt-i-gang")
    for section in checklist.sections:
        assert f'id="hj-kom-godt-i-gang-{section.id}"' in html
    for item in checklist.items:
        assert f'name="answer:{item.id}"' in html
        assert f'<label for="hj-kom-godt-i-gang-{item.id}">{escape(item.text)}</label>' in html
        if item.hint:
            assert escape(item.hint) in html
    assert f"0 af {len(checklist.items)} punkter" in html
    # The page text around the widget comes from the same data file.
    assert escape(checklist.title) in html and escape(checklist.source) in html


def test_the_runtime_manifest_points_at_files_in_the_site(built_site):
    runtime_dir = built_site.path / "assets" / "hjemmearbejde"
    manifest = read_manifest(runtime_dir / "worker.js")
    pyodide_dir = (runtime_dir / manifest["pyodide"]).resolve()
    assert pyodide_dir.parent.name == "pyodide" and pyodide_dir.name == "314.0.7"
    files = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
    assert sorted(p.name for p in pyodide_dir.iterdir()) == sorted(
        files + [f"{name}{suffix}" for name in files for suffix in (".br", ".gz")])
    assert (runtime_dir / manifest["morph"]).resolve().is_file()
    wheel = (runtime_dir / manifest["wheel"]).resolve()
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "tools/runtime.py" in names and "tools/data/checklists/kom-godt-i-gang.toml" in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)

    snapshot = (runtime_dir / manifest["snapshot"]["file"]).resolve()
    assert snapshot.stat().st_size > 1_000_000
    assert manifest["snapshot"]["wheelPath"].endswith("/" + wheel.name)
    # Versioned like the wheel: a new snapshot gets a new address, so browsers may keep one for good.
    assert snapshot.parent.parent.name == "snapshots" and len(snapshot.parent.name) == 16


def test_pyodides_module_factory_is_served_in_parentheses_and_otherwise_unchanged(built_site):
    """V8 compiles a parenthesized function at once (eager_factory): the factory is parsed once, not twice.
    The restore in Node (test_snapshot.py) and every browser test run this copy."""
    manifest = read_manifest(built_site.path / "assets/hjemmearbejde/worker.js")
    served = (built_site.path / "assets/hjemmearbejde" / manifest["pyodide"] / "pyodide.asm.mjs").read_text("utf-8")
    package = (NODE_MODULES / "pyodide" / "pyodide.asm.mjs").read_text("utf-8")
    assert served.startswith("export default (async function _createPyodideModule(")
    assert served == eager_factory(package)
    assert served.removeprefix("export default (").removesuffix(");\n") == package.rstrip().removesuffix(
        "export default _createPyodideModule;")


def test_eager_factory_refuses_a_file_of_another_shape():
    """A new Pyodide whose file looks otherwise stops the build with a message, instead of a broken start."""
    assert eager_factory("async function _createPyodideModule(m){return m}export default _createPyodideModule;\n") \
        == "export default (async function _createPyodideModule(m){return m});\n"
    with pytest.raises(SystemExit, match="eager_factory"):
        eager_factory("var createPyodideModule = () => {};\nexport default createPyodideModule;\n")


def test_every_file_that_compresses_has_precompressed_copies_with_the_same_content(built_site):
    """Pages, styles, scripts, data and the runtime: a host that sends the copies sends the same bytes.
    (Brotli is decoded by the browser tests, which are served the copies.)"""
    site = built_site.path
    runtime_dir = site / "assets" / "hjemmearbejde"
    manifest = read_manifest(runtime_dir / "worker.js")
    compressed = files_to_compress(site)
    named = {p.resolve() for p in compressed}
    expected = [site / "index.html", site / WIDGET_PAGE, site / "sw.js", site / "search/search_index.json",
                *site.glob("assets/stylesheets/main.*.min.css"), *site.glob("assets/javascripts/bundle.*.min.js"),
                runtime_dir / "bridge.js", runtime_dir / "worker.js",
                *((runtime_dir / manifest["pyodide"] / name).resolve() for name in ("pyodide.asm.mjs", "pyodide.asm.wasm")),
                (runtime_dir / manifest["snapshot"]["file"]).resolve()]
    assert len(expected) == 11 and {p.resolve() for p in expected} <= named
    assert not any(p.suffix in (".br", ".gz", ".map", ".png", ".whl") for p in compressed)
    for file in compressed:
        original = file.read_bytes()
        assert gzip.decompress(file.with_name(file.name + ".gz").read_bytes()) == original, file
        assert 0 < len(file.with_name(file.name + ".br").read_bytes()) < len(original), file


def test_search_dialog_has_an_accessible_name(built_site):
    assert 'role="dialog" aria-label="Søg"' in built_site.html("index.html")


def test_every_page_runs_material_s_own_search_worker_behind_the_wrapper_that_waits_for_a_tool(built_site):
    """The wrapper sits beside Material's worker (which loads lunr from "../lunr") and is named after it."""
    workers = built_site.path / "assets/javascripts/workers"
    [material] = [p.name for p in workers.glob("search.*.min.js")]
    wrapper = workers / material.replace("search.", "search-after-tools.")
    assert "importScripts(material)" in wrapper.read_text(encoding="utf-8")
    for page in built_site.path.rglob("*.html"):
        match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page.read_text("utf-8"), re.S)
        if match:
            search = json.loads(match[1])["search"]
            target = built_site.path / search.lstrip("/") if search.startswith("/") else page.parent / search  # 404.html
            assert target.resolve() == wrapper, (page, search)


def test_every_stable_address_on_the_consultants_page_exists(built_site):
    """jobkonsulent.md lists addresses as code for consultants to link to: each must resolve."""
    markdown = (Path(__file__).resolve().parents[2] / "docs" / "jobkonsulent.md").read_text(encoding="utf-8")
    addresses = re.findall(r"`(/[^`\s]*)`", markdown)
    assert len(addresses) >= 20
    for address in addresses:
        address, _, query = address.partition("?")
        path, _, anchor = address.partition("#")
        if query:  # a link that preselects finder tasks: every id must be in the catalogue
            name, _, ids = query.partition("=")
            assert name == "opgaver" and all(task_catalogue.load().task(i) for i in ids.split(",")), query
        page = built_site.path / path.lstrip("/") / "index.html"
        assert page.is_file(), address
        if anchor:
            assert f'id="{anchor}"' in page.read_text(encoding="utf-8"), address


def test_every_checklist_is_published_as_open_data_that_meets_its_schema(built_site):
    import jsonschema

    data_dir = built_site.path / "data"
    schema = json.loads((data_dir / "tjekliste.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    published = sorted(p.stem for p in (data_dir / "tjeklister").glob("*.json"))
    assert published == checklists.available()
    for checklist_id in published:
        document = json.loads((data_dir / "tjeklister" / f"{checklist_id}.json").read_text(encoding="utf-8"))
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == [], checklist_id
        checklist = checklists.load(checklist_id)
        assert [i["id"] for s in document["sections"] for i in s["items"]] == list(checklist.item_ids)


def test_the_schema_refuses_what_the_format_refuses(built_site):
    import jsonschema

    schema = json.loads((built_site.path / "data" / "tjekliste.schema.json").read_text(encoding="utf-8"))
    good = checklists.to_open_data(checklists.load("kom-godt-i-gang"))
    jsonschema.validate(good, schema)
    item = good["sections"][0]["items"][0]
    for broken in ({**good, "extra": 1}, {**good, "id": "Ikke Et Id"},
                   {**good, "sections": [{**good["sections"][0], "items": [{**item, "kind": "slider"}]}]},
                   {**good, "sections": [{**good["sections"][0], "items": [{**item, "kind": "choice"}]}]}):
        try:
            jsonschema.validate(broken, schema)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"the schema accepted {broken}")


def test_the_open_data_page_links_every_published_file(built_site):
    html = built_site.html("om/aabne-data/index.html")
    for checklist_id in checklists.available():
        assert f'href="../../data/tjeklister/{checklist_id}.json"' in html
    assert 'href="../../data/tjekliste.schema.json"' in html
    assert 'href="../om/aabne-data/"' in built_site.html("jobkonsulent/index.html")


def test_the_task_catalogue_is_published_as_open_data_that_meets_its_schema_with_each_group_assessed(built_site):
    import jsonschema

    data_dir = built_site.path / "data"
    schema = json.loads((data_dir / "opgaver.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads((data_dir / "opgaver.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    catalogue = task_catalogue.load()
    assert [t["id"] for t in document["tasks"]] == [t.id for t in catalogue.tasks]
    assert [q["id"] for q in document["questions"]] == list(catalogue.question_ids)
    for task in document["tasks"]:
        verdict = task_assessment.assess_task(catalogue, task["answers"])
        assert (task["group"], task["reasons"]) == (verdict.group, list(verdict.reasons)), task["id"]
    good_task = document["tasks"][0]
    for broken in ({**document, "extra": 1}, {**document, "tasks": [{**good_task, "group": "maybe"}]},
                   {**document, "tasks": [{**good_task, "answers": {"maskiner": "kanske"}}]},
                   {**document, "tasks": [{k: v for k, v in good_task.items() if k != "reasons"}]}):
        try:
            jsonschema.validate(broken, schema)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"the schema accepted {broken}")
    html = built_site.html("om/aabne-data/index.html")
    assert 'href="../../data/opgaver.json"' in html and 'href="../../data/opgaver.schema.json"' in html


def test_the_finder_rules_page_states_every_rule_from_the_data(built_site):
    html = built_site.html("vaerktoejer/saadan-vurderer-opgavefinderen/index.html")
    catalogue = task_catalogue.load()
    for question in catalogue.questions:
        assert escape(question.text) in html and escape(question.source) in html
    for factor in catalogue.situation:
        assert escape(factor.text) in html and all(escape(a) in html for a in factor.advice.values())
    assert f"{len(catalogue.tasks)} opgaver" in html
    finder = built_site.html("vaerktoejer/opgavefinder/index.html")
    assert 'data-widget="task-finder"' in finder and 'href="../saadan-vurderer-opgavefinderen/"' in finder
    consultants = built_site.html("jobkonsulent/index.html")
    assert all(f"<code>{t.id}</code>" in consultants for t in catalogue.tasks)


def test_every_checklist_is_in_the_tools_nav_and_linked_from_the_guidance(built_site):
    docs = Path(__file__).resolve().parents[2] / "docs"
    nav = re.search(r'Værktøjer\s*</label>\s*<ul class="md-nav__list".*?</ul>', built_site.html("index.html"), re.S)
    assert nav, "the navigation has no Værktøjer section"
    guidance = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")
                if not p.relative_to(docs).as_posix().startswith(("vaerktoejer/", "om/", "jobkonsulent"))}
    for checklist_id in checklists.available():
        page = f"vaerktoejer/tjekliste-{checklist_id}/"
        assert (built_site.path / page / "index.html").is_file(), page
        assert f'href="{page}"' in nav[0], f"{page} is not under Værktøjer in the navigation"
        linked_from = [name for name, text in guidance.items() if f"tjekliste-{checklist_id}.md" in text]
        assert linked_from, f"no guidance page links to {page}"


def test_every_page_carries_one_strict_content_security_policy_first_in_its_head(built_site):
    from hooks.content_security_policy import script_hashes

    policies = set()
    for page in built_site.pages():
        html = built_site.html(page)
        head = html[html.index("<head>") + len("<head>"):].lstrip()
        match = re.match(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert match, f"{page}: the policy is not the first thing in <head>"
        policies.add(match[1])
        directives = dict(d.strip().split(" ", 1) for d in match[1].split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'self'" and directives["form-action"] == "'self'"
        assert directives["worker-src"] == "'self'"
        assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"].replace(
            "'wasm-unsafe-eval'", "")
        assert script_hashes(html) <= set(directives["script-src"].split()), page
    assert len(policies) == 1  # one policy: instant navigation keeps the first page's in force


def test_the_booklet_holds_every_guidance_page_in_reading_order_with_unique_ids_and_working_links(built_site):
    from hooks.booklet import LEFT_OUT, LEFT_OUT_DIRS

    html = built_site.html("hele-vejledningen/index.html")
    config = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    nav = re.findall(r"^\s*- (?:[^:\n]+: )?([\w/-]+\.md)\s*$", config[config.index("\nnav:"):], re.M)
    guidance = [p for p in nav if p not in LEFT_OUT and not p.startswith(LEFT_OUT_DIRS)]
    assert len(guidance) >= 30
    titles = []
    for page in guidance:
        url = page.removesuffix("index.md") if page.endswith("index.md") else page.removesuffix(".md") + "/"
        titles.append(re.search(r'<h1 id="([^"]+)"', built_site.html(url + "index.html"))[1])
    positions = [html.find(f'<h2 id="s{n}-{title}"') for n, title in enumerate(titles, start=1)]
    assert -1 not in positions and positions == sorted(positions), list(zip(guidance, positions))
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
    for anchor in re.findall(r'href="#([^"]+)"', html):
        assert anchor in ids, anchor
    booklet = re.search(r'<div class="hj-booklet">.*', html, re.S)[0]
    assert "data-widget" not in booklet and "hj-booklet__tool" in booklet  # the screen-rule tool became a link
    for href in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', booklet):
        target = (built_site.path / "hele-vejledningen" / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href
    assert "<h1" not in booklet  # each page's title is a section heading under the booklet's own


def test_a_guidance_page_quotes_checklist_points_from_the_data_file_as_html_blocks(built_site):
    """The ten questions on the organisation page are points of the APV checklist, rendered by `checklist_list`."""
    html = built_site.html("egnethed/organisationen/index.html")
    quote = re.search(r'<div class="hj-quote">(.*?)</div>', html, re.S)
    assert quote
    texts = {escape(item.text) for item in checklists.load("apv-leder").items}
    points = re.findall(r"<li>(.*?)</li>", quote[1])
    assert len(points) == 10 and set(points) <= texts
    for page in built_site.pages():  # a quote inside an indented block would land in a <p>
        assert '<p><div class="hj-quote">' not in built_site.html(page), page


def test_pages_print_on_a4_with_the_site_s_margins_after_material_s(built_site):
    css = (built_site.path / "assets" / "hjemmearbejde" / "site.css").read_text(encoding="utf-8")
    rule = re.search(r"@page\s*\{([^}]*)\}", css)
    assert rule and re.search(r"\bsize:\s*A4\b", rule[1]) and "margin:" in rule[1]
    html = built_site.html("index.html")
    assert html.index("assets/stylesheets/main.") < html.index("assets/hjemmearbejde/site.css")


def test_the_service_worker_keeps_every_page_and_the_runtime_and_nothing_it_does_not_need(built_site):
    script = (built_site.path / "sw.js").read_text(encoding="utf-8")
    build = json.loads(script.split("const BUILD = ", 1)[1].split(";\nconst CACHE", 1)[0])
    assert re.fullmatch(r"[0-9a-f]{16}", build["version"])

    def file_of(address):
        return built_site.path / (address + "index.html" if address.endswith("/") else address)

    assert all(file_of(a).is_file() for a in build["pages"] + build["runtime"])
    pages = {p.as_posix() for p in built_site.pages()}
    kept = {file_of(a).relative_to(built_site.path).as_posix() for a in build["pages"]}
    assert pages <= kept and "search/search_index.json" in kept and "sitemap.xml" in kept
    assert not any(a.endswith((".map", ".br", ".gz")) or "pyodide" in a or ".whl" in a for a in build["pages"])
    assert any(a.endswith("python.snapshot") for a in build["runtime"])
    assert any(a.endswith("pyodide.asm.wasm") for a in build["runtime"])
    assert any(a.endswith(".whl") for a in build["runtime"])


@pytest.mark.parametrize("value", ["0", "12", "høj", ""])
def test_a_brotli_quality_that_is_not_1_to_11_stops_the_build_with_a_danish_message(monkeypatch, value):
    from hooks.precompress import brotli_quality

    monkeypatch.setenv("BROTLI_QUALITY", value)
    with pytest.raises(SystemExit, match="BROTLI_QUALITY skal være et tal fra 1 til 11"):
        brotli_quality()
    monkeypatch.setenv("BROTLI_QUALITY", "11")
    assert brotli_quality() == "11"
