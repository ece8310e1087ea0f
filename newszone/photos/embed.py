"""Metadata written back into renditions: XMP (every format) and IPTC IIM
(JPEG's APP13), so a photo saved from the site still says whose it is.
Field mapping: shared/standards/iptc-photo-metadata/ (Core, IIM 2:nnn)."""

from __future__ import annotations

import struct
from xml.sax.saxutils import escape

IIM_UTF8 = b"\x1b%G"  # 1:90 Coded Character Set: UTF-8
IIM_FIELDS = {  # our key → (dataset, byte limit)
    "caption": (120, 2000),
    "creator": (80, 32),
    "credit": (110, 32),
    "copyright": (116, 128),
}


def _cut(text: str, limit: int) -> bytes:
    """UTF-8 bytes of ``text``, cut at a character boundary within ``limit``."""
    data = text.encode()[:limit]
    return data.decode(errors="ignore").encode()


def _dataset(record: int, number: int, data: bytes) -> bytes:
    return struct.pack(">BBBH", 0x1C, record, number, len(data)) + data


def iim_block(meta: dict) -> bytes:
    """The IIM datasets for ``meta`` (caption, creator, credit, copyright)."""
    out = _dataset(1, 90, IIM_UTF8)
    for key, (number, limit) in IIM_FIELDS.items():
        if meta.get(key):
            out += _dataset(2, number, _cut(meta[key], limit))
    return out


def app13_segment(meta: dict) -> bytes:
    """A JPEG APP13 segment: Photoshop 3.0 resource 0x0404 holding the IIM."""
    iim = iim_block(meta)
    resource = b"8BIM" + b"\x04\x04" + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    if len(iim) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def add_iim_to_jpeg(jpeg: bytes, meta: dict) -> bytes:
    """Insert the APP13 segment after SOI and any APP0/APP1 segments."""
    if not jpeg.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG stream")
    position = 2
    while jpeg[position : position + 2] in (b"\xff\xe0", b"\xff\xe1"):
        (length,) = struct.unpack(">H", jpeg[position + 2 : position + 4])
        position += 2 + length
    return jpeg[:position] + app13_segment(meta) + jpeg[position:]


def _lang_alt(tag: str, text: str, language: str) -> str:
    items = f'<rdf:li xml:lang="x-default">{escape(text)}</rdf:li>'
    if language:
        items += f'<rdf:li xml:lang="{escape(language)}">{escape(text)}</rdf:li>'
    return f"<{tag}><rdf:Alt>{items}</rdf:Alt></{tag}>"


def xmp_packet(meta: dict, language: str = "") -> bytes:
    """An XMP packet with IPTC Core's caption, creator, credit, rights, alt text."""
    parts = []
    if meta.get("caption"):
        parts.append(_lang_alt("dc:description", meta["caption"], language))
    if meta.get("creator"):
        parts.append(
            "<dc:creator><rdf:Seq><rdf:li>"
            f"{escape(meta['creator'])}</rdf:li></rdf:Seq></dc:creator>"
        )
    if meta.get("copyright"):
        parts.append(_lang_alt("dc:rights", meta["copyright"], language))
    if meta.get("credit"):
        parts.append(f"<photoshop:Credit>{escape(meta['credit'])}</photoshop:Credit>")
    if meta.get("alt_text"):
        parts.append(
            _lang_alt("Iptc4xmpCore:AltTextAccessibility", meta["alt_text"], language)
        )
    body = "".join(parts)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
        ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">'
        f"{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="r"?>'
    ).encode()
