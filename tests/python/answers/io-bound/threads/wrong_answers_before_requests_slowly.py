"""Wrong: results without the work, returned as late as a right answer. The requests are
made, one after another in two threads left to finish on their own; download_all() waits
0.5 s, as long as 10 threads would take, then returns bodies it built itself. Returning
later than "faster than possible" is no cover: the server had not answered most requests.

Kind: work
Exit: 1
Expect: [FAIL] faster than possible: did it do the work? download_all() returned before the server could have answered
"""

import threading
import time
import urllib.request

from latency_server import payload_for


def fetch(url: str) -> None:
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()


def download_all(urls: list[str]) -> list[bytes]:
    for start in range(0, len(urls), 10):
        batch = urls[start:start + 10]
        threading.Thread(target=lambda b=batch: [fetch(u) for u in b]).start()
    time.sleep(0.5)
    return [payload_for(int(url.rsplit("/", 1)[1])) for url in urls]
