"""MkDocs hook: put the widget runtime into the built site.

After every build it copies the files Pyodide needs and the DOM-morphing library
from `node_modules` under versioned paths, packs `tools/` as a pure-Python wheel
(with flit_core, the project's own build backend, in-process and offline), and
writes `assets/hjemmearbejde/runtime.json`, the manifest the bridge reads. Pages
without a widget never fetch any of it.
"""

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from flit_core import buildapi

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
RUNTIME_DIR = "assets/hjemmearbejde"
# Only what loadPyodide() and loadPackage(url) fetch; the npm package holds more.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
MORPH_FILE = "dist/idiomorph.esm.js"


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

    # Paths relative to the manifest, so the site also works from a sub-path.
    def rel(path: Path) -> str:
        return Path(os.path.relpath(path, runtime)).as_posix()

    manifest = {"pyodide": rel(pyodide_dir) + "/", "wheel": rel(wheel), "morph": rel(morph),
                "startTimeoutMs": START_TIMEOUT_MS}
    (runtime / "runtime.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
