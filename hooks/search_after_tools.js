// Material's search worker, made to wait while a tool starts.
//
// Material builds the search index as soon as a page has loaded. On a page with a tool that work
// competes for the CPU with Python's start. The bridge holds the Web Lock below while Python
// starts; this wrapper keeps Material's "set up" message (the index to build) until the lock is
// free, and never longer than LONGEST_WAIT_MS. Everything else passes straight through.
//
// hooks/search_after_tools.py writes it beside Material's worker, as
// search-after-tools.<hash>.min.js for Material's search.<hash>.min.js: Material's worker loads
// lunr's language files from "../lunr", relative to the worker script, and the wrapper finds
// Material's worker by its own name. overrides/main.html points Material's configuration here.

const RUNTIME_STARTING = "hjemmearbejde/runtime-starting"; // the bridge's lock
const LONGEST_WAIT_MS = 10_000;
const SETUP = 0; // Material's message type for "build the index from these documents"

const material = self.location.pathname.replace(/\/search-after-tools\.([0-9a-f]+)\.min\.js$/, "/search.$1.min.js");

function runtimeStarted() {
  if (!self.navigator.locks) return Promise.resolve();
  const wait = { signal: AbortSignal.timeout(LONGEST_WAIT_MS) };
  return navigator.locks.request(RUNTIME_STARTING, wait, () => {}).catch(() => {});
}

let passing = false;
self.addEventListener("message", (event) => {
  if (passing || event.data?.type !== SETUP) return;
  event.stopImmediatePropagation();
  runtimeStarted().then(() => {
    passing = true;
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
    passing = false;
  });
});

importScripts(material);
