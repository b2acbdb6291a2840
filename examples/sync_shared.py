"""Copy the modules of examples/_shared into every example that uses them.

Each example folder lists the shared modules it needs in its example.json
("shared"). Each exercise folder (examples/<slug>/exercises/<name>/) gets the
shared modules its own files import. A committed copy of each lives in the
folder, so a folder copied alone or downloaded as a zip runs with plain
`python3 script.py`. examples/_shared/ is the one source of truth: edit the
files there, then run

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


def planned_copies() -> list[tuple[Path, Path]]:
    """(source, destination) for every shared module every example lists."""
    copies = []
    for meta_path in sorted(EXAMPLES.glob("*/example.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        for name in meta.get("shared", []):
            source = SHARED / name
            if not source.is_file():
                raise SystemExit(
                    f"error: {meta_path.relative_to(EXAMPLES)} lists {name}, "
                    f"which is not in {SHARED.name}/"
                )
            copies.append((source, meta_path.parent / name))
    return copies + exercise_copies()


def exercise_copies() -> list[tuple[Path, Path]]:
    """(source, destination) for every shared module an exercise folder's own files import."""
    available = {path.stem: path for path in SHARED.glob("*.py")}
    copies = []
    for folder in sorted(path.parent for path in EXAMPLES.glob("*/exercises/*/check.py")):
        wanted: set[str] = set()
        sources = [path for path in folder.glob("*.py") if path.stem not in available]
        while sources:  # the folder's files, then the shared modules they pull in, and so on
            tree = ast.parse(sources.pop().read_bytes())
            for node in ast.walk(tree):
                names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                for name in names:
                    if name in available and name not in wanted:
                        wanted.add(name)
                        sources.append(available[name])
        copies += [(available[name], folder / f"{name}.py") for name in sorted(wanted)]
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
