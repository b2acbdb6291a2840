"""Wrong: results without the work. The bodies are built with the server's own code,
payload_for(), and no request is made.

Kind: work
Exit: 1
Expect: [ok]   correct result
Expect: [FAIL] does the work: the server got no request for 20 of the 20 URLs
"""

from latency_server import payload_for


def download_all(urls: list[str]) -> list[bytes]:
    return [payload_for(int(url.rsplit("/", 1)[1])) for url in urls]
