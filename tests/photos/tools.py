"""exiftool for the photo tests: it writes the IPTC/XMP a photographer's
software would. Missing exiftool fails loudly (`make test-tools` installs it)."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.factories import image_bytes


def exiftool(*args) -> str:
    binary = shutil.which("exiftool")
    assert binary, "exiftool is missing: run `make test-tools`"
    done = subprocess.run(
        [binary, *map(str, args)], capture_output=True, text=True, check=True
    )
    return done.stdout


def tagged_photo(path: Path, fmt="JPEG", size=(640, 480), **tags) -> bytes:
    """An image file with ``tags`` (exiftool names) written in; its bytes."""
    path.write_bytes(image_bytes(fmt, size=size))
    args = ["-q", "-overwrite_original", "-codedcharacterset=utf8"]
    args += [f"-{name}={value}" for name, value in tags.items()]
    exiftool(*args, path)
    return path.read_bytes()


def read_tags(path: Path) -> dict:
    return json.loads(exiftool("-j", "-G1", "-a", path))[0]
