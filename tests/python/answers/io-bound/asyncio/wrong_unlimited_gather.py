"""Wrong: more concurrency than the task allows. One task per URL with no Semaphore: all
20 requests in flight at once where the task says 10.

Kind: limits
Exit: 1
Expect: [FAIL] at most 10 requests at once: the server had 20 in flight
Expect: asyncio.Semaphore(10)
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
    return list(await asyncio.gather(*(fetch(url) for url in urls)))
