"""MkDocs hook, the last one: write a brotli (`file.br`) and a gzip (`file.gz`) copy beside every
file a browser fetches that compresses: pages, styles, scripts, JSON, and the widget runtime.

A host that sends these copies (see the README) cuts a tool page's download from about 45 MB to
under 8 MB, and a plain page's from about 0.65 MB to under a quarter of that, without compressing
anything itself. It runs after the other hooks, since they write and rewrite files (the security policy goes
into every page, the service worker is written last of all). The copies of the big files (the
runtime's) are kept in `.cache/runtime/compressed/` by the hash of the file, the compressor and the
quality, so a rebuild reuses them.
"""

import os
import shutil
from pathlib import Path

from hooks.build_support import CACHE, NODE_SCRIPTS, digest, run_node

SCRIPT = "precompress.mjs"
# What compresses: text, and the runtime's WebAssembly, memory snapshot and standard library.
# (Images, fonts and the wheel are compressed already; source maps are for developers' tools.)
SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".snapshot", ".zip")
SMALLEST = 1024  # bytes: below this a copy saves less than its request's headers
CACHED_FROM = 1024 * 1024  # bytes: the runtime's big files, the same from build to build

_serving = False


def on_startup(command, **kwargs):
    # `mkdocs serve` cannot send precompressed files, and compressing on every rebuild would slow it.
    global _serving
    _serving = command == "serve"


def on_post_build(config, **kwargs):
    if not _serving:
        precompress(files_to_compress(Path(config["site_dir"])))


def files_to_compress(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*")
                  if p.suffix in SUFFIXES and p.is_file() and p.stat().st_size >= SMALLEST)


def brotli_quality() -> str:
    """BROTLI_QUALITY from the environment: 9 by default (quick to build); 11 for publishing saves
    about a tenth of the bytes and takes minutes the first time."""
    quality = os.environ.get("BROTLI_QUALITY", "9")
    if quality not in {str(q) for q in range(1, 12)}:
        raise SystemExit(f"BROTLI_QUALITY skal være et tal fra 1 til 11, ikke {quality!r}.")
    return quality


def precompress(files: list[Path]) -> None:
    """Write file.br and file.gz beside each file. The big ones (the runtime) come from the cache when
    their content was seen before; the others (pages, which change with every build) are made anew."""
    quality = brotli_quality()
    small = [f for f in files if f.stat().st_size < CACHED_FROM]
    if small:
        run_node(SCRIPT, quality, *map(str, small))
    script = (NODE_SCRIPTS / SCRIPT).read_bytes()
    cache = CACHE / "compressed"
    cached = {file: cache / digest(file.read_bytes(), script, quality.encode())
              for file in files if file not in small}
    missing = sorted({copy for copy in cached.values()
                      if not all(copy.with_suffix(suffix).is_file() for suffix in (".br", ".gz"))})
    cache.mkdir(parents=True, exist_ok=True)
    for file, copy in cached.items():
        if copy in missing:
            shutil.copyfile(file, copy)
    if missing:
        run_node(SCRIPT, quality, *map(str, missing))
        for copy in missing:
            copy.unlink()
    for file, copy in cached.items():
        for suffix in (".br", ".gz"):
            shutil.copyfile(copy.with_suffix(suffix), file.with_name(file.name + suffix))
