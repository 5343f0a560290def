// The Python side of the bridge: one Web Worker per tab runs Pyodide and the
// `tools` wheel. It only passes JSON strings to tools.runtime.handle_message,
// so it needs no change when a widget is added.
//
// It starts from the build's memory snapshot (Python with the widgets already
// loaded) when there is one, and starts Python the normal way when the snapshot
// cannot be fetched or does not fit this Pyodide. Started under another name
// (COMPILE_ONLY, below), it only loads Pyodide's scripts, for the browser's code cache.

// Where the runtime's files are, relative to this script, and how long the bridge waits for Python:
// written in by hooks/widget_runtime.py at build time, so that the downloads start the moment this
// worker runs, with no request for a manifest and no wait for a message from the page.
const MANIFEST = "__RUNTIME__";

// Python's environment, the same for the build's snapshot (hooks/node/make_snapshot.mjs) and a
// normal start. Each makes the snapshot about 8 % smaller as brotli: PYTHONOPTIMIZE=2 leaves
// docstrings (and asserts; `tools/` has none) out of the modules Python compiles, and
// PYTHONNODEBUGRANGES their columns (a traceback then shows lines, without ^^^ under the culprit).
export const PYTHON_ENV = { PYTHONOPTIMIZE: "2", PYTHONNODEBUGRANGES: "1" };

let handleMessage = null;
let ready = null;

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response;
}

async function bytesOf(url) {
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

// Synchronous, for Python in the middle of a read (a worker may do this).
function bytesNow(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`${request.status} ${url}`);
  return new Uint8Array(request.response);
}

// The snapshot holds Python's memory, not its files. The wheel goes back where it was on sys.path,
// and the standard library's zip is loaded only when Python reads it (see stdlibOnDemand).
// `downloads` ({memory, wheel}) were started before Pyodide's own files, so they come side by side;
// `createModule` is Pyodide's own module factory (pyodide.asm.mjs), through which we see its memory.
// Pyodide is handed the memory at once, still empty: it needs only its length to make its
// WebAssembly module, so its code compiles while the memory downloads. `fsInit`, the last step of
// Pyodide's start before it restores the memory, waits until the download has been put into it,
// with the start Pyodide has just laid out added back (see addStart).
// Exported, with `loadStdlib`, for the test that restores the snapshot in Node
// (tests/support/restore_snapshot.mjs).
export async function fromSnapshot(loadPyodide, createModule, indexURL, snapshot, downloads,
                                   loadStdlib = () => bytesNow(new URL("python_stdlib.zip", indexURL).href)) {
  const memory = new Uint8Array(snapshot.memoryLength);
  const expanded = Promise.resolve(downloads.memory).then((bytes) => expandSnapshot(bytes, memory));
  expanded.catch(() => {}); // awaited below
  let start = null;
  let filled = null;
  const fsInit = () => {
    filled = expanded.then(() => addStart(memory, start, snapshot.start));
    // On a failure the memory loses its magic number, so Pyodide refuses it; the cause is thrown below.
    return filled.catch(() => memory.fill(0, 0, 4));
  };
  const createPyodideModule = (settings) => createModule(withStart(settings, snapshot.start.length, (laidOut) => {
    start = laidOut;
  }));
  let pyodide;
  try {
    pyodide = await loadPyodide({ indexURL, _loadSnapshot: memory, stdLibURL: snapshot.emptyStdlib,
                                  createPyodideModule, fsInit });
  } catch (error) {
    await (filled ?? expanded);
    throw error;
  }
  stdlibOnDemand(pyodide.FS, loadStdlib);
  pyodide.FS.mkdirTree(snapshot.wheelPath.slice(0, snapshot.wheelPath.lastIndexOf("/")));
  pyodide.FS.writeFile(snapshot.wheelPath, await downloads.wheel);
  pyodide.runPython("import random; random.seed()"); // the snapshot froze the build's random state
  return pyodide;
}

