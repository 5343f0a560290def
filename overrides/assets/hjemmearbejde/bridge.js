// The bridge between the pages and the Python widgets. It knows no widget.
//
// It is loaded from <head> as an async module, so it runs while the page is
// still being parsed: on a page with a tool it starts the runtime (a Web Worker
// with Pyodide, once per tab, kept across instant navigations). On every page
// load and instant navigation it mounts the widgets. User events go to Python with the widget's state; the HTML that
// comes back is morphed into place (keeping focus and caret) and the effects
// are carried out here.

export const WORKER_URL = new URL("./worker.js", import.meta.url);

const TEXT = {
  loading: "Værktøjet indlæses …",
  failed:
    "Værktøjet kunne ikke starte. Du kan stadig læse og udskrive siden, " +
    "men dine valg bliver ikke gemt. Prøv igen, eller genindlæs siden senere.",
  retry: "Prøv igen",
  broken: "Der skete en fejl i værktøjet. Det du har gjort indtil nu, er ikke ændret.",
};

let runtime = null; // Promise of { call(payload) -> Promise<response>, how, morph }
let runtimeNow = null; // the same runtime once it has started
const mounted = new Set();

// Started once per tab. A failed start is not tried again by itself on the same page (the widgets
// there show what failed, and "Prøv igen"), but it is when the reader presses that button or goes on
// to another page with a tool: a link that was down on the train may be up again.
function startRuntime() {
  if (runtime) return runtime;
  const starting = (async () => {
    // Some locked-down browsers turn WebAssembly off; Pyodide cannot run there, so don't download it.
    if (typeof WebAssembly !== "object") throw new Error("this browser has no WebAssembly");
    const worker = startWorker();
    const [{ Idiomorph }, { call, how }] = await Promise.all([
      worker.manifest.then((manifest) => import(new URL(manifest.morph, WORKER_URL).href)),
      worker.ready,
    ]);
    const options = { morphStyle: "innerHTML", callbacks: { beforeAttributeUpdated: keepReadersInput } };
    runtimeNow = { call, how, morph: (el, html) => Idiomorph.morph(el, html, options), announced: false };
    return runtimeNow;
  })();
  runtime = starting;
  starting.catch(() => {
    if (runtime === starting) runtime = null;
  });
  holdWhileStarting(starting);
  return starting;
}

// While Python starts, the tab holds this Web Lock, so that work in the background which would
// compete for the CPU can wait for it: the offline copy (offline.js) and Material's search index
// (hooks/search_after_tools.js) do. It is let go when the first tool has mounted (hj-runtime-ready)
// or Python has failed to start.
export const RUNTIME_STARTING = "hjemmearbejde/runtime-starting";
function holdWhileStarting(starting) {
  navigator.locks?.request(RUNTIME_STARTING, () => new Promise((release) => {
    document.addEventListener("hj-runtime-ready", release, { once: true });
    starting.catch(release);
  }));
}

function retryRuntime() {
  for (const widget of mounted) if (widget.root.dataset.state === "error") widget.start();
}

// Python starts while the rest of the page still loads, not only when the page is done and the
// widgets are mounted: a page with a tool says so in its <head>, before this script
// (overrides/main.html). A failure is shown when the widget mounts.
function startOnPageWithTool() {
  if (document.querySelector('meta[name="hjemmearbejde:tools"]')) startRuntime().catch(() => {});
}

// An answer to an older event never undoes what the reader has done since. The field being typed in
// keeps its value. A choice (a box, a radio group, a list) keeps what is chosen while a change to it
// still waits for its answer: Python answers one event at a time, and the answers to the events
// before that change do not know of it. (Idiomorph's own ignoreActiveValue is not used: it also
// leaves the focused element's children and checked state alone, so a focused button morphed into
// another kept its old label.)
let morphing = null; // while a widget morphs in an answer: { widget, upTo: the number of the last event it answers }

function keepReadersInput(attribute, element) {
  if (attribute === "value") return !(element === document.activeElement && isTyped(element));
  if (morphing && (attribute === "checked" || attribute === "selected")) {
    return !morphing.widget.choiceSince(element.localName === "option" ? element.closest("select") : element, morphing.upTo);
  }
  return true;
}

// A field whose change event reports a choice: a box, a radio button (its group shares the name), a list.
const isChoice = (element) =>
  element?.localName === "select" || (element?.localName === "input" && (element.type === "checkbox" || element.type === "radio"));

