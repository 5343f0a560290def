"""The build's memory snapshot, restored in Node the way the browser's worker restores it."""

import html
import json
import re
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest

from hooks.widget_runtime import SPARSE_MAGIC, delta, read_manifest, sparse
from tools import widgets

SCRIPT = Path(__file__).resolve().parents[1] / "support" / "restore_snapshot.mjs"
CONTEXT = {"storage": "ok", "stored": {"documents": {}, "corrupt": []}, "inputs": {}, "query": {},
           "now": "2026-11-23T10:00:00+01:00"}


@pytest.fixture(scope="module")
def restored(built_site):
    """Every widget on the site mounted in a restored runtime, then a module the snapshot lacks imported."""
    inits = {}
    for page in built_site.pages():
        for attribute in re.findall(r'data-init="([^"]*)"', built_site.html(page)):
            init = json.loads(html.unescape(attribute))
            inits.setdefault(json.dumps(init, sort_keys=True), init)
    messages = [{"op": "mount", "widget": init["widget"], "state": init["state"], "context": CONTEXT}
                for init in inits.values()]
    runtime_dir = built_site.path / "assets" / "hjemmearbejde"
    manifest = json.dumps(read_manifest(runtime_dir / "worker.js"))
    result = subprocess.run(["node", str(SCRIPT), str(runtime_dir), manifest],
                            input=json.dumps(messages), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return messages, json.loads(result.stdout.strip().splitlines()[-1])


def test_every_widget_on_the_site_mounts_without_the_standard_librarys_zip(restored):
    messages, outcome = restored
    assert {m["widget"] for m in messages} == set(widgets.names())
    assert [answer.get("error") for answer in outcome["answers"]] == [None] * len(messages)
    assert all(answer["html"] for answer in outcome["answers"])
    assert outcome["loadsBefore"] == 0


def test_a_module_the_snapshot_lacks_is_imported_from_the_zip_loaded_once(restored):
    _, outcome = restored
    assert outcome["loadsAfter"] == 1
    assert outcome["imported"] == pytest.approx(2 / 3)


def test_the_restored_python_runs_with_the_workers_environment_as_a_normal_start_does(restored):
    """PYTHON_ENV in worker.js: docstrings (PYTHONOPTIMIZE=2) and columns (PYTHONNODEBUGRANGES) left out."""
    _, outcome = restored
    assert outcome["optimize"] == 2 and outcome["columns"] is False


def test_the_empty_zip_that_stands_in_for_the_standard_library_is_a_valid_empty_zip(built_site):
    manifest = read_manifest(built_site.path / "assets/hjemmearbejde/worker.js")
    empty = built_site.path / "assets/hjemmearbejde" / manifest["snapshot"]["emptyStdlib"]
    with zipfile.ZipFile(empty) as archive:
        assert archive.namelist() == []
    assert empty.parent == (built_site.path / "assets/hjemmearbejde" / manifest["snapshot"]["file"]).parent


def test_the_snapshot_file_leaves_out_the_long_runs_of_zeros_and_says_where_its_pieces_go(built_site):
    """The worker's expandSnapshot reads this; restoring it (above) is the real proof."""
    runtime_dir = built_site.path / "assets" / "hjemmearbejde"
    snapshot = read_manifest(runtime_dir / "worker.js")["snapshot"]
    data = (runtime_dir / snapshot["file"]).read_bytes()
    assert data[:8] == SPARSE_MAGIC
    length, count = struct.unpack_from("<II", data, 8)
    assert snapshot["memoryLength"] == length  # the worker hands Pyodide the memory before it downloads
    pieces = [struct.unpack_from("<II", data, 16 + 8 * i) for i in range(count)]
    assert 16 + 8 * count + sum(size for _, size in pieces) == len(data) < length / 2
    assert all(a + size < b for (a, size), (b, _) in zip(pieces, pieces[1:])) and pieces[-1][0] + pieces[-1][1] <= length


def test_sparse_keeps_every_byte_but_the_long_runs_of_zeros():
    memory = b"ab" + bytes(5000) + b"c" + bytes(100) + b"d" + bytes(4096)
    data = sparse(memory)
    assert data[:8] == SPARSE_MAGIC and struct.unpack_from("<II", data, 8) == (len(memory), 2)
    assert struct.unpack_from("<IIII", data, 16) == (0, 2, 5002, 102)
    assert data[32:] == b"ab" + b"c" + bytes(100) + b"d"


def test_delta_zeroes_what_pyodides_start_lays_out_and_says_how_much_and_its_sum():
    header = struct.pack("<IIII", 0x12345678, 16, 0, 0)  # Pyodide's header: the heap begins at byte 16
    heap = bytes([1, 2, 3, 4, 9, 9, 9, 9, 7, 0, 0, 0]) + b"python" * 10
    start = bytes([1, 2, 3, 4, 9, 9, 9, 8, 7]) + bytes(100)  # as laid out; the rest of memory is zeros
    data, facts = delta(header + heap, start)
    assert facts == {"length": 12, "sum": (0x04030201 + 0x08090909 + 7) % 2**32}
    assert data[:16] == header and data[16:28] == bytes([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
    assert data[28:] == heap[12:] and len(data) == len(header + heap)
