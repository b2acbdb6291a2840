"""Time this folder's versions of the program from outside, and compare.

    python3 compare.py             every version, side by side
    python3 compare.py threads     one version, with its timeline
    python3 compare.py --help      the versions and every option

The version files know nothing of this: harness.py imports each one as a
module, sets its constants from the options, and records when each task
ran (see examples/README.md). A download holds harness.py beside this
file; a clone of the repository keeps it once, in examples/_shared/.
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
