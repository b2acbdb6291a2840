"""Right, written differently: ten worker tasks take indexes from an asyncio.Queue (so at
most ten requests are in flight) and write each body in its place.

Kind: right
Timed: yes
Exit: 0
Expect: All checks passed.
"""

import asyncio
from urllib.parse import urlsplit


async def fetch(url: str) -> bytes:
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                 "Connection: close\r\n\r\n".encode("ascii"))
    response = await reader.read()
    writer.close()
    await writer.wait_closed()
    return response.partition(b"\r\n\r\n")[2]


async def download_all(urls: list[str]) -> list[bytes]:
    bodies: list[bytes] = [b""] * len(urls)
    todo: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(urls)):
        todo.put_nowait(index)

    async def worker() -> None:
        while not todo.empty():
            index = todo.get_nowait()
            bodies[index] = await fetch(urls[index])

    await asyncio.gather(*(worker() for _ in range(10)))
    return bodies
