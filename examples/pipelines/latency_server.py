"""A local HTTP server that answers each request after a fixed delay.

Timings against real websites vary from run to run; this server listens on
127.0.0.1 only, waits `latency_ms` before each answer to GET /item/<n>, and
returns about 1 KB that depends only on n: every run measures the same wait.
A version starts it in a background thread of its own process::

    with serve(latency_ms=LATENCY_MS) as server:  # on a free port
        download_all([server.url_for(item) for item in range(ITEMS)])

Each connection gets its own daemon thread (ThreadingHTTPServer), so the
server waits out many delays at once; it speaks HTTP/1.1 with keep-alive and
counts the connections it accepted (`.connections`). Try it alone:

    python3 latency_server.py --latency-ms 200 --port 8000
    curl http://127.0.0.1:8000/item/7

The one copy is examples/_shared/latency_server.py; `python3
examples/sync_shared.py` puts one beside the versions that import it.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.1"
DEFAULT_LATENCY_MS = 50.0

_ITEM_PATH = re.compile(r"/item/(\d+)")


class ServerError(Exception):
    """The server could not start; the message is one line for the user."""


class PortInUseError(ServerError):
    """The requested port is already taken by another program."""


def payload_for(item: int) -> bytes:
    """The body of GET /item/<item>: about 1 KB that depends only on item."""
    line = f"item {item}: the same bytes every time, so runs are comparable.\n"
    return (line * 16).encode("ascii")


class _Handler(BaseHTTPRequestHandler):
    """Answer GET /item/<n> after the server's latency; else 404.

    HTTP/1.1 keeps the connection open after an answer (unless the client
    sends "Connection: close"), so a client can reuse it.
    """

    server: LatencyServer  # type: ignore[assignment]
    protocol_version = "HTTP/1.1"
    # Send each small answer at once: with Nagle's algorithm, the body
    # would wait for the client's (delayed) ACK of the headers, adding
    # some 40 ms to every request on a kept-open connection.
    disable_nagle_algorithm = True

    def setup(self) -> None:
        super().setup()
        with self.server.count_lock:
            self.server.connections += 1

    def do_GET(self) -> None:
        # Wait out the latency on an Event, not time.sleep(): shutdown then
        # wakes every waiting handler at once, even with long latencies.
        if self.server.stopping.wait(self.server.latency_ms / 1000):
            self.close_connection = True  # shutting down: no answer
            return
        match = _ITEM_PATH.fullmatch(self.path)
        if match is None:
            self.send_error(404, "try /item/<number>")
            return
        body = payload_for(int(match.group(1)))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=ascii")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: a line per request would bury the example's output."""


class LatencyServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer on 127.0.0.1; each answer waits latency_ms."""

    daemon_threads = True  # handler threads never keep the program alive
    # server_close() does not wait for handlers; `stopping` wakes them
    block_on_close = False
    request_queue_size = 128  # accept bursts (the default of 5 is too small)
    # SO_REUSEADDR lets a restarted server reuse its port at once on Linux
    # and macOS, but on Windows it would let two servers share one port,
    # hiding a "port in use" error.
    allow_reuse_address = os.name != "nt"

    def __init__(
        self, port: int = 0, latency_ms: float = DEFAULT_LATENCY_MS
    ) -> None:
        self.latency_ms = latency_ms
        self.stopping = threading.Event()
        self.connections = 0  # accepted so far: shows connection reuse
        self.count_lock = threading.Lock()
        try:
            super().__init__((HOST, port), _Handler)
        except OSError as exc:
            if exc.errno in (
                errno.EADDRINUSE,
                getattr(errno, "WSAEADDRINUSE", None),
            ):
                raise PortInUseError(
                    f"port {port} is already in use; pick another with "
                    "--port, or leave --port out to use a free one"
                ) from None
            raise ServerError(
                f"cannot listen on {HOST}:{port}: {exc.strerror or exc}"
            ) from None

    @property
    def port(self) -> int:
        """The port the server listens on (the one chosen for port 0)."""
        return self.server_address[1]

    @property
    def url(self) -> str:
        """Base URL without a trailing slash: http://127.0.0.1:50123."""
        return f"http://{HOST}:{self.port}"

    def url_for(self, item: int) -> str:
        """URL of one item, e.g. http://127.0.0.1:50123/item/7."""
        return f"{self.url}/item/{item}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout, Ctrl-C) closes its socket while we
        # answer: not news.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(
    latency_ms: float = DEFAULT_LATENCY_MS, port: int = 0
) -> Iterator[LatencyServer]:
    """Run a LatencyServer in a background thread during a `with` block.

    port=0 asks the operating system for a free port. Raises PortInUseError
    or ServerError (before the block runs) when the server cannot listen. On
    leaving the block, normally, by an exception or by Ctrl-C, the server
    stops within a fraction of a second.
    """
    server = LatencyServer(port, latency_ms)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="latency-server",
        daemon=True,
    )
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()  # wake handlers still waiting out their latency
        server.shutdown()  # stop serve_forever() and wait for it to return
        server.server_close()  # release the port
        thread.join(timeout=2)


def _number(text: str, low: float, high: float) -> float:
    """argparse type: a number from low to high."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(
            f"must be from {low:g} to {high:g}, got {text}")
    return value


def main(argv: list[str] | None = None) -> int:
    """Run the server in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(
        description="Serve GET /item/<n> with a fixed delay."
    )
    parser.add_argument(
        "--latency-ms",
        type=lambda text: _number(text, 0, 3_600_000),
        default=DEFAULT_LATENCY_MS,
        metavar="MS",
        help="delay before each answer (default: %(default)g ms)",
    )
    parser.add_argument(
        "--port",
        type=lambda text: int(_number(text, 0, 65535)),
        default=8000,
        metavar="PORT",
        help="port on 127.0.0.1 (default: %(default)s; 0 picks a free one)",
    )
    args = parser.parse_args(argv)
    try:
        with serve(args.latency_ms, args.port) as server:
            print(
                f"Serving {server.url}/item/<n> with {args.latency_ms:g} ms "
                "latency. "
                "Press Ctrl-C to stop.",
                file=sys.stderr,
                flush=True,
            )
            threading.Event().wait()  # sleep until Ctrl-C
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
