// Offline: registers the site's service worker (sw.js at the site's root, written by
// hooks/offline.py), asks it to keep the widget runtime once a tool page has started it, and
// shows a banner when a new build of the site is ready. It knows no widget.

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
// waiting for: on a tool page it starts once the tool is ready, elsewhere once the page has loaded.
function whenPageIsDone() {
  const loaded = document.readyState === "complete"
    ? Promise.resolve()
    : new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  const tool = document.querySelector("[data-widget]")
    ? new Promise((resolve) => document.addEventListener("hj-runtime-ready", resolve, { once: true }))
    : Promise.resolve();
  return Promise.all([loaded, tool]);
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.addEventListener("controllerchange", () => switching && window.location.reload());
  document.addEventListener("hj-runtime-ready", async () => {
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: "keep-runtime" });
  });
  whenPageIsDone()
    .then(register)
    .catch((error) => console.warn("Hjemmearbejde: no offline copy of the site:", error));
}
