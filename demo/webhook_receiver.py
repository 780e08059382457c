"""A local webhook receiver that records what it gets (the demo's alert channel, and tests')."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from demo.loopback import serving


@dataclass
class Receiver:
    base: str
    received: list[dict] = field(default_factory=list)
    status: int = 200  # set to 500 to simulate a failing channel

    @property
    def apprise_url(self) -> str:
        """The Apprise URL that POSTs JSON to this receiver."""
        return self.base.replace("http://", "json://") + "/hook"


@contextmanager
def receive_webhooks() -> Iterator[Receiver]:
    """Run a receiver on a free loopback port; yield it with the list of bodies received."""
    receiver = Receiver(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if receiver.status < 400:
                try:
                    receiver.received.append(json.loads(raw or b"{}"))
                except ValueError:
                    receiver.received.append({"raw": raw.decode("utf-8", "replace")})
            self.send_response(receiver.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler), "webhook-receiver") as base:
        receiver.base = base
        yield receiver
