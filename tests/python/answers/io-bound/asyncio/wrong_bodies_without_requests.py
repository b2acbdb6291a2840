"""Wrong: results without the work. The bodies are built with the server's own code, with
an await to look asynchronous, and no request is made.

Kind: work
Exit: 1
Expect: [FAIL] does the work: the server got no request for 20 of the 20 URLs
"""

import asyncio

from latency_server import payload_for


async def download_all(urls: list[str]) -> list[bytes]:
    await asyncio.sleep(0.3)
    return [payload_for(int(url.rsplit("/", 1)[1])) for url in urls]