// Emscripten settings for Pyodide's module that hand `onStart` a copy of the first `length` bytes
// (all, if not given) of its memory as the module is made, before any code runs: the WebAssembly's
// static data, the same in every engine. (Pyodide's JavaScript writes into it before `fsInit` in
// a browser, not in Node.) The build takes it from the same place (hooks/node/make_snapshot.mjs).
export function withStart(settings, length, onStart) {
  const instantiate = settings.instantiateWasm;
  settings.instantiateWasm = (imports, done) => instantiate(imports, (instance, module) => {
    onStart(new Uint8Array(instance.exports.memory.buffer, 0, length).slice());
    done(instance, module);
  });
  return settings;
}

// The file's heap is XORed with the module's start (withStart; hooks/widget_runtime.py, delta()),
// since most of that is unchanged in the snapshot and so becomes zeros the file leaves out. The
// start here is XORed back in and checked by its sum to be the build's, in one pass over it (on a
// wrong sum the memory is wrong too, and fsInit has Pyodide refuse it).
function addStart(memory, laidOutBytes, start) {
  const words = start.length / 4;
  const laidOut = new Uint32Array(laidOutBytes.buffer, laidOutBytes.byteOffset, words);
  const heapAt = new DataView(memory.buffer).getUint32(4, true); // after Pyodide's own header
  const snapshotHeap = new Uint32Array(memory.buffer, heapAt, words);
  let sum = 0;
  for (let i = 0; i < words; i++) {
    const word = laidOut[i];
    sum = (sum + word) >>> 0;
    snapshotHeap[i] ^= word;
  }
  if (sum !== start.sum) throw new Error("Pyodide's start is not the one the snapshot was made with");
}

// The snapshot file holds Python's memory without its long runs of zeros (hooks/widget_runtime.py,
// sparse()): "HJSPARSE", the memory's length and the number of pieces, each piece's offset and
// length (u32, little-endian), then the pieces. This puts them into `memory`, zeroed and as long.
function expandSnapshot(bytes, memory) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== "HJSPARSE") throw new Error("not a snapshot of this site");
  if (view.getUint32(8, true) !== memory.length) throw new Error("the snapshot is not the one the manifest names");
  const count = view.getUint32(12, true);
  let data = 16 + count * 8;
  for (let piece = 0; piece < count; piece++) {
    const offset = view.getUint32(16 + piece * 8, true);
    const length = view.getUint32(20 + piece * 8, true);
    memory.set(bytes.subarray(data, data + length), offset);
    data += length;
  }
  if (data !== bytes.length) throw new Error("the snapshot file is cut short or too long");
}

// A restored Python has already imported what the widgets use, so it seldom reads the standard
// library's zip (2.5 MB). Pyodide is given an empty zip to install, and once it has restored the
// snapshot this puts in its place an Emscripten lazy file whose content, the real zip, is loaded
// (by `load`, synchronously) the first time anything reads it, which is when Python first imports
// from it: the snapshot holds no table of contents of the zip (see make_snapshot.mjs).
function stdlibOnDemand(FS, load) {
  const name = FS.readdir("/lib").find((entry) => entry.endsWith(".zip"));
  FS.unlink(`/lib/${name}`);
  const file = FS.createLazyFile("/lib", name, "python_stdlib.zip", true, false);
  let bytes = null;
  const loaded = () => (bytes ??= load());
  file.contents = { get length() { return loaded().length; }, get chunkSize() { return loaded().length; },
                    get: (index) => loaded()[index] };
}

