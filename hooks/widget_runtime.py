"""MkDocs hook: put the widget runtime into the built site.

After every build it copies the files Pyodide needs and the DOM-morphing library
from `node_modules` under versioned paths, packs `tools/` as a pure-Python wheel
(with flit_core, the project's own build backend, in-process and offline), makes
a memory snapshot of Python with the widgets loaded (in Node, with the pinned
Pyodide), writes brotli and gzip copies of the big files, and writes
the manifest (where these files are) into the worker, `assets/hjemmearbejde/worker.js`,
which starts its downloads at once and tells the bridge. Pages without a widget
never fetch any of the runtime. Snapshots and compressed copies are kept in
`.cache/runtime/` by the hash of what they are made from, so a rebuild reuses them.
"""

import contextlib
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
from pathlib import Path

from flit_core import buildapi

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
RUNTIME_DIR = "assets/hjemmearbejde"
WORKER = "worker.js"
MANIFEST_PLACEHOLDER = '"__RUNTIME__"'
# Only what loadPyodide() and loadPackage(url) fetch; the npm package holds more.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
MORPH_FILE = "dist/idiomorph.esm.js"
# Served precompressed where the host can (see the README): the bulk of a tool page's bytes.
COMPRESSED = ("pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
NODE_SCRIPTS = Path(__file__).resolve().parent / "node"
CACHE = ROOT / ".cache" / "runtime"
# Where the wheel sits in Pyodide's file system in the snapshot; the worker writes it there again.
SNAPSHOT_WHEEL_DIR = "/hjemmearbejde"
# What a restored runtime gets at first instead of the standard library's zip (see worker.js).
EMPTY_STDLIB = "empty-stdlib.zip"
# The snapshot's file format (see sparse()); worker.js checks the same eight bytes.
SPARSE_MAGIC = b"HJSPARSE"
ZERO_RUN = re.compile(rb"\0{4096,}")


# How long the bridge waits for Python before it shows the static page's message and "Prøv igen":
# long enough for the runtime's download on a slow intranet link, short enough not to leave a
# reader waiting on a download that has stalled.
START_TIMEOUT_MS = 60_000

def _package_version(name: str) -> str:
    package_json = NODE_MODULES / name / "package.json"
    if not package_json.is_file():
        raise SystemExit(f"{package_json} mangler: kør `make install` (eller `npm ci`) først.")
    return json.loads(package_json.read_text(encoding="utf-8"))["version"]


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def _build_wheel(dest_dir: Path) -> Path:
    """Build the `tools` wheel into dest_dir/<content hash>/ and return its path.

    SOURCE_DATE_EPOCH makes the wheel reproducible, so its hash (and the URL
    browsers cache it under) changes only when `tools/` does.
    """
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(ROOT), _environ(SOURCE_DATE_EPOCH="315532800"):
        wheel_name = buildapi.build_wheel(tmp)
        wheel = Path(tmp) / wheel_name
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
        target = dest_dir / digest / wheel_name
        _copy(wheel, target)
    return target


@contextlib.contextmanager
def _environ(**values: str):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key)
            else:
                os.environ[key] = value


