// The Python side of the bridge: one Web Worker per tab runs Pyodide and the
// `tools` wheel. It only passes JSON strings to tools.runtime.handle_message,
// so it needs no change when a widget is added.

let handleMessage = null;
let ready = null;

async function start({ pyodide: indexURL, wheel }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage(wheel, { messageCallback: () => {} });
  handleMessage = pyodide.pyimport("tools.runtime").handle_message;
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "start") {
    ready = start(data);
    ready.then(
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", error: String(error) }),
    );
  } else if (data.type === "call") {
    try {
      await ready;
      self.postMessage({ type: "result", id: data.id, payload: handleMessage(data.payload) });
    } catch (error) {
      self.postMessage({ type: "result", id: data.id, error: String(error) });
    }
  }
});
