"""examples/_shared: the copies are in sync, timing.py builds valid reports, the server behaves."""

from __future__ import annotations

import argparse
import contextlib
import http.client
import importlib
import io
import json
import signal
import subprocess
import sys
import textwrap
import threading
import time
import unittest
import unittest.mock
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from tests.python.support import (
    EXAMPLES,
    REPO,
    SHARED,
    load_module,
    occupied_port,
    parse_report,
    schema,
    schema_errors,
)

timing = load_module(SHARED / "timing.py", "shared_timing")
latency_server = load_module(SHARED / "latency_server.py", "shared_latency_server")


class SharedCopiesTest(unittest.TestCase):
    def test_copies_are_identical_to_shared(self) -> None:
        result = subprocess.run(
            [sys.executable, str(EXAMPLES / "sync_shared.py"), "--check"],
            cwd=REPO, capture_output=True, text=True, timeout=30,
        )
        self.assertEqual(
            result.returncode, 0,
            f"Copies of examples/_shared differ from the source:\n{result.stdout}"
            "Run `python3 examples/sync_shared.py` and commit the refreshed copies.",
        )


class TimingTest(unittest.TestCase):
    def test_environment(self) -> None:
        env = timing.environment()
        self.assertEqual(env["python_version"].split(".")[:2], [str(v) for v in sys.version_info[:2]])
        self.assertIsInstance(env["gil_enabled"], bool)
        self.assertIsInstance(env["free_threaded_build"], bool)
        self.assertIsNone(env["start_method"])
        self.assertEqual(timing.environment("spawn")["start_method"], "spawn")

    def test_recorder_with_threads_builds_a_valid_report(self) -> None:
        recorder = timing.TaskRecorder()

        def work(task_id: int) -> None:
            with recorder.task(task_id):
                time.sleep(0.02)

        with ThreadPoolExecutor(max_workers=4, thread_name_prefix="worker") as pool:
            list(pool.map(work, range(8)))
        recorder.stop()
        report = timing.build_report(
            example="io-bound", script="threads.py", variant="threads",
            parameters={"items": 8, "latency_ms": 20.0}, recorder=recorder,
            metrics={"mean_in_flight": recorder.mean_in_flight()},
        )
        self.assertEqual(schema_errors(report, schema("timing-report.schema.json")), [])
        self.assertEqual(sorted(task["id"] for task in report["tasks"]), list(range(8)))
        self.assertTrue(all(task["worker"].startswith("worker_") for task in report["tasks"]))
        for task in report["tasks"]:
            self.assertLessEqual(task["start_s"], task["end_s"])
            self.assertLessEqual(task["end_s"], report["elapsed_s"])
        # Four workers overlapping sleeps: well above one task in flight on average.
        self.assertGreater(recorder.mean_in_flight(), 2)
        self.assertIn("wall time", timing.format_report(report))
        self.assertIn("worker_0", timing.format_report(report))

    def test_add_takes_perf_counter_readings_from_elsewhere(self) -> None:
        recorder = timing.TaskRecorder()
        start = time.perf_counter()
        recorder.add(3, "pid 42", start, start + 0.01)
        recorder.stop()
        (task,) = recorder.tasks
        self.assertEqual((task["id"], task["worker"]), (3, "pid 42"))
        self.assertAlmostEqual(task["end_s"] - task["start_s"], 0.01, places=4)

    def test_where_cpu_time_cannot_be_measured_the_report_says_so_instead_of_a_number(self) -> None:
        # Pyodide (sys.platform "emscripten") counts sleeping as CPU time: timing.py reports null and the reason.
        reason = "not measurable here: time.process_time() counts sleeping as CPU time"
        with unittest.mock.patch.object(timing, "CPU_NOT_MEASURABLE", reason):
            recorder = timing.TaskRecorder()
            recorder.stop()
            report = timing.build_report(example="latency", script="simulated_wait.py", variant="sleep",
                                         parameters={}, recorder=recorder)
        self.assertIsNone(report["cpu_s"])
        self.assertEqual(report["cpu_unmeasured_reason"], reason)
        self.assertEqual(schema_errors(report, schema("timing-report.schema.json")), [])
        text = timing.format_report(report)
        self.assertRegex(text, r"CPU time +not measurable here")
        # Natively the clock works: a number, and no reason in the report.
        self.assertIsNone(timing.CPU_NOT_MEASURABLE)
        recorder = timing.TaskRecorder()
        recorder.stop()
        native = timing.build_report(example="x", script="x.py", variant="x", parameters={}, recorder=recorder)
        self.assertIsInstance(native["cpu_s"], float)
        self.assertNotIn("cpu_unmeasured_reason", native)

    def test_build_report_requires_stop(self) -> None:
        with self.assertRaises(RuntimeError):
            timing.build_report(example="x", script="x.py", variant="x", parameters={},
                                recorder=timing.TaskRecorder())

    def test_skipped_report(self) -> None:
        report = timing.skipped_report(example="io-bound", script="threads.py", variant="threads",
                                       parameters={"items": 4}, reason="Pyodide cannot start threads.")
        self.assertEqual(schema_errors(report, schema("timing-report.schema.json")), [])
        self.assertIn("skipped: Pyodide cannot start threads.", timing.format_report(report))

    def test_print_report_json_is_one_object(self) -> None:
        recorder = timing.TaskRecorder()
        recorder.stop()
        report = timing.build_report(example="x", script="x.py", variant="x", parameters={},
                                     recorder=recorder)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            timing.print_report(report, as_json=True)
        self.assertEqual(parse_report(out.getvalue()), json.loads(json.dumps(report)))

    def test_argument_types(self) -> None:
        self.assertEqual(timing.positive_int("3"), 3)
        self.assertEqual(timing.non_negative_float("0"), 0.0)
        for function, text in [(timing.positive_int, "0"), (timing.positive_int, "x"),
                               (timing.non_negative_float, "-1"), (timing.non_negative_float, "nan"),
                               (timing.non_negative_float, "inf")]:
            with self.subTest(function=function.__name__, text=text):
                with self.assertRaises(argparse.ArgumentTypeError):
                    function(text)

    def test_positive_float_says_the_same_for_zero_and_below(self) -> None:
        self.assertEqual(timing.positive_float("0.5"), 0.5)
        messages = set()
        for text in ("0", "-1", "-0.0"):
            with self.assertRaises(argparse.ArgumentTypeError) as caught:
                timing.positive_float(text)
            messages.add(str(caught.exception).split(", got")[0])
        self.assertEqual(messages, {"must be a number greater than 0"})

    def test_exit_codes(self) -> None:
        with contextlib.redirect_stderr(io.StringIO()) as err:
            self.assertEqual(timing.fail("boom"), 1)
            self.assertEqual(timing.interrupted(), 130)
        self.assertIn("error: boom", err.getvalue())


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