def _node(script: str, *args: str) -> None:
    result = subprocess.run(["node", str(NODE_SCRIPTS / script), *args], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{script} fejlede:\n{result.stderr[-2000:]}")


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def _snapshot(pyodide_dir: Path, wheel: Path, dest_dir: Path) -> tuple[Path, str]:
    """Python's memory with the widgets loaded, in dest_dir/<hash>/; and the wheel's path inside it."""
    wheel_path = f"{SNAPSHOT_WHEEL_DIR}/{wheel.name}"
    key = _digest((pyodide_dir / "pyodide.asm.wasm").read_bytes(), wheel.read_bytes(), wheel_path.encode(),
                  (NODE_SCRIPTS / "make_snapshot.mjs").read_bytes())
    cached = CACHE / "snapshots" / f"{key}.bin"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        _node("make_snapshot.mjs", str(pyodide_dir), str(wheel), wheel_path, str(cached.with_suffix(".tmp")))
        cached.with_suffix(".tmp").replace(cached)
    target = dest_dir / key / "python.snapshot"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(sparse(cached.read_bytes()))
    zipfile.ZipFile(target.with_name(EMPTY_STDLIB), "w").close()
    return target, wheel_path


def sparse(memory: bytes) -> bytes:
    """Python's memory without its long runs of zeros (more than half of it), for the worker's
    `expandSnapshot`: SPARSE_MAGIC, the memory's length and the number of pieces (u32, little-endian),
    each piece's offset and length, then the pieces. Brotli shrinks the zeros anyway; this keeps
    them out of the decoded download and of the offline copy, which hold the snapshot as it is."""
    pieces, start = [], 0
    for run in ZERO_RUN.finditer(memory):
        if run.start() > start:
            pieces.append((start, run.start()))
        start = run.end()
    if start < len(memory):
        pieces.append((start, len(memory)))
    table = b"".join(struct.pack("<II", begin, end - begin) for begin, end in pieces)
    return SPARSE_MAGIC + struct.pack("<II", len(memory), len(pieces)) + table + b"".join(
        memory[begin:end] for begin, end in pieces)


def _brotli_quality() -> str:
    """BROTLI_QUALITY from the environment: 9 by default (quick to build); 11 for publishing saves
    about a tenth of the bytes and takes minutes the first time."""
    quality = os.environ.get("BROTLI_QUALITY", "9")
    if quality not in {str(q) for q in range(1, 12)}:
        raise SystemExit(f"BROTLI_QUALITY skal være et tal fra 1 til 11, ikke {quality!r}.")
    return quality


def _precompress(files: list[Path]) -> None:
    """Write file.br and file.gz beside each file, from the cache when its content was seen before."""
    quality = _brotli_quality()
    script = (NODE_SCRIPTS / "precompress.mjs").read_bytes()
    cached = {file: CACHE / "compressed" / _digest(file.read_bytes(), script, quality.encode()) for file in files}
    missing = [c for c in cached.values() if not (c.with_suffix(".br").is_file() and c.with_suffix(".gz").is_file())]
    for file, copy in cached.items():
        if copy in missing:
            _copy(file, copy)
    if missing:
        _node("precompress.mjs", quality, *map(str, missing))
        for copy in missing:
            copy.unlink()
    for file, copy in cached.items():
        for suffix in (".br", ".gz"):
            _copy(copy.with_suffix(suffix), file.with_name(file.name + suffix))


_serving = False


def on_startup(command, **kwargs):
    # `mkdocs serve` cannot send precompressed files, and compressing on every rebuild would slow it.
    global _serving
    _serving = command == "serve"


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    runtime = site / RUNTIME_DIR

    pyodide_version = _package_version("pyodide")
    pyodide_dir = site / "assets" / "vendor" / "pyodide" / pyodide_version
    for name in PYODIDE_FILES:
        _copy(NODE_MODULES / "pyodide" / name, pyodide_dir / name)

    morph_version = _package_version("idiomorph")
    morph = site / "assets" / "vendor" / "idiomorph" / morph_version / Path(MORPH_FILE).name
    _copy(NODE_MODULES / "idiomorph" / MORPH_FILE, morph)

    wheel = _build_wheel(runtime / "wheels")
    snapshot, snapshot_wheel = _snapshot(NODE_MODULES / "pyodide", wheel, runtime / "snapshots")
    if not _serving:
        _precompress([pyodide_dir / name for name in COMPRESSED] + [snapshot])

    # Paths relative to the worker, so the site also works from a sub-path.
    def rel(path: Path) -> str:
        return Path(os.path.relpath(path, runtime)).as_posix()

    manifest = {"pyodide": rel(pyodide_dir) + "/", "wheel": rel(wheel), "morph": rel(morph),
                "snapshot": {"file": rel(snapshot), "wheelPath": snapshot_wheel,
                             "emptyStdlib": rel(snapshot.with_name(EMPTY_STDLIB))},
                "startTimeoutMs": START_TIMEOUT_MS}
    write_manifest(runtime / WORKER, manifest)


def write_manifest(worker: Path, manifest: dict) -> None:
    script = worker.read_text(encoding="utf-8")
    if script.count(MANIFEST_PLACEHOLDER) != 1:
        raise SystemExit(f"{worker} skal have {MANIFEST_PLACEHOLDER} én gang.")
    worker.write_text(script.replace(MANIFEST_PLACEHOLDER, json.dumps(manifest)), encoding="utf-8")


def read_manifest(worker: Path) -> dict:
    """The manifest written into the built worker (for the tests and the benchmark)."""
    return json.loads(re.search(r"^const MANIFEST = (\{.*\});$", worker.read_text(encoding="utf-8"), re.M)[1])
