"""A static file server for the built site, on 127.0.0.1 only.

It serves `.wasm` as application/wasm and `.mjs` as JavaScript, as Pyodide
needs, and sends no caching headers of its own, like a plain web server. Where
the build wrote a precompressed copy (`file.br`, `file.gz`) and the browser
accepts that encoding, it sends the copy, as the README asks of a host.
"""

import contextlib
import functools
import os
import socket
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
    }

    ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

    def send_head(self):
        path = self.translate_path(self.path)
        if self.path.split("?")[0].endswith("/") and os.path.isdir(path):
            path = os.path.join(path, "index.html")  # a page: its folder's index.html, in its copies too
        accepted = {e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")}
        for encoding, suffix in self.ENCODINGS:
            if encoding in accepted and os.path.isfile(path + suffix):
                return self._send_encoded(path, path + suffix, encoding)
        return super().send_head()

    def _send_encoded(self, path, encoded, encoding):
        stat = os.stat(encoded)
        if self.headers.get("If-Modified-Since") == self.date_time_string(stat.st_mtime):
            self.send_response(304)  # revalidated: the browser's cached copy is current
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        file = open(encoded, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return file

    def log_message(self, format, *args):  # quiet: tests read responses, not logs
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that drops a connection mid-download is normal, not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(directory: Path, port: int = 0):
    """Serve `directory` on 127.0.0.1 (a free port unless given); yields the base URL."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    server = SiteServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
