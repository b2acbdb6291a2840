"""Stands in, in the repository, for the shared module of the same name.

The module lives once, in examples/_shared/; this file runs it in its
place. A downloaded zip holds the module itself instead of this file.
"""

import sys
from pathlib import Path

for _parent in Path(__file__).resolve().parents:
    _real = _parent / "_shared" / Path(__file__).name
    if _real.is_file():
        break
else:
    sys.exit(f"{Path(__file__).name}: examples/_shared/ is missing")
__file__ = str(_real)
exec(compile(_real.read_text(encoding="utf-8"), __file__, "exec"))