// A field one types in. The others (boxes, radio buttons, lists, files) report a choice with a
// change event, and their input event says the same thing again.
function isTyped(element) {
  return element.localName === "textarea" || (element.localName === "input" && !UNTYPED.has(element.type));
}
const UNTYPED = new Set(["checkbox", "radio", "button", "submit", "reset", "file", "hidden", "image", "range", "color"]);

// The worker starts Python by itself, so the downloads begin without waiting for this page's main
// thread. `manifest` resolves when the worker has said where the runtime's files are (paths relative
// to the worker) and how long to wait for it; `ready` with call() and how Python started ("snapshot"
// or "fresh"). `ready` rejects when the worker fails, or when
// Python has not started within the manifest's startTimeoutMs (a download that stalls), and then
// the worker is stopped. A page with a tool has started its worker while it was parsed, and kept
// what the worker said until now (overrides/main.html): that worker is taken over, once.
function startWorker() {
  const early = window.hjemmearbejdeWorker;
  delete window.hjemmearbejdeWorker;
  const worker = early?.worker ?? new Worker(WORKER_URL, { type: "module" });
  let manifestRead;
  const manifest = new Promise((resolve) => (manifestRead = resolve));
  const ready = new Promise((resolve, reject) => {
    let timer = null;
    const fail = (error) => (clearTimeout(timer), worker.terminate(), reject(error));
    const pending = new Map();
    let nextId = 0;
    const call = (payload) =>
      new Promise((done, failed) => {
        const id = nextId++;
        pending.set(id, { done, failed });
        worker.postMessage({ type: "call", id, payload: JSON.stringify(payload) });
      });
    const hear = ({ data }) => {
      if (data.type === "manifest") {
        const limit = data.manifest.startTimeoutMs;
        timer = setTimeout(() => fail(new Error(`the runtime did not start within ${limit} ms`)), limit);
        manifestRead(data.manifest);
      } else if (data.type === "ready") {
        clearTimeout(timer);
        resolve({ call, how: data.how });
      } else if (data.type === "failed") fail(new Error(data.error));
      else if (data.type === "result") {
        const { done, failed } = pending.get(data.id);
        pending.delete(data.id);
        data.error ? failed(new Error(data.error)) : done(JSON.parse(data.payload));
      }
    };
    const broke = (event) => fail(new Error(event.message || "worker error"));
    worker.addEventListener("message", hear);
    worker.addEventListener("error", broke);
    if (early) {
      worker.onmessage = worker.onerror = null;
      for (const event of early.heard) (event.type === "error" ? broke : hear)(event);
    }
  });
  return { manifest, ready };
}

// Storage. The bridge touches no key outside the site's namespace (an intranet
// origin is shared with other applications), and every failure is reported to
// the widget as a fact, never swallowed.
const NAMESPACE = "hjemmearbejde/";
const inRoot = (key, root) => key === root || key.startsWith(root + "/");

// Everything stored under a root: { storage, stored: { documents: {key: parsed}, corrupt: [keys] } }.
function readRoot(root) {
  const stored = { documents: {}, corrupt: [] };
  if (!root) return { storage: "ok", stored };
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !inRoot(key, root)) continue;
      try {
        stored.documents[key] = JSON.parse(localStorage.getItem(key));
      } catch {
        stored.corrupt.push(key);
      }
    }
  } catch {
    return { storage: "unavailable", stored };
  }
  return { storage: "ok", stored };
}

// The browser's local time with its offset, e.g. 2026-11-23T10:15:00+01:00: widgets show local dates.
function now() {
  const date = new Date();
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 23); // to the millisecond
  return `${local}${offset >= 0 ? "+" : "-"}${pad(offset / 60)}:${pad(offset % 60)}`;
}

// What the page knows when a widget mounts (tools/contract.py, Context), for a page at `location`.
function contextOf(storageRoot, reads, location) {
  const { storage, stored } = readRoot(storageRoot);
  const inputs = Object.fromEntries(reads.map((root) => [root, readRoot(root).stored]));
  return { storage, stored, inputs, query: queryOf(location), now: now() };
}

function queryOf(location) {
  const query = {};
  for (const [name, value] of new URLSearchParams(location.search)) (query[name] ??= []).push(value);
  return query;
}

// A file the user picked in <input type="file" data-max-bytes>: refused unread when too large.
async function describeFile(input) {
  const file = input.files?.[0];
  input.value = ""; // so picking the same file again is a new change
  if (!file) return null;
  const described = { type: "file", name: input.name, id: input.id || null, file: { name: file.name, size: file.size } };
  if (!(file.size <= Number(input.dataset.maxBytes))) return { ...described, file: { ...described.file, error: "too-large" } };
  try {
    return { ...described, file: { ...described.file, text: await file.text() } };
  } catch {
    return { ...described, file: { ...described.file, error: "unreadable" } };
  }
}

