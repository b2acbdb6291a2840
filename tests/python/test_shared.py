"""examples/_shared: the copies are in sync, the harness observes plain code from outside, the
server behaves."""

from __future__ import annotations

import contextlib
import http.client
import json
import multiprocessing
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import unittest
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.python.support import (
    EXAMPLES,
    SHARED,
    load_module,
    occupied_port,
    parse_report,
    schema,
    schema_errors,
)

latency_server = load_module(SHARED / "latency_server.py", "shared_latency_server")
sys.path.insert(0, str(SHARED))  # the harness pickles its stand-ins by the module name "harness"
import harness  # noqa: E402

# A plain module, as a learner writes it: nothing in it knows it is observed.
PLAIN = textwrap.dedent("""
    import asyncio
    import os
    import time
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    ITEMS = 6
    WORKERS = 3
    START_METHOD = "spawn"


    def one(item):
        time.sleep(0.02)
        return item * 2


    async def one_async(item):
        await asyncio.sleep(0.02)
        return item * 2


    def with_threads():
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return list(pool.map(one, range(ITEMS)))


    def with_processes(method):
        import multiprocessing
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
            return list(pool.map(one, range(ITEMS)))


    async def with_tasks():
        return await asyncio.gather(*(one_async(item) for item in range(ITEMS)))
""")

class SharedCopiesTest(unittest.TestCase):
    def test_copies_are_identical_to_shared(self) -> None:
        result = subprocess.run(
            [sys.executable, str(EXAMPLES / "sync_shared.py"), "--check"],
            cwd=EXAMPLES.parent, capture_output=True, text=True, timeout=30,
        )
        self.assertEqual(
            result.returncode, 0,
            f"Copies of examples/_shared differ from the source:\n{result.stdout}"
            "Run `python3 examples/sync_shared.py` and commit the refreshed copies.",
        )

    def test_few_lines_are_copies(self) -> None:
        """Issue 19: files identical to another file under examples/ hold at most 2,000 lines beyond
        the first of each (953 when this test was written: compare.py, latency_server.py, links)."""
        groups: dict[bytes, list[Path]] = {}
        for path in EXAMPLES.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                groups.setdefault(path.read_bytes(), []).append(path)
        copied = sum(body.count(b"\n") * (len(paths) - 1) for body, paths in groups.items())
        self.assertLessEqual(copied, 2_000, [paths[0].name for paths in groups.values() if len(paths) > 1])


class ObserveTest(unittest.TestCase):
    """harness.observe(): the per-item function, wrapped from outside, records each call."""

    @classmethod
    def setUpClass(cls) -> None:
        cls._tmp = tempfile.TemporaryDirectory(prefix="observe-")
        Path(cls._tmp.name, "plain_module.py").write_text(PLAIN, encoding="utf-8")
        sys.path.insert(0, cls._tmp.name)
        import plain_module

        cls.module = plain_module

    @classmethod
    def tearDownClass(cls) -> None:
        sys.path.remove(cls._tmp.name)
        sys.modules.pop("plain_module", None)
        cls._tmp.cleanup()

    def test_threads_record_the_thread(self) -> None:
        with harness.observe(self.module, ["one"], {"ITEMS": 5}) as seen:
            self.assertEqual(self.module.with_threads(), [0, 2, 4, 6, 8])
        self.assertEqual([task["id"] for task in seen.tasks], list(range(5)))
        self.assertEqual(len({task["worker"] for task in seen.tasks}), 3)
        self.assertEqual(self.module.ITEMS, 6, "constants are restored after the block")
        self.assertFalse(isinstance(self.module.one, harness.Recorded), "and the function too")

    def test_asyncio_records_the_task(self) -> None:
        import asyncio

        with harness.observe(self.module, ["one_async"]) as seen:
            self.assertEqual(asyncio.run(self.module.with_tasks()), [0, 2, 4, 6, 8, 10])
        self.assertEqual(len({task["worker"] for task in seen.tasks}), 6)
        self.assertTrue(all(task["worker"].startswith("Task-") for task in seen.tasks))

    def test_processes_record_the_worker_under_every_start_method(self) -> None:
        for method in multiprocessing.get_all_start_methods():
            with self.subTest(start_method=method), \
                    harness.observe(self.module, ["one"], {"ITEMS": 4}) as seen:
                self.assertEqual(self.module.with_processes(method), [0, 2, 4, 6])
            self.assertEqual(len(seen.tasks), 4, "a worker importing the module afresh records too")
            self.assertTrue(all(task["worker"].startswith("pid ") for task in seen.tasks))
            self.assertTrue(all(0 <= task["start_s"] <= task["end_s"] for task in seen.tasks))
            self.assertGreater(seen.workers_cpu_s, -1)

    def test_the_stand_in_pickles_by_name(self) -> None:
        import pickle

        with harness.observe(self.module, ["one"], {"ITEMS": 2}):
            copy = pickle.loads(pickle.dumps(self.module.one))
        self.assertIsInstance(copy, harness.Recorded)
        self.assertEqual(copy.constants, {"ITEMS": 2})


