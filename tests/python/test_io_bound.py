"""examples/io-bound: every version downloads correctly, overlaps its waits, and fails cleanly."""

from __future__ import annotations

import unittest

from tests.python.support import POSIX, ExampleTestCase, occupied_port, parse_report, report_problems

NETWORKED = ["sequential.py", "threads.py", "threads_reuse.py", "async_io.py", "processes.py", "compare.py"]
ALL_SCRIPTS = [*NETWORKED, "simulated_asyncio.py"]
CONCURRENT = ["threads.py", "threads_reuse.py", "async_io.py", "processes.py"]


class IoBoundTest(ExampleTestCase):
    slug = "io-bound"

    def test_every_script_is_tested(self) -> None:
        self.assertEqual(sorted(entry["file"] for entry in self.meta["scripts"]), sorted(ALL_SCRIPTS))

    def test_quick_runs_download_every_item(self) -> None:
        for file in ["sequential.py", *CONCURRENT, "simulated_asyncio.py"]:
            with self.subTest(script=file):
                report = self.quick_report(file)
                items = report["parameters"]["items"]
                self.assertEqual(sorted(task["id"] for task in report["tasks"]), list(range(items)))
                if file != "simulated_asyncio.py":
                    self.assertGreater(report["metrics"]["bytes"], 0)

    def test_concurrent_versions_use_several_workers(self) -> None:
        for file in CONCURRENT:
            with self.subTest(script=file):
                report = self.quick_report(file)
                workers = {task["worker"] for task in report["tasks"]}
                self.assertGreater(len(workers), 1)
        sequential_workers = {task["worker"] for task in self.quick_report("sequential.py")["tasks"]}
        self.assertEqual(sequential_workers, {"MainThread"})
        self.assertTrue(all(task["worker"].startswith("pid ")
                            for task in self.quick_report("processes.py")["tasks"]))

    def test_compare_runs_every_version_against_one_server(self) -> None:
        report = self.quick_report("compare.py")
        variants = [run["variant"] for run in report["runs"]]
        self.assertEqual(variants, ["sequential", "threads", "threads-reuse", "asyncio", "processes"])
        self.assertEqual([row["variant"] for row in report["rows"]], variants)
        for run, row in zip(report["runs"], report["rows"]):
            self.assertEqual(run["parameters"]["items"], report["parameters"]["items"])
            self.assertEqual(len(run["tasks"]), report["parameters"]["items"])
            # each row reports the workers its version really used (sequential: one)
            self.assertEqual(row["workers"], run["parameters"].get("workers", 1))
            self.assertIsNotNone(row["workers"])

    def test_threads_reuse_keeps_one_connection_per_thread(self) -> None:
        """The server counts the connections it accepted: one per request for urllib, at most
        one per worker thread when each thread keeps its HTTPConnection in a threading.local()."""
        reuse = self.quick_report("threads_reuse.py")
        fresh = self.quick_report("threads.py")
        self.assertLessEqual(reuse["metrics"]["connections"], reuse["parameters"]["workers"])
        self.assertEqual(fresh["metrics"]["connections"], fresh["parameters"]["items"])

    def test_workers_are_capped_at_the_number_of_items(self) -> None:
        for file in CONCURRENT:
            with self.subTest(script=file):
                result = self.run_script(file, ["--items", "3", "--workers", "50", "--json"])
                self.assertEqual(result.returncode, 0, result.stderr)
                report = parse_report(result.stdout)
                self.assertEqual(report["parameters"]["workers"], 3)
                self.assertLessEqual(len({task["worker"] for task in report["tasks"]}), 3)
        help_text = self.run_script("processes.py", ["--help"]).stdout
        self.assertIn("at most one per item", " ".join(help_text.split()))
        self.assertIn("61 on Windows", " ".join(help_text.split()))

    def test_threads_and_asyncio_beat_sequential(self) -> None:
        """Ratios, not seconds: with 12 workers the true speedup is about 10x; require 3x."""

        def speedups(report: dict) -> dict[str, float]:
            return {row["variant"]: row["speedup"] for row in report["rows"]}

        report = self.assertRatioHolds(
            "compare.py",
            lambda report: all(speedups(report)[name] >= 3 for name in ("threads", "threads-reuse", "asyncio")),
            lambda report: str(speedups(report)),
        )
        self.assertEqual(speedups(report)["sequential"], 1.0)
        # Processes overlap the waits too, but pay to start; only require that they finish.
        self.assertGreater(speedups(report)["processes"], 0)

    def test_simulated_asyncio_overlaps_the_waits(self) -> None:
        report = self.assertRatioHolds(
            "simulated_asyncio.py",
            lambda report: report["elapsed_s"] * 3 < report["metrics"]["total_wait_s"],
            lambda report: f"elapsed_s={report['elapsed_s']}, total_wait_s={report['metrics']['total_wait_s']}",
        )
        self.assertTrue(report["parameters"]["simulated"])

    def test_table_output(self) -> None:
        for file in ALL_SCRIPTS:
            with self.subTest(script=file):
                args = ["--items", "2"] if file in ("sequential.py",) else ["--items", "2", "--workers", "2"]
                result = self.run_script(file, args)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("wall time", result.stdout)
                self.assertIn("Timeline", result.stdout)

    def test_help(self) -> None:
        for file in ALL_SCRIPTS:
            with self.subTest(script=file):
                result = self.run_script(file, ["--help"])
                self.assertEqual(result.returncode, 0)
                self.assertIn("--items", result.stdout)
                self.assertIn("default", result.stdout)
                # the zip of one folder has no timing-report.schema.json: --help must not send you there
                self.assertNotIn("schema", result.stdout)

    def test_bad_arguments_exit_2(self) -> None:
        cases = [(file, ["--items", "0"]) for file in ALL_SCRIPTS] + [
            ("threads.py", ["--workers", "0"]),
            ("simulated_asyncio.py", ["--latency-ms", "-5"]),
            ("sequential.py", ["--port", "70000"]),
            ("async_io.py", ["--timeout", "0"]),
            ("threads_reuse.py", ["--timeout", "-1"]),
            ("processes.py", ["--start-method", "teleport"]),
            ("compare.py", ["--items", "many"]),
            ("simulated_asyncio.py", ["--port", "8000"]),  # no server, so no --port
        ]
        for file, args in cases:
            with self.subTest(script=file, args=args):
                result = self.run_script(file, args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("usage:", result.stderr)
                self.assertNotIn("Traceback", result.stderr)

    def test_timeout_of_zero_or_less_gets_one_message(self) -> None:
        messages = {self.run_script("threads.py", ["--timeout", value]).stderr.splitlines()[-1].split(", got")[0]
                    for value in ("0", "-1", "-0.5")}
        self.assertEqual(messages, {"compare.py: error: argument --timeout: must be a number greater than 0"})

    def test_port_in_use(self) -> None:
        with occupied_port() as port:
            for file in NETWORKED:
                with self.subTest(script=file):
                    result = self.run_script(file, ["--items", "2", "--port", str(port)])
                    self.assertFailsCleanly(result, 1, f"error: port {port} is already in use")

    def test_server_that_never_answers_gives_a_clear_error_within_the_timeout(self) -> None:
        for file in NETWORKED:
            with self.subTest(script=file):
                args = ["--items", "8", "--workers", "4"] if file != "sequential.py" else ["--items", "8"]
                hang = ["--latency-ms", "60000", "--timeout", "0.5"]
                result = self.run_script(file, [*args, *hang], timeout=30)
                self.assertFailsCleanly(result, 1, "did not answer within --timeout 0.5 s")
                self.assertLess(result.seconds, 10)

    @unittest.skipUnless(POSIX, "sends SIGINT to a process group")
    def test_ctrl_c_stops_every_script_cleanly(self) -> None:
        cases = [
            ("sequential.py", ["--items", "1000"], 0.5),
            ("threads.py", ["--items", "1000", "--workers", "4"], 0.5),
            ("threads_reuse.py", ["--items", "1000", "--workers", "4"], 0.5),
            ("async_io.py", ["--items", "1000", "--workers", "4"], 0.5),
            ("processes.py", ["--items", "1000", "--workers", "4"], 1.5),
            ("processes.py", ["--items", "1000", "--workers", "4", "--start-method", "spawn"], 1.5),
            ("compare.py", ["--items", "1000", "--workers", "4"], 0.5),
            ("simulated_asyncio.py", ["--items", "400", "--workers", "4"], 0.5),
        ]
        for file, args, settle_s in cases:
            with self.subTest(script=file, args=args):
                self.assertCtrlCStopsCleanly(file, args, settle_s)

    @unittest.skipUnless(POSIX, "spawn is already the default elsewhere")
    def test_processes_under_spawn(self) -> None:
        """Under spawn every worker imports processes.py afresh: the worker function must be picklable
        and the program guarded by `if __name__ == "__main__":`."""
        args = ["--items", "6", "--workers", "2", "--start-method", "spawn", "--json"]
        result = self.run_script("processes.py", args)
        self.assertEqual(result.returncode, 0, result.stderr)
        report = parse_report(result.stdout)
        self.assertEqual(report_problems(report, self.slug, self.entry("processes.py")), [])
        self.assertEqual(report["environment"]["start_method"], "spawn")
        self.assertEqual(len(report["tasks"]), 6)


if __name__ == "__main__":
    unittest.main()
