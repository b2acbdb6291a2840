"""Refresh the few committed copies of examples/_shared/ files.

The shared code lives once, in examples/_shared/. Committed beside the
code that needs it, from a clone, are only:

* compare.py, in every example folder: it finds harness.py beside it (in
  a download) or in ../_shared/ (in a clone);
* latency_server.py, in every example folder whose files import it, so
  that `python3 threads.py` runs from a clone;
* in an exercise folder, for each shared module its files import
  (checker.py, latency_server.py), a copy of _shared/link.py under that
  name, which runs the module from examples/_shared/.

It also writes the parts of the READMEs that restate example.json: the top
of each example's README.md (title, files, commands, options, exercises),
up to the line GENERATED_END, and the table of examples in README.md
between TABLE_START and GENERATED_END. Hand-written text goes below.

The zips and StackBlitz projects get the modules themselves at build time
(src/lib/examples/shared-files.ts). Edit the files in _shared/ (or an
example.json), then run

    python3 examples/sync_shared.py          # refresh every copy
    python3 examples/sync_shared.py --check  # report stale copies (exit 1)
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent
SHARED = EXAMPLES / "_shared"
LINK = SHARED / "link.py"


def imported(folder: Path, available: set[str]) -> set[str]:
    """The shared modules the folder's own .py files import."""
    names: set[str] = set()
    for path in folder.glob("*.py"):
        if path.stem in available or path.name == "compare.py":
            continue
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                names.add(node.module or "")
    return names & available


def planned_copies() -> list[tuple[Path, Path]]:
    """(source, destination) of every committed copy."""
    available = {path.stem for path in SHARED.glob("*.py")} - {"link"}
    copies = []
    for meta in sorted(EXAMPLES.glob("*/example.json")):
        folder = meta.parent
        copies.append((SHARED / "compare.py", folder / "compare.py"))
        for name in sorted(imported(folder, available) - {"harness"}):
            copies.append((SHARED / f"{name}.py", folder / f"{name}.py"))
    for check in sorted(EXAMPLES.glob("*/exercises/*/check.py")):
        for name in sorted(imported(check.parent, available)):
            copies.append((LINK, check.parent / f"{name}.py"))
    return copies


GENERATED_END = "<!-- end of the part written from example.json -->"
TABLE_START = "<!-- the table of examples, written from example.json -->"
HARNESS_ROW = (
    "| `compare.py` | Times the versions from outside: `python3 compare.py` "
    "compares them, `python3 compare.py VERSION` runs one with its timeline "
    "(`--help` lists every option). It runs the course's harness, "
    "`harness.py` (beside it in a download, in `../_shared/` in a clone), "
    "which imports each version as a module: the version files are plain "
    "Python and know nothing of it. |")


def first_line(path: Path) -> str:
    """The first line of a file's docstring."""
    doc = ast.get_docstring(ast.parse(path.read_bytes())) or ""
    return doc.splitlines()[0] if doc else ""


def readme_top(folder: Path) -> str:
    """The part of an example's README.md written from its example.json."""
    meta = json.loads((folder / "example.json").read_text(encoding="utf-8"))
    scripts = meta["scripts"]
    lines = [f"# {meta['title']}", "", meta["summary"], "",
             "| File | What it shows |", "| --- | --- |"]
    lines += [f"| `{e['file']}` | {e['description']} |"
              for e in scripts if e["role"] == "variant"]
    lines += [HARNESS_ROW, "", "## Run it", "", "```sh"]
    lines += [f"python3 {e['file']}" for e in scripts if e["role"] == "variant"]
    others = [e for e in scripts if e["role"] != "variant"]
    first = next(e for e in scripts if e["role"] == "variant")
    lines += [f"python3 compare.py{'' if e['role'] == 'compare' else ' ' + e['variant']}"
              f"   # {e['label']}" for e in others]
    lines += [f"python3 compare.py {first['variant']} --json   "
              "# one version, timed from outside, as JSON",
              "python3 compare.py --help", "```", "",
              "A version file runs alone and prints its own time; its "
              "numbers are constants at the top of the file. `compare.py` "
              "sets them from its options:", ""]
    for name, option in meta["options"].items():
        flag = "--" + name.replace("_", "-")
        cap = f" (at most {option['max']:,})" if "max" in option else ""
        sets = f", sets `{option['constant']}`" if "constant" in option else ""
        lines.append(f"- `{flag}`: {option['help']}{sets}{cap}")
    exercises = sorted((folder / "exercises").glob("*/exercise.py"))
    if exercises:
        lines += ["", "## Exercises", "",
                  "Each folder runs alone: `python3 exercise.py`, then "
                  "`python3 check.py` (see `examples/README.md`).", ""]
        lines += [f"- `exercises/{path.parent.name}/`: "
                  f"{first_line(path).removeprefix('Exercise: ')}"
                  for path in exercises]
    return "\n".join(lines) + "\n\n" + GENERATED_END + "\n"


def examples_table() -> str:
    """The table of examples in examples/README.md."""
    lines = [TABLE_START, "", "| Folder | What it shows |", "| --- | --- |"]
    for meta_path in sorted(EXAMPLES.glob("*/example.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        lines.append(f"| `{meta_path.parent.name}/` | {meta['summary']} |")
    return "\n".join(lines) + "\n\n" + GENERATED_END + "\n"


def planned_texts() -> list[tuple[Path, str]]:
    """(README, its text with the generated parts refreshed)."""
    texts = []
    for meta_path in sorted(EXAMPLES.glob("*/example.json")):
        readme = meta_path.parent / "README.md"
        old = readme.read_text(encoding="utf-8") if readme.exists() else ""
        rest = old.split(GENERATED_END + "\n", 1)[1] if GENERATED_END in old \
            else ""
        texts.append((readme, readme_top(meta_path.parent) + rest))
    readme = EXAMPLES / "README.md"
    old = readme.read_text(encoding="utf-8")
    if TABLE_START in old:
        before, after = old.split(TABLE_START, 1)
        after = after.split(GENERATED_END + "\n", 1)[1]
        texts.append((readme, before + examples_table() + after))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; list stale or missing copies, exit 1 if any",
    )
    args = parser.parse_args(argv)

    stale = []
    for source, destination in planned_copies():
        if (
            destination.is_file()
            and destination.read_bytes() == source.read_bytes()
        ):
            continue
        stale.append(destination)
        if not args.check:
            destination.write_bytes(source.read_bytes())

    for readme, text in planned_texts():
        if readme.exists() and readme.read_text(encoding="utf-8") == text:
            continue
        stale.append(readme)
        if not args.check:
            readme.write_text(text, encoding="utf-8")

    for destination in stale:
        action = "stale" if args.check else "updated"
        print(f"{action}: {destination.relative_to(EXAMPLES.parent)}")
    if args.check and stale:
        print(
            "Run `python3 examples/sync_shared.py` to refresh the copies.",
            file=sys.stderr,
        )
        return 1
    if not stale:
        print("All shared copies are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