class HarnessReportTest(unittest.TestCase):
    """The report and its text, the options' checks."""

    def test_environment(self) -> None:
        env = harness.environment()
        self.assertIn(env["implementation"], ("CPython", "PyPy"))
        self.assertIsInstance(env["gil_enabled"], bool)
        self.assertEqual(harness.environment("spawn")["start_method"], "spawn")

    def test_a_variant_report_is_valid_and_prints(self) -> None:
        folder = EXAMPLES / "cpu-bound"
        meta = harness.load_example(folder)
        entry = harness.find_entry(meta, "threads")
        report = harness.run_variant(folder, meta, entry, {"tasks": 3, "size": 1000, "workers": 2})
        self.assertEqual(schema_errors(report, schema("timing-report.schema.json")), [])
        self.assertEqual(report["parameters"], {"tasks": 3, "size": 1000, "workers": 2})
        self.assertEqual(len(report["tasks"]), 3)
        self.assertIn("wall time", harness.format_report(report))
        self.assertEqual(parse_report(json.dumps(report))["variant"], "threads")

    def test_where_cpu_time_cannot_be_measured_the_report_says_so_instead_of_a_number(self) -> None:
        # Pyodide (sys.platform "emscripten") counts sleeping as CPU time: the harness reports null and the reason.
        import unittest.mock

        folder = EXAMPLES / "latency"
        meta = harness.load_example(folder)
        entry = harness.find_entry(meta, "sleep")
        reason = "not measurable here: time.process_time() counts sleeping as CPU time"
        with unittest.mock.patch.object(harness, "CPU_NOT_MEASURABLE", reason):
            report = harness.run_variant(folder, meta, entry, {"items": 2, "latency_ms": 1})
        self.assertIsNone(report["cpu_s"])
        self.assertEqual(report["cpu_unmeasured_reason"], reason)
        self.assertNotIn("cpu_fraction", report["metrics"])
        self.assertEqual(schema_errors(report, schema("timing-report.schema.json")), [])
        self.assertRegex(harness.format_report(report), r"CPU time +not measurable here")
        self.assertIsNone(harness.CPU_NOT_MEASURABLE, "natively the clock works")
        native = harness.run_variant(folder, meta, entry, {"items": 2, "latency_ms": 1})
        self.assertIsInstance(native["cpu_s"], float)
        self.assertNotIn("cpu_unmeasured_reason", native)

    def test_counts_are_capped_with_one_line(self) -> None:
        spec = {"type": "int", "min": 1, "max": 64}
        check = harness._number(spec, "--threads")
        self.assertEqual(check("3"), 3)
        for text, words in [("0", "at least 1"), ("x", "whole number"), ("100000", "at most 64")]:
            with self.subTest(text=text), self.assertRaises(Exception) as caught:
                check(text)
            self.assertIn(words, str(caught.exception))

    def test_workers_are_capped_at_the_items(self) -> None:
        folder = EXAMPLES / "io-bound"
        meta = harness.load_example(folder)
        values = harness.resolve(folder, meta, harness.find_entry(meta, "threads"), {"items": 3, "workers": 50})
        self.assertEqual(values["workers"], 3)


