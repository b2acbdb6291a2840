"""Right, written differently: asyncio.gather() over coroutines that each take a
Semaphore(10) first.

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
    limit = asyncio.Semaphore(10)

    async def one(url: str) -> bytes:
        async with limit:
            return await fetch(url)

    return list(await asyncio.gather(*map(one, urls)))
