"""In a clone, runs the module of this name from examples/_shared/ (a download holds the module itself)."""

import sys
from pathlib import Path

_real = next((p / "_shared" / Path(__file__).name for p in Path(__file__).resolve().parents
              if (p / "_shared" / Path(__file__).name).is_file()), None)
if _real is None:
    sys.exit(f"{Path(__file__).name}: examples/_shared/ is missing")
__file__ = str(_real)
exec(compile(_real.read_text(encoding="utf-8"), __file__, "exec"))