// What a user event tells Python: which element, which value; never the DOM itself.
function describe(event, root) {
  const target = event.target;
  if (event.type === "click") {
    const link = target.closest('a[href^="#"]');
    if (link && root.contains(link)) {
      // An in-widget link (error summary, action list) moves focus to its field, not only the view.
      const field = root.querySelector(link.getAttribute("href"));
      const focusable = field?.matches("fieldset") ? field.querySelector("input, textarea, select") : field;
      if (focusable) {
        event.preventDefault();
        event.stopPropagation(); // Material's instant navigation would take the focus away again
        focusable.focus();
        focusable.scrollIntoView({ block: "center" });
      }
      return null;
    }
    const button = target.closest("button[data-action]");
    if (!button || !root.contains(button)) return null;
    event.preventDefault();
    return { type: "click", action: button.dataset.action, value: button.value || null };
  }
  if (event.type === "submit") {
    if (!target.dataset.action) return null;
    event.preventDefault();
    const fields = [...new FormData(target)].filter(([, v]) => typeof v === "string");
    return { type: "submit", action: target.dataset.action, fields };
  }
  if (!target.name || target.type === "file") return null;
  if (event.type === "input" && !isTyped(target)) return null; // its change event follows
  const described = { type: event.type, name: target.name, value: target.value, id: target.id || null };
  if (target.type === "checkbox" || target.type === "radio") described.checked = target.checked;
  return described;
}

// A widget as the build rendered it, not yet mounted, and what its `data-init` tells the bridge
// (tools/runtime.py, render_static).
const UNMOUNTED = '[data-widget][data-state="static"]';
function initOf(root) {
  const { widget, state, storageRoot, reads = [] } = JSON.parse(root.dataset.init);
  return { widget, state, storageRoot, reads };
}

class Widget {
  constructor(root) {
    const data = initOf(root);
    this.root = root;
    this.name = data.widget;
    this.state = data.state;
    this.storageRoot = data.storageRoot;
    this.reads = data.reads;
    this.body = root.querySelector(":scope > .hj-widget__body");
    this.status = root.querySelector(":scope > .hj-widget__status");
    this.queue = Promise.resolve();
    this.events = 0; // the reader's events, numbered in the order they were made
    this.lastChoice = new Map(); // a choice's name → the number of the reader's last change to it
  }

  mount() {
    // Listen at once: what the user does while Python loads is queued, not lost.
    for (const type of ["input", "change", "click", "submit"]) {
      this.root.addEventListener(type, (event) => {
        // A picked file is read at once (it is gone from the input afterwards) and queued in order.
        const described = type === "change" && event.target.type === "file"
          ? describeFile(event.target)
          : describe(event, this.root);
        if (described) this.send(described, type === "change" && isChoice(event.target) ? event.target.name : null);
      });
    }
    this.start();
  }

  start() {
    const context = contextOf(this.storageRoot, this.reads, window.location);
    const upTo = this.events; // what is done while Python loads is queued behind the mount
    const answer = runtimeNow && answerAhead(this.root.dataset.init, context);
    if (answer) {
      this.mounted(runtimeNow, this.apply(runtimeNow, answer, upTo));
      return;
    }
    this.setState("loading");
    this.say(TEXT.loading);
    this.queue = startRuntime().then(
      async (rt) => {
        this.say(""); // the loading note; what mounting announces comes after
        this.mounted(rt, await this.call(rt, { op: "mount", widget: this.name, state: this.state, context }, upTo));
      },
      (error) => {
        console.warn("Hjemmearbejde: the widget runtime did not start:", error);
        this.fail();
      },
    );
  }

  mounted(rt, answered) {
    if (answered) {
      this.rt = rt; // only a mounted widget gets events
      this.retry?.remove();
      this.retry = null;
      this.root.dataset.runtime = rt.how; // for support and tests: did the snapshot restore?
      this.setState("ready");
    } else this.fail();
    if (!rt.announced) {
      // Once, when the first tool has its answer: the offline copy keeps the runtime's files then.
      rt.announced = true;
      document.dispatchEvent(new Event("hj-runtime-ready"));
    }
  }

