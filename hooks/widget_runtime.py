"""MkDocs hook: put the widget runtime into the built site.

After every build it copies the files Pyodide needs and the DOM-morphing library
from `node_modules` under versioned paths, packs `tools/` as a pure-Python wheel
(with flit_core, the project's own build backend, in-process and offline), makes
a memory snapshot of Python with the widgets loaded (in Node, with the pinned
Pyodide), and writes the manifest (where these files are) into the worker,
`assets/hjemmearbejde/worker.js`, which starts its downloads at once and tells
the bridge. Pages without a widget never fetch any of the runtime. Snapshots are
kept in `.cache/runtime/` by the hash of what they are made from, so a rebuild
reuses them. (hooks/precompress.py, the last hook, writes the compressed copies
of these files and of every page.)
"""

import contextlib
import hashlib
import json
import os
import re
import shutil
import struct
import tempfile
import zipfile
from pathlib import Path

from flit_core import buildapi

from hooks.build_support import CACHE, NODE_SCRIPTS, ROOT, digest, run_node
from hooks.offline import CACHE_PREFIX

NODE_MODULES = ROOT / "node_modules"
RUNTIME_DIR = "assets/hjemmearbejde"
WORKER = "worker.js"
MANIFEST_PLACEHOLDER = '"__RUNTIME__"'
# Only what loadPyodide() and loadPackage(url) fetch; the npm package holds more.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
MORPH_FILE = "dist/idiomorph.esm.js"
# Pyodide's module factory, one function around nearly all of pyodide.asm.mjs (see eager_factory()).
FACTORY = ("async function _createPyodideModule(", "export default _createPyodideModule;")
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


def eager_factory(source: str) -> str:
    """pyodide.asm.mjs with its module factory as a function in parentheses, which V8 compiles as
    soon as the file is loaded. Declared plainly, the factory (1.2 MB of JavaScript, called by every
    start) was parsed twice: lightly when the worker imported the file, and in full when Pyodide
    called it (about 30 ms of the worker's time). The same code otherwise."""
    head, tail = FACTORY
    code = source.rstrip()
    if not (code.startswith(head) and code.endswith(tail)):
        raise SystemExit(f"pyodide.asm.mjs begynder ikke med {head!r} og slutter ikke med {tail!r}: "
                         "tilpas eager_factory() i hooks/widget_runtime.py til den nye Pyodide.")
    return f"export default ({code[:-len(tail)]});\n"


def _build_wheel(dest_dir: Path) -> Path:
    """Build the `tools` wheel into dest_dir/<content hash>/ and return its path.

    SOURCE_DATE_EPOCH makes the wheel reproducible, so its hash (and the URL
    browsers cache it under) changes only when `tools/` does.
    """
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(ROOT), _environ(SOURCE_DATE_EPOCH="315532800"):
        wheel_name = buildapi.build_wheel(tmp)
        wheel = Path(tmp) / wheel_name
        content_hash = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
        target = dest_dir / content_hash / wheel_name
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


def _snapshot(pyodide_dir: Path, wheel: Path, dest_dir: Path) -> tuple[Path, dict]:
    """Python's memory with the widgets loaded, in dest_dir/<hash>/; and what the worker needs to know
    of it besides: the wheel's path inside it, and the memory's length."""
    wheel_path = f"{SNAPSHOT_WHEEL_DIR}/{wheel.name}"
    worker = ROOT / "overrides" / RUNTIME_DIR / WORKER  # its withStart() takes the start out (see delta())
    key = digest((pyodide_dir / "pyodide.asm.wasm").read_bytes(), wheel.read_bytes(), wheel_path.encode(),
                 (NODE_SCRIPTS / "make_snapshot.mjs").read_bytes(), worker.read_bytes())
    cached = CACHE / "snapshots" / f"{key}.bin"
    start = cached.with_suffix(".start")
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        made = cached.with_suffix(".tmp")
        run_node("make_snapshot.mjs", str(pyodide_dir), str(wheel), wheel_path, str(made), str(worker))
        made.with_name(made.name + ".start").replace(start)
        made.replace(cached)
    target = dest_dir / key / "python.snapshot"
    target.parent.mkdir(parents=True, exist_ok=True)
    memory = cached.read_bytes()
    without_start, start_facts = delta(memory, start.read_bytes())
    target.write_bytes(sparse(without_start))
    zipfile.ZipFile(target.with_name(EMPTY_STDLIB), "w").close()
    return target, {"wheelPath": wheel_path, "memoryLength": len(memory), "start": start_facts}


