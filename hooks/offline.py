"""MkDocs hook: write the service worker that makes the site work offline.

After the build (and after the other hooks have written their files) it lists
what a reader needs offline: every page and the theme's assets, kept from the
first visit, and the widget runtime (Pyodide, the wheel, the snapshot), kept once
a tool page has started it. It writes `sw.js` at the site's root from
`hooks/service_worker.js`, with a version made from the content of every listed
file, so a new build is a new service worker. `mkdocs serve` gets a worker that
removes itself instead: a cache would hide the edits being served.
"""

import hashlib
import json
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "service_worker.js"
SERVICE_WORKER = "sw.js"
# The offline copy is a cache named this and the build's version. Python's worker reads the runtime
# from it directly (hooks/widget_runtime.py gives it the prefix).
CACHE_PREFIX = "hjemmearbejde-"
# The runtime: only a tool page needs it, and it is most of the site's bytes.
RUNTIME_PREFIXES = ("assets/vendor/", "assets/hjemmearbejde/wheels/", "assets/hjemmearbejde/snapshots/")
# Not needed to read the site or use its tools: source maps, precompressed copies (the browser gets
# the decoded file), Material's search support for other languages, the sitemap's gzip copy.
SKIPPED_SUFFIXES = (".map", ".br", ".gz")
LUNR = "assets/javascripts/lunr/"
LUNR_NEEDED = ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.da.min.js",
               "assets/javascripts/lunr/min/lunr.multi.min.js")
UNREGISTER = """// mkdocs serve: no offline cache while pages are being edited; remove any worker a built site left.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.registration.unregister()));
"""

_serving = False


def on_startup(command, **kwargs):
    global _serving
    _serving = command == "serve"


def _address(path: str) -> str:
    """The address a link uses: a folder's index.html is the folder."""
    if path == "index.html":
        return "./"
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def files_to_keep(site: Path) -> tuple[list[str], list[str]]:
    """(pages and assets kept from the first visit, runtime files kept once a tool starts), as site paths."""
    pages, runtime = [], []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        if path == SERVICE_WORKER or path.endswith(SKIPPED_SUFFIXES):
            continue
        if path.startswith(LUNR) and path not in LUNR_NEEDED:
            continue
        (runtime if path.startswith(RUNTIME_PREFIXES) else pages).append(path)
    return pages, runtime


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    if _serving:
        (site / SERVICE_WORKER).write_text(UNREGISTER, encoding="utf-8")
        return
    pages, runtime = files_to_keep(site)
    digest = hashlib.sha256()
    for path in pages + runtime:
        digest.update(path.encode() + b"\0" + hashlib.sha256((site / path).read_bytes()).digest())
    build = {"version": digest.hexdigest()[:16], "cachePrefix": CACHE_PREFIX,
             "pages": [_address(p) for p in pages], "runtime": [_address(p) for p in runtime]}
    script = TEMPLATE.read_text(encoding="utf-8").replace('"__BUILD__"', json.dumps(build, indent=1))
    (site / SERVICE_WORKER).write_text(script, encoding="utf-8")
