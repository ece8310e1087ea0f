"""Pictures for the demo edition, drawn in code (no binaries in the repo)."""

import io
import random

from PIL import Image, ImageDraw

PALETTES = {
    "sea": ((120, 170, 210), (225, 236, 244), (30, 70, 110)),
    "sky": ((40, 90, 160), (190, 215, 240), (90, 110, 130)),
    "mountain": ((150, 180, 200), (235, 230, 215), (60, 85, 60)),
    "city": ((70, 80, 110), (230, 180, 140), (50, 55, 65)),
    "parade": ((110, 150, 200), (240, 240, 235), (90, 100, 80)),
    "field": ((160, 190, 215), (245, 235, 210), (110, 120, 70)),
}


def _gradient(size, top, bottom):
    # One 256-step vertical ramp per channel, stretched: far cheaper than lines.
    ramp = Image.linear_gradient("L").resize((1, size[1]))
    channels = [
        ramp.point(lambda v, a=a, b=b: int(a + (b - a) * v / 255))
        for a, b in zip(top, bottom, strict=True)
    ]
    return Image.merge("RGB", channels).resize(size, Image.Resampling.NEAREST)


def _ground(draw, rng, size, colour, horizon):
    width, height = size
    points = [(0, height), (0, horizon)]
    for x in range(0, width + 80, 80):
        points.append((x, horizon + rng.randint(-25, 25)))
    points.append((width, height))
    draw.polygon(points, fill=colour)


def _motif(draw, rng, motif, size, ink):
    width, height = size
    horizon = int(height * 0.62)
    if motif == "mountain":
        for _ in range(4):
            x = rng.randint(-200, width)
            peak = rng.randint(int(height * 0.2), int(height * 0.45))
            draw.polygon(
                [(x, horizon), (x + 260, peak), (x + 560, horizon)],
                fill=tuple(max(0, c - rng.randint(0, 30)) for c in ink),
            )
    _ground(draw, rng, size, ink, horizon)
    if motif == "sea":
        for _ in range(3):
            x, y = rng.randint(50, width - 300), rng.randint(horizon - 40, horizon + 60)
            draw.polygon(
                [(x, y), (x + 260, y), (x + 230, y + 30), (x + 20, y + 30)],
                fill=(45, 50, 60),
            )
            draw.rectangle([x + 90, y - 40, x + 150, y], fill=(60, 65, 75))
    elif motif == "sky":
        for _ in range(3):
            x, y = rng.randint(80, width - 200), rng.randint(60, horizon - 120)
            draw.polygon([(x, y), (x + 140, y + 12), (x, y + 24)], fill=(50, 55, 65))
            draw.polygon(
                [(x + 50, y + 12), (x + 20, y - 40), (x + 80, y + 12)],
                fill=(60, 65, 75),
            )
    elif motif == "city":
        x = 0
        while x < width:
            w, h = rng.randint(50, 120), rng.randint(80, 330)
            draw.rectangle([x, horizon - h, x + w, horizon + 40], fill=(40, 44, 55))
            x += w + rng.randint(5, 20)
    elif motif in ("parade", "field"):
        rows = 3 if motif == "parade" else 1
        for row in range(rows):
            for i in range(14):
                x = 60 + i * (width - 120) // 14 + row * 12
                y = horizon + 40 + row * 50
                draw.ellipse([x, y - 52, x + 16, y - 36], fill=(35, 40, 35))
                draw.rectangle([x - 2, y - 36, x + 18, y + 6], fill=(55, 70, 50))


def make_picture(motif: str, seed: int, size=(1200, 800)) -> bytes:
    """A JPEG of a simple scene; the same motif and seed give the same picture."""
    rng = random.Random(f"{motif}:{seed}")
    top, bottom, ink = PALETTES.get(motif, PALETTES["field"])
    image = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(image)
    _motif(draw, rng, motif, size, ink)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=78, progressive=True)
    return buffer.getvalue()
