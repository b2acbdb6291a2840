"""Time this folder's versions of the program from outside, and compare.

    python3 compare.py             every version, side by side
    python3 compare.py threads     one version, with its timeline
    python3 compare.py --help      the versions and every option

harness.py (beside this file in a download, in ../_shared/ in a clone)
imports each version as a module and records its tasks.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent / "_shared"):  # a download, a clone
    if (folder / "harness.py").is_file():
        sys.path.insert(1, str(folder))
        break
else:
    sys.exit("compare.py: harness.py is missing; download the example again")

import harness  # noqa: E402 (found above)

if __name__ == "__main__":
    sys.exit(harness.main(HERE))