  // The static HTML stays in place: it still reads and prints. A button offers to start again.
  fail() {
    this.setState("error");
    this.say(TEXT.failed);
    if (this.retry) return;
    const button = Object.assign(document.createElement("button"), {
      type: "button", className: "md-button", textContent: TEXT.retry,
    });
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      retryRuntime();
    });
    this.retry = Object.assign(document.createElement("div"), { className: "hj-widget__retry" });
    this.retry.append(button);
    this.status.after(this.retry);
  }

  // Events (or promises of one, e.g. a file being read) go to Python one at a time, in order.
  // Typing sends the field's whole value, so while a keystroke still waits its turn, a newer
  // one in the same field replaces it. `choice` is the name of the choice the reader has changed.
  send(event, choice = null) {
    const number = ++this.events;
    if (choice) this.lastChoice.set(choice, number);
    if (event.type === "input" && this.waiting?.event.type === "input" && this.waiting.event.name === event.name) {
      Object.assign(this.waiting, { event, number });
      return;
    }
    const slot = { event, number };
    this.waiting = slot;
    this.queue = this.queue.then(async () => {
      if (this.waiting === slot) this.waiting = null;
      const described = await slot.event;
      if (described) return this.dispatch(described, slot.number);
    });
  }

  // Called in queue order only.
  dispatch(event, number) {
    if (this.rt && this.root.isConnected) {
      const request = { op: "event", widget: this.name, state: this.state, event: { ...event, now: now() } };
      return this.call(this.rt, request, number);
    }
  }

  // Has the reader changed this choice since the event numbered upTo?
  choiceSince(element, upTo) {
    return isChoice(element) && (this.lastChoice.get(element.name) ?? 0) > upTo;
  }

  // One round trip to Python, answering the reader's events up to the one numbered upTo; true if
  // the widget answered.
  async call(rt, request, upTo) {
    let response;
    try {
      response = await rt.call(request);
    } catch (error) {
      response = { ok: false, error: String(error) };
    }
    return this.apply(rt, response, upTo);
  }

  // Python's answer put in place: state, HTML, effects; true if the widget answered. A failure is
  // shown and logged, and leaves the last good HTML and state in place.
  apply(rt, response, upTo) {
    if (!response.ok) {
      console.error(`Hjemmearbejde: widget ${this.name} failed:`, response.error, response.trace ?? "");
      this.say(TEXT.broken);
      return false;
    }
    this.state = response.state;
    try {
      morphing = { widget: this, upTo };
      try {
        rt.morph(this.body, response.html);
      } finally {
        morphing = null;
      }
      for (const effect of response.effects) this.perform(effect);
    } catch (error) {
      // Shown and logged; the queue goes on, so the next event is not lost too.
      console.error(`Hjemmearbejde: widget ${this.name} could not be updated:`, error);
      this.say(TEXT.broken);
      return false;
    }
    return true;
  }

  perform(effect) {
    switch (effect.type) {
      case "save":
        if (!this.storageRoot || !inRoot(effect.key, this.storageRoot)) {
          console.error(`Hjemmearbejde: ${this.name} may not write ${effect.key}`);
          break;
        }
        try {
          if (effect.document === null) localStorage.removeItem(effect.key);
          else localStorage.setItem(effect.key, JSON.stringify(effect.document));
        } catch (error) {
          this.send({ type: "save-failed", key: effect.key, reason: String(error) });
        }
        break;
      case "set-aside":
        if (!this.storageRoot || !inRoot(effect.key, this.storageRoot) || !effect.backup.startsWith(NAMESPACE)) {
          console.error(`Hjemmearbejde: ${this.name} may not move ${effect.key}`);
          break;
        }
        try {
          const raw = localStorage.getItem(effect.key);
          if (raw !== null) localStorage.setItem(effect.backup, raw);
          localStorage.removeItem(effect.key);
        } catch (error) {
          this.send({ type: "save-failed", key: effect.key, reason: String(error) });
        }
        break;
      case "announce":
        this.say(effect.message);
        break;
      case "focus": {
        const element = this.root.querySelector(`#${CSS.escape(effect.id)}`);
        element?.focus();
        break;
      }
      case "download": {
        const url = URL.createObjectURL(new Blob([effect.content], { type: effect.mime }));
        const link = Object.assign(document.createElement("a"), { href: url, download: effect.filename });
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 0);
        break;
      }
      case "print":
        window.print();
        break;
      case "drop-query": {
        const url = new URL(window.location.href);
        for (const name of effect.names) url.searchParams.delete(name);
        history.replaceState(history.state, "", url);
        break;
      }
      default:
        console.error(`Hjemmearbejde: unknown effect ${effect.type}`);
    }
  }

  setState(state) {
    this.root.dataset.state = state;
  }

  say(message) {
    if (message && this.status.textContent === message) {
      // Emptied first, so a repeated message is announced again.
      this.status.textContent = "";
      requestAnimationFrame(() => (this.status.textContent = message));
    } else {
      this.status.textContent = message;
    }
  }
}

