"""Where the team's shared folder is (samples, standards' schemas).

``NEWSZONE_SHARED_DIR`` if set; else ``../shared`` beside the checkout (this
project's layout, and CI's); else the team machine's ``/work/shared`` (a
clone elsewhere, e.g. in /tmp). Missing everywhere: the tests fail, saying so.
"""

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    candidates = [
        os.environ.get("NEWSZONE_SHARED_DIR"),
        CHECKOUT.parent / "shared",
        "/work/shared",
    ]
    for candidate in filter(None, candidates):
        if (Path(candidate) / "standards").is_dir():
            return Path(candidate)
    return CHECKOUT.parent / "shared"  # absent: the tests that need it fail


SHARED = shared_dir()
STANDARDS = Path(os.environ.get("NEWSZONE_STANDARDS_DIR") or SHARED / "standards")
SAMPLES = SHARED / "samples"
