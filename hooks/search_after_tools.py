"""MkDocs hook: Material's search worker, made to wait while a tool starts.

`overrides/main.html` points Material's configuration at
`assets/javascripts/workers/search-after-tools.<hash>.min.js` in place of Material's own
`search.<hash>.min.js`. After the build this hook writes that file, from
`hooks/search_after_tools.js`, beside Material's worker: Material's worker loads lunr's
language files from "../lunr", relative to the worker script, and the wrapper finds Material's
worker by its own name. The name follows Material's, so an upgrade of Material needs no change here.
"""

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "search_after_tools.js"
WORKERS = "assets/javascripts/workers"
MATERIAL_WORKER = re.compile(r"search\.([0-9a-f]+)\.min\.js")


def on_post_build(config, **kwargs):
    workers = Path(config["site_dir"]) / WORKERS
    found = [m for m in map(MATERIAL_WORKER.fullmatch, (p.name for p in workers.glob("search.*.min.js"))) if m]
    if not found:
        raise SystemExit(f"Materials søge-worker ({WORKERS}/search.<hash>.min.js) mangler i det byggede site.")
    for match in found:
        (workers / f"search-after-tools.{match[1]}.min.js").write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