// The runtime's files from the site's offline copy when it holds them (a second visit), read here
// directly: through the service worker's fetch event, handing over Pyodide's WebAssembly and the
// snapshot (about 10 MB each) made a second visit's start about 50 ms slower on two busy cores.
// Pyodide fetches its own files with the worker's `fetch`, so this stands in for it, in this worker
// only. What the copy lacks, or holds as a failure, goes to the network (and the service worker).
// `prefix` begins the names of the site's caches (hooks/offline.py); none exist on plain http.
function offlineCopyFirst(prefix) {
  if (!self.caches) return;
  const network = self.fetch.bind(self);
  const copies = caches.keys().then((names) => names.filter((name) => name.startsWith(prefix)), () => []);
  self.fetch = async (resource, options) => {
    for (const cacheName of await copies) {
      const kept = await caches.match(resource, { cacheName }).catch(() => undefined);
      if (kept?.ok) return kept;
    }
    return network(resource, options);
  };
}

async function fresh(loadPyodide, indexURL, wheel) {
  const pyodide = await loadPyodide({ indexURL, env: { ...PYTHON_ENV } });
  await pyodide.loadPackage(wheel, { messageCallback: () => {} });
  return pyodide;
}

async function start(manifest) {
  offlineCopyFirst(manifest.offlineCopy);
  const url = (path) => new URL(path, import.meta.url).href;
  const indexURL = url(manifest.pyodide);
  const wheel = url(manifest.wheel);
  const snapshot = manifest.snapshot && {
    ...manifest.snapshot, file: url(manifest.snapshot.file), emptyStdlib: url(manifest.snapshot.emptyStdlib),
  };
  const downloads = snapshot && { memory: bytesOf(snapshot.file), wheel: bytesOf(wheel) };
  for (const download of Object.values(downloads ?? {})) download.catch(() => {}); // awaited below
  // Pyodide's own module, fetched and compiled beside pyodide.mjs, which imports it later (the same module).
  const asm = import(new URL("pyodide.asm.mjs", indexURL).href);
  asm.catch(() => {}); // awaited below
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  let pyodide = null;
  let how = "fresh";
  if (snapshot) {
    try {
      // Pyodide asks for its module factory only after it has started fetching its wasm.
      const createModule = async (settings) => (await asm).default(settings);
      pyodide = await fromSnapshot(loadPyodide, createModule, indexURL, snapshot, downloads);
      how = "snapshot";
    } catch (error) {
      console.warn("Hjemmearbejde: the snapshot did not restore; starting Python afresh:", error);
    }
  }
  pyodide ??= await fresh(loadPyodide, indexURL, wheel);
  handleMessage = pyodide.pyimport("tools.runtime").handle_message;
  return how;
}

// The browser keeps a script's compiled code (V8's code cache) only from its second load: Chromium
// made it for Pyodide's scripts on a second visit, the first to load them from the offline copy, so
// only a third visit had it. Once the service worker has kept the runtime, the page starts this
// worker once more under this name (offline.js): it only loads those scripts, from the copy now,
// and says so, and the browser keeps their code for the next visit.
const COMPILE_ONLY = "hjemmearbejde-compile-only";

async function compileOnly(manifest) {
  const indexURL = new URL(manifest.pyodide, import.meta.url);
  await Promise.all(["pyodide.asm.mjs", "pyodide.mjs"].map((name) => import(new URL(name, indexURL).href)));
}

// The bridge learns where the morphing library is and how long to wait; then Python starts. Not
// when the build or a test imports this file outside a worker (for withStart, fromSnapshot).
if (typeof WorkerGlobalScope !== "undefined" && self.name === COMPILE_ONLY) {
  compileOnly(MANIFEST).finally(() => self.postMessage({ type: "compiled" }));
} else if (typeof WorkerGlobalScope !== "undefined") {
  self.postMessage({ type: "manifest", manifest: MANIFEST });
  ready = start(MANIFEST);
  ready.then(
    (how) => self.postMessage({ type: "ready", how }),
    (error) => self.postMessage({ type: "failed", error: String(error) }),
  );
  self.addEventListener("message", async ({ data }) => {
    if (data.type === "call") {
      try {
        await ready;
        self.postMessage({ type: "result", id: data.id, payload: handleMessage(data.payload) });
      } catch (error) {
        self.postMessage({ type: "result", id: data.id, error: String(error) });
      }
    }
  });
}
