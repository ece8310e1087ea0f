"""The IPTC ninjs schemas: where they are, a validator per version, and
which version an item is (by its marker, else by its shape). Validation is
offline: no schema is ever fetched."""

from __future__ import annotations

import functools
import json
import os
import re
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from jsonschema import Draft7Validator, Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMAS = {
    "1.6": Draft7Validator,
    "1.7": Draft7Validator,
    "2.2": Draft202012Validator,
    "2.3": Draft202012Validator,
}
LATEST = {"1": "1.7", "2": "2.3"}  # another minor version: the newest we hold
SHIPPED = Path(__file__).resolve().parent / "schemas" / "ninjs"


class SchemasMissing(ImproperlyConfigured):
    pass


# -- the schemas ---------------------------------------------------------------


def _has_schemas(folder: Path) -> bool:
    return all((folder / f"ninjs-schema_{v}.json").is_file() for v in SCHEMAS)


def schema_dir() -> Path:
    """IPTC's ninjs schemas: ``$NEWSZONE_STANDARDS_DIR/ninjs`` when set (a
    newer copy), else the copies shipped in ``importers/schemas/ninjs``."""
    variable = "NEWSZONE_STANDARDS_DIR"
    folder = Path(os.environ[variable]) / "ninjs" if os.environ.get(variable) else None
    if folder is not None and not _has_schemas(folder):  # set on purpose: say so
        raise SchemasMissing(_missing(folder, f"{variable} points there"))
    folder = folder or SHIPPED
    if not _has_schemas(folder):
        raise SchemasMissing(_missing(folder))
    return folder


def _missing(folder: Path, why: str = "") -> str:
    names = ", ".join(f"ninjs-schema_{v}.json" for v in SCHEMAS)
    where = f"{folder}" + (f" ({why})" if why else "")
    return (
        f"IPTC ninjs schemas not found in {where}: need {names}. Set "
        "NEWSZONE_STANDARDS_DIR to a standards folder holding ninjs/, or "
        "reinstall newszone (it ships them)."
    )


# Places in 2.x may carry GeoJSON, a reference to geojson.org: an import reads
# no geometry and must not fetch schemas over the network, so it resolves to
# an accept-anything schema.
OFFLINE = Registry().with_resource(
    "https://geojson.org/schema/GeoJSON.json", DRAFT202012.create_resource({})
)
# Only date-time is checked (published_at is read from it). "uri" is not: the
# relative rendition hrefs export-ninjs writes must pass.
DATES = FormatChecker(formats=())


@DATES.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    return "T" in value.upper() and datetime.fromisoformat(value).tzinfo is not None


@functools.cache
def validator(folder: Path, version: str):
    schema = json.loads((folder / f"ninjs-schema_{version}.json").read_text())
    return SCHEMAS[version](schema, registry=OFFLINE, format_checker=DATES)


V2_KEYS = {"headlines", "bodies", "descriptions", "people", "subjects", "genres"}
V2_KEYS |= {"organisations", "places", "events", "objects", "infosources", "by"}
V2_KEYS |= {"trustindicators", "standard"}
V1_KEYS = {"headline", "byline", "person", "subject", "genre", "mimetype"}
V1_KEYS |= {"organisation", "place", "event", "object", "infosource", "$standard"}
V1_PREFIXES = ("body_", "description_", "headline_")
_VERSION = re.compile(r"(\d+)\.\d+")


def declared_version(obj: dict, marker) -> str:
    """``"2.3"`` from ``standard``/``$standard`` (version or schema) or the
    ``$schema`` marker; ``""`` when none names one."""
    texts = [marker]
    for key in ("standard", "$standard"):
        if isinstance(obj.get(key), dict):
            texts += [obj[key].get("version"), obj[key].get("schema")]
    for text in texts:
        found = _VERSION.search(text) if isinstance(text, str) else None
        if found:
            return found.group()
    return ""


def shaped_version(obj: dict) -> str:
    lists = [isinstance(obj.get(key), list) for key in ("associations", "renditions")]
    if V2_KEYS & obj.keys() or any(lists):
        return LATEST["2"]
    if V1_KEYS & obj.keys() or any(key.startswith(V1_PREFIXES) for key in obj):
        return LATEST["1"]
    dicts = [isinstance(obj.get(key), dict) for key in ("associations", "renditions")]
    return LATEST["1"] if any(dicts) else LATEST["2"]
