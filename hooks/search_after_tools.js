// Material's search worker, made to wait while a tool starts.
//
// Material builds the search index as soon as a page has loaded. On a page with a tool that work
// competes for the CPU with Python's start, and so do loading and compiling Material's worker
// itself. The bridge holds the Web Lock below while Python starts; this wrapper loads Material's
// worker only once the lock is free, and never later than LONGEST_WAIT_MS, then hands it the
// messages the page sent meanwhile (the index to build), in their order.
//
// hooks/search_after_tools.py writes it beside Material's worker, as
// search-after-tools.<hash>.min.js for Material's search.<hash>.min.js: Material's worker loads
// lunr's language files from "../lunr", relative to the worker script, and the wrapper finds
// Material's worker by its own name. overrides/main.html points Material's configuration here.

const RUNTIME_STARTING = "hjemmearbejde/runtime-starting"; // the bridge's lock
const LONGEST_WAIT_MS = 10_000;

const material = self.location.pathname.replace(/\/search-after-tools\.([0-9a-f]+)\.min\.js$/, "/search.$1.min.js");

function runtimeStarted() {
  if (!self.navigator.locks) return Promise.resolve();
  const wait = { signal: AbortSignal.timeout(LONGEST_WAIT_MS) };
  return navigator.locks.request(RUNTIME_STARTING, wait, () => {}).catch(() => {});
}

const held = [];
const keep = (event) => held.push(event.data);
self.addEventListener("message", keep);

runtimeStarted().then(() => {
  self.removeEventListener("message", keep);
  importScripts(material);
  for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
});
