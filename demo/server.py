"""A local HTTP server over the bundled sample (feeds and pages), for the demo, tests and benchmarks.

Feeds in the bundle write links as `{base}/...`; the server substitutes its own address, so the
sample works on any port with no internet. Paths that do not exist answer 404, as the web does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from demo.loopback import serving

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "ingest" / "data" / "sample"

_TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".html": "text/html",
}


class _Handler(BaseHTTPRequestHandler):
    root: Path
    base: str

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        relative = self.path.split("?", 1)[0].lstrip("/")
        path = (self.root / relative).resolve()
        if not path.is_file():
            # Article pages live under pages/ but are served at the site root, as outlets do.
            path = (self.root / "pages" / relative).resolve()
        if not path.is_file() or self.root not in path.parents:
            self.send_error(404)
            return
        body = path.read_bytes().replace(b"{base}", self.base.encode())
        content_type = _TYPES.get(path.suffix, "application/octet-stream")
        if path.suffix == ".xml" and b"<feed" in body[:500]:
            content_type = _TYPES[".atom"]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the demo quiet
        return


@contextmanager
def serve_sample(root: Path = SAMPLE_DIR) -> Iterator[str]:
    """Serve `root` on a free loopback port; yield the base URL (`http://127.0.0.1:PORT`)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    with serving(server, "sample-server") as base:
        server.RequestHandlerClass = type("SampleHandler", (_Handler,), {"root": root.resolve(), "base": base})
        yield base


def sample_feeds_toml(base: str, root: Path = SAMPLE_DIR) -> str:
    """Return a feeds TOML pointing at every feed of the bundle on the running server."""
    lines = ["# The bundled offline sample, served locally by `layoffwatch demo`.\n"]
    for path in sorted((root / "feeds").glob("*.xml")):
        lines.append(f'[[feeds]]\nname = "{path.stem}"\nurl = "{base}/feeds/{path.name}"\ntags = ["sample"]\n')
    return "\n".join(lines)
