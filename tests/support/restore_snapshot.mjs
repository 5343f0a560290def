// Restore a built site's snapshot in Node with the worker's own fromSnapshot (the empty zip
// installed, then the real one loaded on first read, here from disk). Then answer the messages
// given on stdin, and import a module the snapshot lacks. Prints JSON: the answers, how often the
// real zip was loaded before and after that import, its result, Python's optimisation level, and
// whether its code keeps columns.
//
// Usage: node restore_snapshot.mjs <the site's assets/hjemmearbejde> <the worker's manifest, JSON> < messages.json
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const runtimeDir = process.argv[2];
const manifest = JSON.parse(process.argv[3]);
const at = (file) => path.resolve(runtimeDir, file);
const indexURL = at(manifest.pyodide) + path.sep;

// The site's worker.js, as a module (a data: URL, since the site has no package.json to say so).
const worker = fs.readFileSync(path.join(runtimeDir, "worker.js"));
const { fromSnapshot } = await import(`data:text/javascript;base64,${worker.toString("base64")}`);

let loads = 0;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const { default: createModule } = await import(pathToFileURL(indexURL + "pyodide.asm.mjs").href);
const snapshot = { ...manifest.snapshot, emptyStdlib: at(manifest.snapshot.emptyStdlib) };
const downloads = { memory: fs.readFileSync(at(manifest.snapshot.file)), wheel: fs.readFileSync(at(manifest.wheel)) };
const pyodide = await fromSnapshot(loadPyodide, createModule, indexURL, snapshot, downloads, () => {
  loads += 1;
  return new Uint8Array(fs.readFileSync(indexURL + "python_stdlib.zip"));
});
const handle = pyodide.pyimport("tools.runtime").handle_message;
const answers = JSON.parse(fs.readFileSync(0, "utf8")).map((message) => JSON.parse(handle(JSON.stringify(message))));
const before = loads;
const optimize = pyodide.runPython("import sys; sys.flags.optimize");
const columns = pyodide.runPython("any(column is not None for _, _, column, _ in compile('x = 1', '', 'exec').co_positions())");
const imported = pyodide.runPython("import difflib; difflib.SequenceMatcher(None, 'abc', 'abd').ratio()");
console.log(JSON.stringify({ answers, loadsBefore: before, loadsAfter: loads, imported, optimize, columns }));