class RunnerTest(unittest.TestCase):
    """runner.py: options from a Job, the workers cap, the report's parameters."""

    @classmethod
    def setUpClass(cls) -> None:
        sys.path.insert(0, str(SHARED))  # runner imports timing by name, as in a folder
        cls.runner = importlib.import_module("runner")

    @classmethod
    def tearDownClass(cls) -> None:
        sys.path.remove(str(SHARED))

    def job(self, **fields: object) -> object:
        defaults = {"example": "x", "script": "x.py", "variant": "x", "about": "A test job.",
                    "work": lambda run: {"answer": 42}, "options": {"tasks": 4}}
        return self.runner.Job(**{**defaults, **fields})

    def test_workers_are_capped_at_the_tasks(self) -> None:
        job = self.job(pool="threads")
        args = self.runner.parse_args(job, ["--tasks", "3", "--workers", "50"])
        self.assertEqual(args.workers, 3)
        self.assertEqual(self.runner.parameters(job, args), {"tasks": 3, "workers": 3})

    def test_process_jobs_get_a_start_method_and_the_windows_limit_in_help(self) -> None:
        parser = self.runner.parser_for(self.job(pool="processes"))
        text = " ".join(parser.format_help().split())
        self.assertIn("--start-method", text)
        self.assertIn("at most one per task, and 61 on Windows", text)

    def test_measure_builds_a_valid_report(self) -> None:
        job = self.job()
        report = self.runner.measure(job, self.runner.parse_args(job, []))
        self.assertEqual(schema_errors(report, schema("timing-report.schema.json")), [])
        self.assertEqual(report["metrics"], {"answer": 42})

    def test_an_error_while_ctrl_c_unwinds_still_ends_as_a_ctrl_c(self) -> None:
        """Seen on 3.13t: Ctrl-C inside a pool's Thread.start(), then the pool's shutdown
        raised RuntimeError("cannot join thread before it is started")."""
        def work(run: object) -> dict[str, int]:
            try:
                raise KeyboardInterrupt
            finally:
                raise RuntimeError("cannot join thread before it is started")

        self.addCleanup(signal.signal, signal.SIGINT, signal.getsignal(signal.SIGINT))
        self.addCleanup(setattr, threading, "excepthook", threading.excepthook)
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            code = self.runner.main(self.job(work=work), [])
        self.assertEqual(code, 130, stderr.getvalue())
        self.assertEqual(stderr.getvalue().splitlines()[-1], "Interrupted.")
        self.assertNotIn("Traceback", stderr.getvalue())

    def test_ctrl_c_inside_an_asyncio_task_ends_quietly(self) -> None:
        """Seen on 3.11 (io-bound async_io.py): a Ctrl-C that lands inside a task's step
        left the task holding the KeyboardInterrupt, and asyncio logged it with a traceback
        at exit. Run in a child process: that log comes when the task is collected."""
        program = textwrap.dedent("""
            import asyncio, signal, sys
            from runner import Job, main

            async def child() -> None:
                await asyncio.sleep(0)
                signal.raise_signal(signal.SIGINT)  # handled inside this step

            async def work_all() -> None:
                async with asyncio.TaskGroup() as group:
                    for _ in range(3):
                        group.create_task(child())

            sys.exit(main(Job("x", "x.py", "x", "A test job.",
                              lambda run: {"n": asyncio.run(work_all()) or 0},
                              options={"tasks": 4})))
        """)
        result = subprocess.run([sys.executable, "-c", program], cwd=SHARED, capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, 130, result.stderr)
        self.assertEqual(result.stderr.splitlines()[-1], "Interrupted.", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_lost_updates_and_plural(self) -> None:
        self.assertEqual(self.runner.lost_updates(10, 7),
                         {"expected": 10, "actual": 7, "lost_updates": 3})
        self.assertEqual(self.runner.plural(1, "worker"), "1 worker")
        self.assertEqual(self.runner.plural(2, "worker"), "2 workers")


if __name__ == "__main__":
    unittest.main()