class LatencyServerTest(unittest.TestCase):
    def test_answers_items_after_the_latency(self) -> None:
        with latency_server.serve(latency_ms=100) as server:
            self.assertTrue(server.url.startswith("http://127.0.0.1:"))
            started = time.perf_counter()
            with urllib.request.urlopen(server.url_for(7), timeout=5) as response:
                body = response.read()
            elapsed = time.perf_counter() - started
        self.assertEqual(body, latency_server.payload_for(7))
        self.assertNotEqual(body, latency_server.payload_for(8))
        self.assertGreaterEqual(elapsed, 0.09)

    def test_unknown_path_is_404(self) -> None:
        with latency_server.serve(latency_ms=0) as server:
            with self.assertRaises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(f"{server.url}/nothing", timeout=5)
            caught.exception.close()
        self.assertEqual(caught.exception.code, 404)

    def test_waits_overlap(self) -> None:
        """Twenty requests at once take about one latency, not twenty: the server is threaded."""
        latency = 0.1
        with latency_server.serve(latency_ms=latency * 1000) as server:
            def get(item: int) -> bytes:
                with urllib.request.urlopen(server.url_for(item), timeout=5) as response:
                    return response.read()

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=20) as pool:
                bodies = list(pool.map(get, range(20)))
            elapsed = time.perf_counter() - started
        self.assertEqual(bodies, [latency_server.payload_for(item) for item in range(20)])
        self.assertLess(elapsed, 20 * latency / 4)

    def test_keeps_the_connection_open_between_requests(self) -> None:
        """HTTP/1.1 keep-alive: one connection serves several requests, and the server counts it once."""
        with latency_server.serve(latency_ms=0) as server:
            connection = http.client.HTTPConnection(f"127.0.0.1:{server.port}", timeout=5)
            try:
                for item in range(3):
                    connection.request("GET", f"/item/{item}")
                    response = connection.getresponse()
                    self.assertEqual(response.read(), latency_server.payload_for(item))
            finally:
                connection.close()
            self.assertEqual(server.connections, 1)

    def test_port_in_use(self) -> None:
        with occupied_port() as port:
            with self.assertRaises(latency_server.PortInUseError) as caught:
                with latency_server.serve(port=port):
                    pass
        self.assertIn(f"port {port} is already in use", str(caught.exception))
        self.assertIsInstance(caught.exception, latency_server.ServerError)

    def test_client_timeout_and_quick_shutdown_when_the_server_hangs(self) -> None:
        with latency_server.serve(latency_ms=60_000) as server:
            started = time.perf_counter()
            with self.assertRaises(TimeoutError):
                urllib.request.urlopen(server.url_for(1), timeout=0.3)
            self.assertLess(time.perf_counter() - started, 5)
            leaving = time.perf_counter()
        self.assertLess(time.perf_counter() - leaving, 2, "shutdown waited for the hung handler")

    def test_shuts_down_on_exception_and_releases_the_port(self) -> None:
        with self.assertRaises(KeyError):
            with latency_server.serve(latency_ms=0) as server:
                port = server.port
                raise KeyError("boom")
        self.assertFalse(any(thread.name == "latency-server" for thread in threading.enumerate()))
        with latency_server.serve(latency_ms=0, port=port) as again:  # the port is free again
            self.assertEqual(again.port, port)

    def test_standalone_port_in_use(self) -> None:
        with occupied_port() as port:
            result = subprocess.run(
                [sys.executable, str(SHARED / "latency_server.py"), "--port", str(port)],
                capture_output=True, text=True, timeout=30,
            )
        self.assertEqual(result.returncode, 1)
        self.assertIn("already in use", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


