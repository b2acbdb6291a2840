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

The zips and StackBlitz projects get the modules themselves at build time
(src/lib/shared-files.ts). Edit the files in _shared/, then run

    python3 examples/sync_shared.py          # refresh every copy
    python3 examples/sync_shared.py --check  # report stale copies (exit 1)
"""

from __future__ import annotations

import argparse
import ast
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
