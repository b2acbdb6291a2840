"""Wall time vs CPU time, with time.sleep standing in for the network.

wall_vs_cpu.py without a server: each "request" is a time.sleep of
LATENCY_MS. It runs where there are no sockets, such as Pyodide in the
browser, and shows the same idea: while a program waits, the wall clock
runs on and the CPU clock (time.process_time) barely moves.
"""

import time

ITEMS = 20
LATENCY_MS = 50


def wait_one() -> None:
    time.sleep(LATENCY_MS / 1000)  # stands in for a server


def wait_all(items: int) -> None:
    """Wait once per item, one wait after another."""
    for _ in range(items):
        wait_one()


def main() -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    wait_all(ITEMS)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"wall time {wall:.2f} s, CPU time {cpu:.3f} s ({cpu / wall:.0%})")


if __name__ == "__main__":
    main()
