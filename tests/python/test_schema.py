"""The schemas, the example.json files, and the small JSON Schema validator the tests rely on."""

from __future__ import annotations

import copy
import unittest

from tests.python.support import EXAMPLES, SHARED, example_meta, load_json, schema, schema_errors

REPORT_SCHEMA = "timing-report.schema.json"
EXAMPLE_SCHEMA = "example.schema.json"


# Listings a lesson shows that need a Python newer than the examples' 3.11
# floor, so they are not variants (nothing measures or runs them here);
# pyrightconfig.py314.json type-checks them.
NEWER_PYTHON_LISTINGS = {"cpu-bound": {"interpreter_pool.py"}}


def example_slugs() -> list[str]:
    return sorted(path.parent.name for path in EXAMPLES.glob("*/example.json"))


def minimal_report() -> dict:
    return {
        "schema_version": 1,
        "example": "io-bound",
        "script": "threads.py",
        "variant": "threads",
        "status": "ok",
        "skip_reason": None,
        "environment": {
            "python_version": "3.11.7", "implementation": "CPython", "gil_enabled": True,
            "free_threaded_build": False, "os": "Linux", "platform": "Linux-6", "machine": "x86_64",
            "cpu_count": 2, "start_method": None,
        },
        "parameters": {"items": 4, "latency_ms": 50.0, "simulated": False},
        "elapsed_s": 0.2,
        "cpu_s": 0.01,
        "tasks": [{"id": 0, "worker": "worker_0", "start_s": 0.0, "end_s": 0.05}],
        "timestamp": "2026-11-24T23:59:00Z",
    }


class ValidatorTest(unittest.TestCase):
    """The stdlib validator must catch the mistakes the schema is there to catch."""

    def setUp(self) -> None:
        self.schema = schema(REPORT_SCHEMA)

    def assertInvalid(self, report: dict, fragment: str) -> None:
        errors = schema_errors(report, self.schema)
        self.assertTrue(errors, "expected the report to be invalid")
        self.assertIn(fragment, " ".join(errors))

    def test_minimal_report_is_valid(self) -> None:
        self.assertEqual(schema_errors(minimal_report(), self.schema), [])

    def test_missing_field(self) -> None:
        report = minimal_report()
        del report["tasks"]
        self.assertInvalid(report, "missing required property 'tasks'")

    def test_unexpected_field_in_envelope_and_environment(self) -> None:
        report = minimal_report()
        report["elapsed"] = 1
        self.assertInvalid(report, "unexpected property 'elapsed'")
        report = minimal_report()
        report["environment"]["gil"] = True
        self.assertInvalid(report, "unexpected property 'gil'")

    def test_wrong_types_and_enums(self) -> None:
        for path, value, fragment in [
            (("elapsed_s",), "1.0", "expected number or null"),
            (("status",), "done", "is not one of"),
            (("environment", "start_method"), "posix", "is not one of"),
            (("environment", "cpu_count"), True, "expected integer or null"),
            (("tasks",), [{"id": -1, "worker": "w", "start_s": 0, "end_s": 0}], "less than 0"),
            (("parameters",), {"items": [1, 2]}, "expected number or string or boolean"),
            (("metrics",), {"lost": "many"}, "expected number"),
            (("schema_version",), 2, "expected 1"),
            (("timestamp",), "yesterday", "does not match"),
        ]:
            with self.subTest(path=path):
                report = minimal_report()
                target = report
                for key in path[:-1]:
                    target = target[key]
                target[path[-1]] = value
                self.assertInvalid(report, fragment)

    def test_skipped_report_needs_a_reason_and_no_times(self) -> None:
        report = minimal_report()
        report["status"] = "skipped"
        self.assertInvalid(report, "oneOf")  # still has times and no reason
        report.update(skip_reason="Pyodide cannot start threads.", elapsed_s=None, cpu_s=None, tasks=[])
        self.assertEqual(schema_errors(report, self.schema), [])
        report["skip_reason"] = None
        self.assertInvalid(report, "oneOf")

    def test_nested_runs_are_validated(self) -> None:
        report = minimal_report()
        nested = minimal_report()
        del nested["variant"]
        report["runs"] = [minimal_report(), nested]
        self.assertInvalid(report, "$.runs[1]: missing required property 'variant'")

    def test_unknown_keyword_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            schema_errors(1, {"type": "integer", "maximum": 3})


class SchemaFilesTest(unittest.TestCase):
    def test_schemas_declare_draft_2020_12(self) -> None:
        for name in (REPORT_SCHEMA, EXAMPLE_SCHEMA):
            with self.subTest(schema=name):
                self.assertEqual(schema(name)["$schema"], "https://json-schema.org/draft/2020-12/schema")


class ExampleJsonTest(unittest.TestCase):
    """Every examples/<slug>/example.json is valid and matches the files in its folder."""

    def test_there_are_examples(self) -> None:
        self.assertIn("io-bound", example_slugs())
        self.assertIn("latency", example_slugs())

    def test_each_example_json(self) -> None:
        example_schema = schema(EXAMPLE_SCHEMA)
        for slug in example_slugs():
            with self.subTest(example=slug):
                meta = example_meta(slug)
                self.assertEqual(schema_errors(meta, example_schema), [])
                folder = EXAMPLES / slug
                self.assertTrue((folder / "README.md").is_file(), f"{slug}/README.md is missing")

                listed = [entry["file"] for entry in meta["scripts"]]
                variants = [entry["variant"] for entry in meta["scripts"]]
                self.assertEqual(len(set(listed)), len(listed), "a file is listed twice")
                self.assertEqual(len(set(variants)), len(variants), "a variant id is used twice")
                if meta["baseline"] is not None:
                    self.assertIn(meta["baseline"], variants, "baseline is not one of the variants")

                for name in listed:
                    self.assertTrue((folder / name).is_file(), f"{slug}/{name} is listed but missing")
                on_disk = {path.name for path in folder.glob("*.py")}
                copies = {path.name for path in SHARED.glob("*.py")}  # compare.py, latency_server.py
                unlisted = (on_disk - set(listed) - copies
                            - NEWER_PYTHON_LISTINGS.get(slug, set()))
                self.assertEqual(unlisted, set(), f"{slug}: .py files not listed in example.json")

                for entry in meta["scripts"]:
                    for key in ("quickArgs", "measureArgs"):
                        self.assertNotIn("--json", entry[key],
                                         f"{entry['file']} {key}: the runner adds --json itself")


if __name__ == "__main__":
    unittest.main()
