"""MkDocs hook: a strict Content-Security-Policy in every page, also where the host sets no headers.

After the build it reads every page, hashes the inline scripts (Material's few
start-up scripts, and ours that starts Python's worker on a page with a tool:
overrides/main.html) and writes
one `<meta http-equiv="Content-Security-Policy">` with the union of those hashes
into every page. One policy for all pages, because with instant navigation the
policy of the first page a reader opens stays in force for the pages after it.
"""

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
DATA_BLOCK = re.compile(r"\btype=\"application/(?:ld\+)?json\"")  # data, never run: needs no hash

POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
          "base-uri 'self'; form-action 'self'")


def script_hashes(html: str) -> set[str]:
    return {"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
            for attributes, body in INLINE_SCRIPT.findall(html) if not DATA_BLOCK.search(attributes)}


def policy(hashes: set[str]) -> str:
    return POLICY.format(hashes=" ".join(sorted(hashes)))


def on_post_build(config, **kwargs):
    pages = sorted(Path(config["site_dir"]).rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = set().union(*(script_hashes(text) for text in texts.values()))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    for page, text in texts.items():
        # First thing in <head>, so it governs every script after it.
        page.write_text(re.sub(r"<head>", lambda m: m[0] + "\n    " + meta, text, count=1), encoding="utf-8")
