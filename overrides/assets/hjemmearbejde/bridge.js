// The bridge between the pages and the Python widgets. It knows no widget.
//
// On every page load and instant navigation it looks for [data-widget]
// elements. Only if there is one does it start the runtime: a Web Worker with
// Pyodide, once per tab, kept across instant navigations. User events go to
// Python with the widget's state; the HTML that comes back is morphed into
// place (keeping focus and caret) and the effects are carried out here.

const MANIFEST_URL = new URL("./runtime.json", import.meta.url);
const WORKER_URL = new URL("./worker.js", import.meta.url);

const TEXT = {
  loading: "Værktøjet indlæses …",
  failed:
    "Værktøjet kunne ikke starte. Du kan stadig læse og udskrive siden, " +
    "men dine valg bliver ikke gemt. Prøv at genindlæse siden.",
  broken: "Der skete en fejl i værktøjet. Det du har gjort indtil nu, er ikke ændret.",
};

let runtime = null; // Promise of { call(payload) -> Promise<response>, morph }
const mounted = new Set();

function startRuntime() {
  runtime ??= (async () => {
    const manifest = await (await fetch(MANIFEST_URL)).json();
    const [{ Idiomorph }, call] = await Promise.all([
      import(new URL(manifest.morph, MANIFEST_URL).href),
      startWorker(manifest),
    ]);
    return { call, morph: (el, html) => Idiomorph.morph(el, html, { morphStyle: "innerHTML" }) };
  })();
  return runtime;
}

function startWorker(manifest) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { type: "module" });
    const pending = new Map();
    let nextId = 0;
    const call = (payload) =>
      new Promise((done, fail) => {
        const id = nextId++;
        pending.set(id, { done, fail });
        worker.postMessage({ type: "call", id, payload: JSON.stringify(payload) });
      });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") resolve(call);
      else if (data.type === "failed") reject(new Error(data.error));
      else if (data.type === "result") {
        const { done, fail } = pending.get(data.id);
        pending.delete(data.id);
        data.error ? fail(new Error(data.error)) : done(JSON.parse(data.payload));
      }
    });
    worker.addEventListener("error", (event) => reject(new Error(event.message || "worker error")));
    worker.postMessage({
      type: "start",
      pyodide: new URL(manifest.pyodide, MANIFEST_URL).href,
      wheel: new URL(manifest.wheel, MANIFEST_URL).href,
    });
  });
}

// Storage: every failure is reported to the widget as a fact, never swallowed.
function readStored(key) {
  if (!key) return { storage: "ok", stored: null };
  let raw;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return { storage: "unavailable", stored: null };
  }
  if (raw === null) return { storage: "ok", stored: null };
  try {
    return { storage: "ok", stored: JSON.parse(raw) };
  } catch {
    return { storage: "corrupt", stored: null };
  }
}

function queryOf(location) {
  const query = {};
  for (const [name, value] of new URLSearchParams(location.search)) (query[name] ??= []).push(value);
  return query;
}

// What a user event tells Python: which element, which value; never the DOM itself.
function describe(event, root) {
  const target = event.target;
  if (event.type === "click") {
    const button = target.closest("[data-action]");
    if (!button || !root.contains(button)) return null;
    event.preventDefault();
    return { type: "click", action: button.dataset.action, value: button.value ?? null };
  }
  if (event.type === "submit") {
    event.preventDefault();
    const fields = [...new FormData(target)].filter(([, v]) => typeof v === "string");
    return { type: "submit", action: target.dataset.action ?? null, fields };
  }
  if (!target.name) return null;
  const described = { type: event.type, name: target.name, value: target.value, id: target.id || null };
  if (target.type === "checkbox" || target.type === "radio") described.checked = target.checked;
  return described;
}

class Widget {
  constructor(root) {
    const data = JSON.parse(root.dataset.init);
    this.root = root;
    this.name = data.widget;
    this.state = data.state;
    this.storageKey = data.storageKey;
    this.reads = data.reads ?? [];
    this.body = root.querySelector(":scope > .hj-widget__body");
    this.status = root.querySelector(":scope > .hj-widget__status");
    this.queue = Promise.resolve();
  }

  mount() {
    this.setState("loading");
    this.say(TEXT.loading);
    // Listen at once: what the user does while Python loads is queued, not lost.
    for (const type of ["input", "change", "click", "submit"]) {
      this.root.addEventListener(type, (event) => {
        const described = describe(event, this.root);
        if (described) this.send(described);
      });
    }
    const { storage, stored } = readStored(this.storageKey);
    const inputs = Object.fromEntries(this.reads.map((key) => [key, readStored(key).stored]));
    const context = { storage, stored, inputs, query: queryOf(window.location) };
    this.queue = startRuntime().then(
      async (rt) => {
        this.say(""); // the loading note; what mounting announces comes after
        const mounted = await this.call(rt, { op: "mount", widget: this.name, state: this.state, context });
        if (mounted) this.rt = rt; // only a mounted widget gets events
        else this.say(TEXT.failed);
        this.setState(mounted ? "ready" : "error");
      },
      (error) => {
        // The static HTML stays in place: it still reads and prints.
        console.warn("Hjemmearbejde: the widget runtime did not start:", error);
        this.setState("error");
        this.say(TEXT.failed);
      },
    );
  }

  send(event) {
    this.queue = this.queue.then(() => {
      if (this.rt && this.root.isConnected) {
        return this.call(this.rt, { op: "event", widget: this.name, state: this.state, event });
      }
    });
  }

  // One round trip to Python; true if the widget answered. A failure is shown
  // and logged, and leaves the last good HTML and state in place.
  async call(rt, request) {
    let response;
    try {
      response = await rt.call(request);
    } catch (error) {
      response = { ok: false, error: String(error) };
    }
    if (!response.ok) {
      console.error(`Hjemmearbejde: widget ${this.name} failed:`, response.error, response.trace ?? "");
      this.say(TEXT.broken);
      return false;
    }
    this.state = response.state;
    rt.morph(this.body, response.html);
    for (const effect of response.effects) this.perform(effect);
    return true;
  }

  perform(effect) {
    switch (effect.type) {
      case "save":
        try {
          if (effect.document === null) localStorage.removeItem(this.storageKey);
          else localStorage.setItem(this.storageKey, JSON.stringify(effect.document));
        } catch (error) {
          this.send({ type: "save-failed", reason: String(error) });
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

function mountAll() {
  for (const widget of mounted) if (!widget.root.isConnected) mounted.delete(widget);
  for (const root of document.querySelectorAll('[data-widget][data-state="static"]')) {
    const widget = new Widget(root);
    mounted.add(widget);
    widget.mount();
  }
}

// Another tab saved a document a widget here shows: tell that widget.
window.addEventListener("storage", (event) => {
  for (const widget of mounted) {
    if (event.key === null || event.key === widget.storageKey) {
      widget.send({ type: "stored-elsewhere", document: readStored(widget.storageKey).stored });
    }
  }
});

// Material emits on document$ for the first page and after every instant navigation.
if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
