"""Wrong: results without the work, and faster than possible. The requests are made, in
threads left to finish on their own, but download_all() returns bodies it built itself
before any answer came back.

Kind: noise
Exit: 1
Expect: [FAIL] faster than possible: did it do the work?
"""

import threading
import urllib.request

from latency_server import payload_for


def fetch(url: str) -> None:
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()


def download_all(urls: list[str]) -> list[bytes]:
    for start in range(0, len(urls), 10):
        batch = urls[start:start + 10]
        threading.Thread(target=lambda b=batch: [fetch(u) for u in b]).start()
    return [payload_for(int(url.rsplit("/", 1)[1])) for url in urls]
