// Make a memory snapshot of Python with the widgets imported and their data read, so the
// browser's worker restores a ready runtime instead of starting Python and importing.
//
// Usage: node make_snapshot.mjs <pyodide dir> <tools wheel> <wheel path in Pyodide's FS> <output> <worker.js>
//
// Pyodide's snapshot API is private (`_makeSnapshot`, `makeMemorySnapshot`, `_loadSnapshot`, and
// `createPyodideModule`, which hands us its module):
// the version is pinned in package-lock.json, a browser test restores the snapshot, and the
// worker falls back to a normal start when the snapshot does not fit its Pyodide (build id).
// A snapshot made in Node restores in a browser; one made in a browser does not restore in Node.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, wheelPath, output, workerScript] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const { default: createModule } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.asm.mjs")).href);
// The site's worker, as a module (a data: URL, since the repository has no package.json to say so).
const { PYTHON_ENV, withStart } = await import(`data:text/javascript;base64,${fs.readFileSync(workerScript).toString("base64")}`);
// Python's memory as Pyodide's module is made, before any code runs (the WebAssembly's static
// data): the worker takes the same there when it restores, so the snapshot need not carry it (see
// the hook's delta()). Saved beside the snapshot as <output>.start.
let start = null;
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep, _makeSnapshot: true, env: { ...PYTHON_ENV },
  createPyodideModule: (settings) => createModule(withStart(settings, undefined, (laidOut) => { start = laidOut; })),
});
// The wheel goes on sys.path as it is (zipimport), not through loadPackage: that keeps a JS
// object the snapshot cannot hold. The worker writes the same file at the same path on restore.
pyodide.FS.mkdirTree(path.posix.dirname(wheelPath));
pyodide.FS.writeFile(wheelPath, fs.readFileSync(wheel));
// The worker reseeds random after a restore: imported here, it needs no file from the standard
// library's zip, which a restored runtime fetches only when it must (see worker.js). The zips'
// tables of contents that zipimport keeps are dropped: it reads them again the first time it
// imports from a zip after a restore. (importlib.invalidate_caches() would import
// importlib.metadata and email into the snapshot.)
pyodide.runPython(`
import gc, sys, zipimport
sys.path.insert(0, ${JSON.stringify(wheelPath)})
import tools.runtime
tools.runtime.prepare()
import random
for finder in sys.path_importer_cache.values():
    if isinstance(finder, zipimport.zipimporter):
        finder.invalidate_caches()
gc.collect()
`);
zeroFreeMemory(pyodide._module);
fs.writeFileSync(output, pyodide.makeMemorySnapshot());
fs.writeFileSync(`${output}.start`, start);

// Freed memory keeps what it last held (e.g. the source of every module imported); zeroed, it
// compresses to almost nothing, which makes the snapshot about a tenth smaller as brotli. calloc
// zeroes each free block it hands out, and the footprint limit keeps it to free blocks: the heap
// does not grow.
function zeroFreeMemory(module) {
  const blocks = [];
  module._malloc_set_footprint_limit(module._malloc_footprint());
  for (let size = 1 << 20; size >= 16; size >>= 1) {
    for (let block; (block = module._calloc(size, 1)); ) blocks.push(block);
  }
  for (const block of blocks) module._free(block);
  module._malloc_set_footprint_limit(-1); // no limit
}
