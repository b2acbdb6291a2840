"""examples/latency: a program that waits on the network is idle most of the time."""

from __future__ import annotations

import unittest

from tests.python.support import POSIX, ExampleTestCase, occupied_port

SCRIPTS = ["wall_vs_cpu.py", "simulated_wait.py"]


class LatencyTest(ExampleTestCase):
    slug = "latency"

    def test_every_script_is_tested(self) -> None:
        self.assertEqual(sorted(entry["file"] for entry in self.meta["scripts"]), sorted(SCRIPTS))

    def test_cpu_time_is_a_small_fraction_of_wall_time(self) -> None:
        for file in SCRIPTS:
            with self.subTest(script=file):
                # Ratios, not seconds: the true CPU share is a few percent; allow up to 25%.
                report = self.assertRatioHolds(
                    file,
                    lambda report: report["cpu_s"] < 0.25 * report["elapsed_s"],
                    lambda report: f"cpu_s={report['cpu_s']}, elapsed_s={report['elapsed_s']}",
                )
                metrics = report["metrics"]
                self.assertEqual(len(report["tasks"]), report["parameters"]["items"])
                self.assertGreater(metrics["idle_fraction"], 0.75)
                self.assertAlmostEqual(metrics["cpu_fraction"] + metrics["idle_fraction"], 1, places=3)
                # Waiting cannot be shorter than the latency: the run takes at least items x latency.
                minimum_s = report["parameters"]["items"] * report["parameters"]["latency_ms"] / 1000
                self.assertGreaterEqual(report["elapsed_s"], 0.95 * minimum_s)

    def test_simulated_is_labelled(self) -> None:
        self.assertTrue(self.quick_report("simulated_wait.py")["parameters"]["simulated"])
        self.assertEqual(self.entry("simulated_wait.py")["pyodide"]["status"], "labelled")

    def test_table_output(self) -> None:
        for file in SCRIPTS:
            with self.subTest(script=file):
                result = self.run_script(file, ["--items", "2"])
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("CPU time", result.stdout)
                self.assertIn("idle_fraction", result.stdout)

    def test_bad_arguments_exit_2(self) -> None:
        for file, args in [("wall_vs_cpu.py", ["--items", "0"]), ("wall_vs_cpu.py", ["--timeout", "-1"]),
                           ("simulated_wait.py", ["--latency-ms", "soon"])]:
            with self.subTest(script=file, args=args):
                result = self.run_script(file, args)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("usage:", result.stderr)

    def test_port_in_use(self) -> None:
        with occupied_port() as port:
            result = self.run_script("wall_vs_cpu.py", ["--items", "2", "--port", str(port)])
        self.assertFailsCleanly(result, 1, f"error: port {port} is already in use")

    def test_server_that_never_answers(self) -> None:
        hang = ["--items", "3", "--latency-ms", "60000", "--timeout", "0.5"]
        result = self.run_script("wall_vs_cpu.py", hang)
        self.assertFailsCleanly(result, 1, "did not answer within --timeout 0.5 s")
        self.assertLess(result.seconds, 10)

    @unittest.skipUnless(POSIX, "sends SIGINT to a process group")
    def test_ctrl_c(self) -> None:
        for file in SCRIPTS:
            with self.subTest(script=file):
                self.assertCtrlCStopsCleanly(file, ["--items", "1000"])


if __name__ == "__main__":
    unittest.main()