// Mounting ahead. A reader points at a link, or tabs to it, a moment before following it. When it
// leads to another page of this site and Python already runs in this tab, the widgets of that page
// are mounted then, from the page as the offline copy or the HTTP cache has it. When the page is
// swapped in and a widget's start and context are still the same, it takes that answer at once,
// before the page is first painted, instead of waiting for a round trip to Python. (Mounting is a
// pure function of the two, so the answer is the one Python would give; only its time ages, so an
// answer is kept for a few seconds.) Like instant.page, it waits until the pointer has rested on
// the link for a moment, so a pointer passing over a menu mounts nothing.
const SITE_ROOT = new URL("../../", import.meta.url);
const RESTING_MS = 65;
const KEPT_MS = 10_000;
const answersAhead = new Map(); // a widget's start and context → { at, answer: Python's answer once it has come }
let pointedAt = null; // { url, timer } of the link the reader points at

function pageAhead(element) {
  const link = element instanceof Element ? element.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download") || (link.target && link.target !== "_self")) {
    return null;
  }
  const url = new URL(link.href);
  url.hash = "";
  if (url.origin !== SITE_ROOT.origin || !url.pathname.startsWith(SITE_ROOT.pathname) || !url.pathname.endsWith("/")) {
    return null;
  }
  const here = new URL(window.location.href);
  here.hash = "";
  return url.href === here.href ? null : url;
}

function pointAt(event) {
  const url = runtimeNow && pageAhead(event.target);
  if (url?.href === pointedAt?.url) return;
  stopPointing();
  pointedAt = url && { url: url.href, timer: setTimeout(() => mountAhead(url, runtimeNow), RESTING_MS) };
}

// A click comes too late for mounting ahead: the page it leads to mounts as usual.
function stopPointing() {
  clearTimeout(pointedAt?.timer);
  pointedAt = null;
}

const keyAhead = (init, context) => `${init}\n${JSON.stringify({ ...context, now: undefined })}`;

async function mountAhead(url, rt) {
  try {
    const response = await fetch(url);
    if (!response.ok || !response.headers.get("content-type")?.startsWith("text/html")) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const root of page.querySelectorAll(UNMOUNTED)) {
      const { widget, state, storageRoot, reads } = initOf(root);
      const context = contextOf(storageRoot, reads, url);
      const key = keyAhead(root.dataset.init, context);
      const kept = { at: Date.now(), answer: null };
      answersAhead.set(key, kept);
      setTimeout(() => answersAhead.get(key) === kept && answersAhead.delete(key), KEPT_MS);
      rt.call({ op: "mount", widget, state, context }).then(
        (answer) => (answer.ok ? (kept.answer = answer) : answersAhead.delete(key)),
        () => answersAhead.delete(key),
      );
    }
  } catch (error) {
    // Only a head start: the widgets mount as usual when the page comes.
    console.warn("Hjemmearbejde: could not mount ahead", url.href, error);
  }
}

// The answer mounted ahead for a widget with this start and context, if it has come and is fresh.
function answerAhead(init, context) {
  const key = keyAhead(init, context);
  const kept = answersAhead.get(key);
  if (!kept?.answer || Date.now() - kept.at > KEPT_MS) return null;
  answersAhead.delete(key);
  return kept.answer;
}

document.addEventListener("pointerover", pointAt, { passive: true });
document.addEventListener("focusin", pointAt);
document.addEventListener("click", stopPointing, { capture: true });

function mountAll() {
  for (const widget of mounted) if (!widget.root.isConnected) mounted.delete(widget);
  for (const root of document.querySelectorAll(UNMOUNTED)) {
    const widget = new Widget(root);
    mounted.add(widget);
    widget.mount();
  }
}

// Another tab changed what a widget here keeps: hand that widget all it now has.
window.addEventListener("storage", (event) => {
  for (const widget of mounted) {
    if (widget.storageRoot && (event.key === null || inRoot(event.key, widget.storageRoot))) {
      widget.send({ type: "stored-elsewhere", stored: readRoot(widget.storageRoot).stored });
    }
  }
});

startOnPageWithTool();
// Material emits on document$ for the first page and after every instant navigation; its bundle,
// which makes document$, has run by the time the page is parsed.
function mountOnEveryPage() {
  if (window.document$) window.document$.subscribe(mountAll);
  else mountAll();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountOnEveryPage, { once: true });
else mountOnEveryPage();
