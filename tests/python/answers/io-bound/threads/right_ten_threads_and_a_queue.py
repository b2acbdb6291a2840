"""Right, written differently: ten threads of its own take indexes from a queue and write
each body in its place.

Kind: right
Timed: yes
Exit: 0
Expect: All checks passed.
"""

import queue
import threading
import urllib.request


def download_all(urls: list[str]) -> list[bytes]:
    bodies: list[bytes] = [b""] * len(urls)
    todo: queue.Queue[int] = queue.Queue()
    for index in range(len(urls)):
        todo.put(index)

    def work() -> None:
        while True:
            try:
                index = todo.get_nowait()
            except queue.Empty:
                return
            with urllib.request.urlopen(urls[index], timeout=10) as response:
                bodies[index] = response.read()

    threads = [threading.Thread(target=work) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return bodies
