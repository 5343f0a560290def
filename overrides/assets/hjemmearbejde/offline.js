// Offline: registers the site's service worker (sw.js at the site's root, written by
// hooks/offline.py), asks it to keep the widget runtime once a tool page has started it, and
// shows a banner when a new build of the site is ready. It knows no widget.

import { RUNTIME_STARTING, WORKER_URL } from "./bridge.js";

const SERVICE_WORKER = new URL("../../sw.js", import.meta.url);
const TEXT = {
  ready: "Der er en ny udgave af siden.",
  update: "Hent den nye udgave",
};

let switching = false;

function showBanner(waiting) {
  if (document.querySelector(".hj-update")) return;
  const banner = Object.assign(document.createElement("div"), { className: "hj-update", role: "status" });
  const text = Object.assign(document.createElement("p"), { textContent: TEXT.ready });
  const button = Object.assign(document.createElement("button"), {
    type: "button", className: "md-button md-button--primary", textContent: TEXT.update,
  });
  button.addEventListener("click", () => {
    switching = true;
    waiting.postMessage({ type: "skip-waiting" });
  });
  banner.append(text, button);
  document.body.append(banner);
}

async function register() {
  const registration = await navigator.serviceWorker.register(SERVICE_WORKER);
  const offer = (worker) => navigator.serviceWorker.controller && showBanner(worker);
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const next = registration.installing;
    next?.addEventListener("statechange", () => next.state === "installed" && offer(next));
  });
  // Instant navigation loads no page, so the browser would not look for a new build by itself.
  window.document$?.subscribe(() => registration.update().catch(() => {}));
}

// The offline copy is fetched in the background, and must not compete with what the reader is
// waiting for: it starts once the page has loaded and, on a page whose tool is starting, once the
// bridge lets go of its lock (Python has started, or failed to).
async function whenPageIsDone() {
  if (document.readyState !== "complete") await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  await navigator.locks?.request(RUNTIME_STARTING, () => {});
}

// Pyodide's scripts, loaded once from the offline copy just kept, so that the browser keeps their
// compiled code for the next visit (see COMPILE_ONLY in worker.js; the same name here).
function compileRuntimeOnce() {
  const worker = new Worker(WORKER_URL, { type: "module", name: "hjemmearbejde-compile-only" });
  worker.onmessage = worker.onerror = () => worker.terminate();
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.addEventListener("controllerchange", () => switching && window.location.reload());
  navigator.serviceWorker.addEventListener("message", ({ data }) => data?.type === "runtime-kept" && compileRuntimeOnce());
  document.addEventListener("hj-runtime-ready", async () => {
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: "keep-runtime" });
  });
  whenPageIsDone()
    .then(register)
    .catch((error) => console.warn("Hjemmearbejde: no offline copy of the site:", error));
}
