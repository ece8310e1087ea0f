"""Read the IPTC photo metadata a photographer wrote into the file.

XMP first, IPTC IIM as the fallback (the Metadata Working Group's rule);
mapping in shared/standards/iptc-photo-metadata/. XMP is parsed with
defusedxml (no entities, no external references). IIM text is UTF-8 when
1:90 says so, else tried as UTF-8, then CP949 (Korean legacy software),
then Latin-1.
"""

from __future__ import annotations

from datetime import datetime

from defusedxml import ElementTree
from django.utils import timezone
from PIL import Image, IptcImagePlugin

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
XMP_FIELDS = {  # our name → XMP property
    "caption": "dc:description",
    "creator": "dc:creator",
    "credit": "photoshop:Credit",
    "copyright": "dc:rights",
    "headline": "photoshop:Headline",
    "date_created": "photoshop:DateCreated",
    "city": "photoshop:City",
    "country": "photoshop:Country",
    "alt_text": "Iptc4xmpCore:AltTextAccessibility",
}
IIM_FIELDS = {  # our name → dataset of record 2
    "caption": 120,
    "creator": 80,
    "credit": 110,
    "copyright": 116,
    "headline": 105,
    "city": 90,
    "country": 101,
}
MAX_FIELD = 2000


def read_metadata(image: Image.Image) -> dict:
    """The IPTC fields found in an opened image, as text (absent → missing)."""
    found = _from_iim(image)
    found.update({k: v for k, v in _from_xmp(image).items() if v})
    if "date_created" not in found:
        date = _iim_date(image)
        if date:
            found["date_created"] = date
    return {k: v.strip()[:MAX_FIELD] for k, v in found.items() if v and v.strip()}


def taken_at(value: str | None) -> datetime | None:
    """An IPTC date (``2024-05-01``, ``2024-05-01T09:30:00+09:00``) as an aware time."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


# -- XMP ---------------------------------------------------------------------


def _xmp_bytes(image: Image.Image) -> bytes | None:
    info = image.info
    data = info.get("xmp") or info.get("XML:com.adobe.xmp")
    if isinstance(data, str):
        data = data.encode()
    return data or None


def _from_xmp(image: Image.Image) -> dict:
    data = _xmp_bytes(image)
    if not data:
        return {}
    start = data.find(b"<x:xmpmeta")
    end = data.rfind(b"</x:xmpmeta>")
    if start >= 0 and end > start:
        data = data[start : end + len(b"</x:xmpmeta>")]
    try:
        root = ElementTree.fromstring(data)
    except Exception:  # noqa: BLE001 - broken or hostile XMP: ignore it, keep IIM
        return {}
    found = {}
    for name, prop in XMP_FIELDS.items():
        value = _xmp_value(root, prop)
        if value:
            found[name] = value
    return found


def _qname(prop: str) -> str:
    prefix, local = prop.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _xmp_value(root, prop: str) -> str | None:
    qname = _qname(prop)
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        if qname in description.attrib:  # short form: an attribute
            return description.attrib[qname]
        element = description.find(qname)
        if element is not None:
            return _element_text(element)
    return None


def _element_text(element) -> str | None:
    items = element.findall(".//rdf:li", NS)
    if not items:
        return element.text
    default = [i for i in items if i.get(f"{{{NS['xml']}}}lang") == "x-default"]
    if default:  # a language alternative
        return default[0].text
    if element.find("rdf:Alt", NS) is not None:
        return items[0].text
    return ", ".join(i.text for i in items if i.text)  # Seq / Bag


# -- IPTC IIM ----------------------------------------------------------------


def _iim(image: Image.Image) -> dict:
    try:
        return IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # noqa: BLE001 - a damaged APP13 must not stop an upload
        return {}


def _decode(raw, utf8: bool) -> str:
    values = raw if isinstance(raw, list) else [raw]
    texts = []
    for value in values:
        for encoding in ("utf-8",) if utf8 else ("utf-8", "cp949", "latin-1"):
            try:
                texts.append(value.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            texts.append(value.decode("utf-8", errors="replace"))
    return ", ".join(texts)


def _from_iim(image: Image.Image) -> dict:
    iim = _iim(image)
    utf8 = iim.get((1, 90), b"") in (b"\x1b%G", b"\x1b%/G")
    return {
        name: _decode(iim[(2, number)], utf8)
        for name, number in IIM_FIELDS.items()
        if (2, number) in iim
    }


def _iim_date(image: Image.Image) -> str | None:
    """2:55 Date Created (CCYYMMDD) + 2:60 Time Created (HHMMSS±HHMM)."""
    iim = _iim(image)
    date = iim.get((2, 55))
    if not isinstance(date, bytes) or len(date) != 8 or not date.isdigit():
        return None
    text = f"{date[:4].decode()}-{date[4:6].decode()}-{date[6:8].decode()}"
    time = iim.get((2, 60))
    if isinstance(time, bytes) and len(time) >= 6 and time[:6].isdigit():
        t = time.decode(errors="ignore")
        text += f"T{t[:2]}:{t[2:4]}:{t[4:6]}"
        if len(t) == 11 and t[6] in "+-":
            text += f"{t[6:9]}:{t[9:11]}"
    return text