def delta(memory: bytes, start: bytes) -> tuple[bytes, dict]:
    """Pyodide's snapshot with its heap XORed with the memory as Pyodide's module is made, before
    any code runs (the WebAssembly's static data, about 3.8 MB, nearly all of it unchanged by the
    time the snapshot is taken): those bytes become zeros, which sparse() leaves out, and the file
    gets about a quarter smaller as brotli. The worker takes the same start (`withStart`) and XORs it
    back in (`addStart`), once it has checked by `sum` (of the little-endian u32 words) that it is
    this one."""
    heap_at = struct.unpack_from("<I", memory, 4)[0]  # where the heap begins, after Pyodide's header
    length = -(-len(start.rstrip(b"\0")) // 4) * 4
    start = start[:length]
    mixed = int.from_bytes(memory[heap_at:heap_at + length], "little") ^ int.from_bytes(start, "little")
    facts = {"length": length, "sum": sum(struct.unpack(f"<{length // 4}I", start)) % 2**32}
    return memory[:heap_at] + mixed.to_bytes(length, "little") + memory[heap_at + length:], facts


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


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    runtime = site / RUNTIME_DIR

    pyodide_version = _package_version("pyodide")
    pyodide_dir = site / "assets" / "vendor" / "pyodide" / pyodide_version
    for name in PYODIDE_FILES:
        _copy(NODE_MODULES / "pyodide" / name, pyodide_dir / name)
    factory = pyodide_dir / "pyodide.asm.mjs"
    factory.write_text(eager_factory(factory.read_text(encoding="utf-8")), encoding="utf-8")

    morph_version = _package_version("idiomorph")
    morph = site / "assets" / "vendor" / "idiomorph" / morph_version / Path(MORPH_FILE).name
    _copy(NODE_MODULES / "idiomorph" / MORPH_FILE, morph)

    wheel = _build_wheel(runtime / "wheels")
    snapshot, snapshot_facts = _snapshot(NODE_MODULES / "pyodide", wheel, runtime / "snapshots")

    # Paths relative to the worker, so the site also works from a sub-path.
    def rel(path: Path) -> str:
        return Path(os.path.relpath(path, runtime)).as_posix()

    manifest = {"pyodide": rel(pyodide_dir) + "/", "wheel": rel(wheel), "morph": rel(morph),
                "snapshot": {"file": rel(snapshot), "emptyStdlib": rel(snapshot.with_name(EMPTY_STDLIB)),
                             **snapshot_facts},
                "offlineCopy": CACHE_PREFIX, "startTimeoutMs": START_TIMEOUT_MS}
    write_manifest(runtime / WORKER, manifest)


def write_manifest(worker: Path, manifest: dict) -> None:
    script = worker.read_text(encoding="utf-8")
    if script.count(MANIFEST_PLACEHOLDER) != 1:
        raise SystemExit(f"{worker} skal have {MANIFEST_PLACEHOLDER} én gang.")
    worker.write_text(script.replace(MANIFEST_PLACEHOLDER, json.dumps(manifest)), encoding="utf-8")


def read_manifest(worker: Path) -> dict:
    """The manifest written into the built worker (for the tests and the benchmark)."""
    return json.loads(re.search(r"^const MANIFEST = (\{.*\});$", worker.read_text(encoding="utf-8"), re.M)[1])
