"""Right, written differently: one thread per URL, started and joined by hand, each
writing its result in its place.

Kind: right
Timed: yes
Exit: 0
Expect: All checks passed.
"""

import threading
import urllib.request


def download_all(urls: list[str], timeout: float) -> list[bytes | None]:
    results: list[bytes | None] = [None] * len(urls)

    def get(index: int) -> None:
        try:
            with urllib.request.urlopen(urls[index], timeout=timeout) as answer:
                results[index] = answer.read()
        except OSError:
            results[index] = None

    threads = [threading.Thread(target=get, args=(i,)) for i in range(len(urls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
