"""examples/pipelines: every item goes through once, the queue stays bounded, the shutdown leaves
nothing running (also after a Ctrl-C), and bad input gets a clear message."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unittest
from typing import Any

from tests.python.support import POSIX, ExampleTestCase, occupied_port, wait_until_group_gone

FILES = ["threads.py", "async_io.py"]

# Runs in the copied folder, under `python3 -X dev -W error`: imports a variant, observes it with the
# harness (harness.observe wraps produce() and consume()), and records how full the queue ever got by
# wrapping the queues' _put(), which both queue.Queue and asyncio.Queue call under their own lock.
PROBE = r"""
import asyncio, json, queue, sys, threading
import harness
from latency_server import serve

name, constants = sys.argv[1], json.loads(sys.argv[2])
high = [0]

def recording(put, items):
    def _put(self, item):
        put(self, item)
        high[0] = max(high[0], len(items(self)))
    return _put

queue.Queue._put = recording(queue.Queue._put, lambda q: q.queue)
asyncio.Queue._put = recording(asyncio.Queue._put, lambda q: q._queue)
module = __import__(name)

async def run_async():
    result = await module.run_pipeline(list(range(module.ITEMS)))
    left = [task.get_name() for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    return result, left

with harness.observe(module, ["produce", "consume"], constants) as observation:
    if name == "threads":
        with serve(latency_ms=module.LATENCY_MS) as server:
            result = module.run_pipeline([server.url_for(n) for n in range(module.ITEMS)])
            left = [t.name for t in threading.enumerate() if t.name.startswith(("producer", "consumer"))]
    else:
        result, left = asyncio.run(run_async())
print(json.dumps({"result": result, "high": high[0], "left": left, "tasks": observation.tasks}))
"""


class PipelinesTest(ExampleTestCase):
    slug = "pipelines"

    def probe(self, file: str, **constants: Any) -> dict[str, Any]:
        result = subprocess.run(
            [sys.executable, "-X", "dev", "-W", "error", "-c", PROBE, file[:-3], json.dumps(constants)],
            cwd=self.folder, capture_output=True, text=True, timeout=60,
        )
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        self.assertNotIn("Warning", result.stderr)
        return json.loads(result.stdout)

    def test_every_script_is_tested(self) -> None:
        self.assertEqual(sorted(entry["file"] for entry in self.meta["scripts"]), sorted(FILES))

    def test_every_item_goes_through_once(self) -> None:
        for file in FILES:
            with self.subTest(script=file):
                report = self.quick_report(file)
                items = report["parameters"]["items"]
                self.assertEqual(report["metrics"]["processed"], items)
                self.assertEqual(report["metrics"]["distinct"], items)
                # the timeline: one task per producer and consumer call; for threads, a produce() per item
                workers = {task["worker"] for task in report["tasks"]}
                self.assertGreater(len(workers), 2)
        threads = self.quick_report("threads.py")
        producers = [task for task in threads["tasks"] if task["worker"].startswith("producer")]
        self.assertEqual(len(producers), threads["parameters"]["items"])

    def test_the_queue_never_holds_more_than_maxsize_and_nothing_is_left_running(self) -> None:
        # Fast producers, one slow consumer: the queue is full most of the time.
        for file in FILES:
            for maxsize in (1, 3):
                with self.subTest(script=file, maxsize=maxsize):
                    seen = self.probe(file, ITEMS=30, PRODUCERS=6, CONSUMERS=1, MAXSIZE=maxsize,
                                      LATENCY_MS=2, WORK_MS=10)
                    self.assertEqual(len(seen["result"]), 30)
                    self.assertEqual(len(set(seen["result"])), 30, "an item went through twice")
                    self.assertEqual(seen["high"], maxsize, "the queue held more (or never filled)")
                    self.assertEqual(seen["left"], [], "threads or tasks still running after return")

    def test_an_unbounded_queue_fills_up(self) -> None:
        """maxsize 0 means no limit: the same run then holds many items at once (what the bound prevents)."""
        seen = self.probe("async_io.py", ITEMS=30, PRODUCERS=6, CONSUMERS=1, MAXSIZE=0, LATENCY_MS=2, WORK_MS=10)
        self.assertGreater(seen["high"], 10)

    def test_a_full_queue_makes_the_producers_wait(self) -> None:
        """Backpressure on the timeline: each produce() ends when its body is on the queue, so with one
        slow consumer and room for one item, the producers' tasks last far longer than a fetch."""
        args = ["--items", "16", "--producers", "4", "--consumers", "1", "--maxsize", "1",
                "--latency-ms", "10", "--work-ms", "40", "--json"]
        result = self.run_script("threads.py", args)
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        produced = [task["end_s"] - task["start_s"] for task in report["tasks"]
                    if task["worker"].startswith("producer")]
        self.assertGreater(sum(produced) / len(produced), 3 * 0.010)

    def test_the_pipeline_overlaps_fetching_and_work(self) -> None:
        """Ratios, not seconds: the consumers' work is the floor (it cannot be beaten), and the whole
        run is far below the fetches and the work one after another."""
        for file in FILES:
            with self.subTest(script=file):
                report = self.assertRatioHolds(
                    file,
                    lambda report: report["elapsed_s"] * 2 < report["metrics"]["one_by_one_s"],
                    lambda report: f"elapsed_s={report['elapsed_s']}, one_by_one_s={report['metrics']['one_by_one_s']}",
                )
                self.assertGreaterEqual(report["elapsed_s"], 0.95 * report["metrics"]["work_floor_s"])

    def test_help_and_bad_arguments(self) -> None:
        help_text = " ".join(self.run_script("compare.py", ["--help"]).stdout.split())
        for option in ("--producers", "--consumers", "--maxsize", "--work-ms"):
            self.assertIn(option, help_text)
        cases = [("threads.py", ["--maxsize", "-1"]), ("threads.py", ["--consumers", "0"]),
                 ("async_io.py", ["--producers", "100"]), ("async_io.py", ["--work-ms", "-5"]),
                 ("async_io.py", ["--port", "8000"]), ("threads.py", ["--timeout", "0"])]
        for file, args in cases:
            with self.subTest(script=file, args=args):
                result = self.run_script(file, args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("usage:", result.stderr)
                self.assertNotIn("Traceback", result.stderr)

    def test_port_in_use_and_a_server_that_never_answers(self) -> None:
        with occupied_port() as port:
            result = self.run_script("threads.py", ["--items", "2", "--port", str(port)])
            self.assertFailsCleanly(result, 1, f"error: port {port} is already in use")
        result = self.run_script("threads.py", ["--items", "8", "--latency-ms", "10000", "--timeout", "0.5"],
                                 timeout=30)
        self.assertFailsCleanly(result, 1, "did not answer within --timeout 0.5 s")

    @unittest.skipUnless(POSIX, "sends SIGINT to a process group")
    def test_ctrl_c_through_the_harness(self) -> None:
        for file in FILES:
            with self.subTest(script=file):
                self.assertCtrlCStopsCleanly(file, ["--items", "400"])

    @unittest.skipUnless(POSIX, "sends SIGINT to a process group")
    def test_ctrl_c_ends_a_plain_run_and_leaves_nothing(self) -> None:
        for file in FILES:
            with self.subTest(script=file):
                code = f"import {file[:-3]} as m\nm.ITEMS = 400\nm.main()\n"
                process = subprocess.Popen([sys.executable, "-c", code], cwd=self.folder, start_new_session=True,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                self.addCleanup(lambda: process.poll() is None and os.killpg(process.pid, signal.SIGKILL))
                time.sleep(1.0)
                self.assertIsNone(process.poll(), f"{file} ended before the Ctrl-C")
                os.killpg(process.pid, signal.SIGINT)
                try:
                    _, stderr = process.communicate(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    self.fail(f"{file} still running 10 s after Ctrl-C")
                self.assertIn("KeyboardInterrupt", stderr)
                self.assertEqual(wait_until_group_gone(process.pid, timeout=5), [], f"{file} left processes")


if __name__ == "__main__":
    unittest.main()
