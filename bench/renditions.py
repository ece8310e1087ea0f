"""Renditions benchmark: the full set per 24-megapixel photo, ours against Willow.

Run from the project root (see bench/README.md)::

    .venv/bin/python bench/renditions.py

What it does, in one run:

1. Generates N deterministic 6000×4000 JPEGs (quality 90) that compress like
   photographs: smooth colour gradients, a street of buildings with windows,
   poles, wires and signs, a textured ground, lens softness and seeded sensor
   noise. They are cached in ``<workdir>/photos`` and reused while the
   generator's version is unchanged.
2. Makes a throwaway venv with Willow (Wagtail's image library) and the same
   Pillow as ours, or reuses it.
3. For every photo, each in a fresh subprocess (so ``ru_maxrss`` is one
   engine's peak for one photo):

   - ours: ``open_source()`` once, then ``render()`` for every spec of
     ``full_set()``, each written to disk, as ``get_renditions()`` does;
   - Willow as Wagtail's rendition backend drives it: per rendition, open the
     original, ``auto_orient()``, ``crop()`` (the whole picture for ``orig``),
     ``resize()``, ``save_as_webp()`` / ``save_as_jpeg()``;
   - Willow with one open and ``auto_orient()`` reused for all the specs
     (not what Wagtail does; shown for what the decode costs).

4. Checks that the engines made the same sizes, and measures, on the first
   photo, how far each engine's renditions are from a full-resolution
   decode + LANCZOS resize (PSNR), since ours decodes at a reduced DCT scale.

Markdown tables go to stdout, progress to stderr, every figure to
``<workdir>/renditions-results.json``. The Willow worker is this same file
run by the throwaway venv's Python, so nothing at module level imports more
than the standard library.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

T0 = time.perf_counter()
WIDTH, HEIGHT = 6000, 4000
PHOTO_QUALITY = 90
GENERATOR_VERSION = 1  # bump when make_photo() changes: the cache is rebuilt
WILLOW_VERSION = "1.12.0"
WILLOW_PILLOW_VERSION = "13.0.0"
RESULTS_FILE = "renditions-results.json"
FOCAL = (0.5, 0.4)
LANGUAGE = "ko"
META = {
    "caption": (
        "서울 종로구 광화문광장에서 28일 열린 시민 걷기 행사에 참가한 시민들이 "
        "세종대로를 따라 걷고 있다. (벤치마크용 생성 이미지)"
    ),
    "creator": "김뉴스",
    "credit": "뉴스존",
    "copyright": "© 2026 뉴스존. 무단 전재 및 재배포 금지.",
    "alt_text": "광화문광장 앞 세종대로를 걷는 시민들과 건물들",
}
ENGINES = {
    "ours": "newszone: open_source() once + render() ×17",
    "willow": "Willow, Wagtail's way: open + decode per rendition",
    "willow-shared": "Willow, one open reused for all 17 (not Wagtail's way)",
}


def log(message: str) -> None:
    print(f"[{time.perf_counter() - T0:8.1f}s] {message}", file=sys.stderr, flush=True)


def crop_box(size, ratio, focal) -> tuple[int, int, int, int] | None:
    """The same arithmetic as ``newszone.photos.renditions.crop_box`` (copied,
    because the Willow venv has no Django; ``check_crop_box()`` compares them
    before every run)."""
    if ratio is None:
        return None
    width, height = size
    want = ratio[0] / ratio[1]
    if width / height > want:
        crop_w, crop_h = round(height * want), height
    else:
        crop_w, crop_h = width, round(width / want)
    left = min(max(round(focal[0] * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focal[1] * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------
# Photos (generated in the parent, with numpy and Pillow from our venv)
# --------------------------------------------------------------------------


def make_photo(index: int) -> bytes:
    """One deterministic 6000×4000 street scene, as JPEG bytes at quality 90."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = np.random.default_rng([2026, GENERATOR_VERSION, index])

    def upsampled(grid_w, grid_h, channels):
        shape = (grid_h, grid_w, channels) if channels > 1 else (grid_h, grid_w)
        small = rng.integers(0, 256, size=shape, dtype=np.uint8)
        big = Image.fromarray(small).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
        return np.asarray(big, dtype=np.int16)

    def colour(low=0, high=256):
        return tuple(int(c) for c in rng.integers(low, high, 3))

    # Smooth gradients: sky over ground, with broad colour casts.
    horizon = int(HEIGHT * rng.uniform(0.35, 0.6))
    y = np.arange(HEIGHT, dtype=np.float32)[:, None, None]
    ramp = np.clip((y - horizon) / (HEIGHT * 0.08), -1, 1) * 0.5 + 0.5
    sky = np.array(rng.integers(90, 200, 3), dtype=np.float32)
    ground = np.array(rng.integers(30, 120, 3), dtype=np.float32)
    casts = upsampled(7, 5, 3) * 0.7 + 40
    pixels = (casts * 0.4 + (sky * (1 - ramp) + ground * ramp) * 0.6).astype(np.int16)
    del casts, ramp
    # Mid-scale texture (tarmac, foliage), strong below the horizon.
    texture = upsampled(1500, 1000, 1) * 0.6 + upsampled(600, 400, 1) * 0.4 - 128
    weight = np.where(np.arange(HEIGHT) > horizon, 0.35, 0.06).astype(np.float32)
    pixels += (texture * weight[:, None]).astype(np.int16)[:, :, None]
    del texture
    canvas = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    del pixels

    # Structured detail: buildings and windows, poles, wires, signs, blobs.
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=int(rng.integers(60, 140)))
    for _ in range(int(rng.integers(14, 24))):
        bw, bh = int(rng.integers(250, 900)), int(rng.integers(600, 2400))
        x0 = int(rng.integers(-100, WIDTH - 100))
        y1 = horizon + int(rng.integers(0, 600))
        y0 = y1 - bh
        wall = colour(40, 210)
        draw.rectangle((x0, y0, x0 + bw, y1), fill=wall)
        ww, wh = int(rng.integers(20, 50)), int(rng.integers(30, 70))
        lit, dark = colour(150, 256), tuple(c // 3 for c in wall)
        for wy in range(y0 + 40, y1 - wh, wh + int(rng.integers(20, 50))):
            for wx in range(x0 + 30, x0 + bw - ww, ww + int(rng.integers(15, 40))):
                fill = lit if rng.random() < 0.4 else dark
                draw.rectangle((wx, wy, wx + ww, wy + wh), fill=fill)
    for _ in range(int(rng.integers(4, 9))):
        x = int(rng.integers(0, WIDTH))
        lean = int(rng.integers(-40, 40))
        width = int(rng.integers(8, 25))
        draw.line((x, horizon - 1800, x + lean, HEIGHT), fill=(30, 30, 30), width=width)
    for _ in range(int(rng.integers(6, 12))):
        ends = (int(rng.integers(200, horizon)), int(rng.integers(200, horizon)))
        draw.line((0, ends[0], WIDTH, ends[1]), fill=(20, 20, 20), width=3)
    words = ["NEWSZONE", "SEOUL 2026", "OPEN", "BUS 7016", "PHARMACY", "CAFE", "EXIT 3"]
    for _ in range(int(rng.integers(8, 16))):
        x = int(rng.integers(0, WIDTH - 800))
        top = int(rng.integers(horizon - 1500, HEIGHT - 200))
        draw.rectangle((x, top, x + 700, top + 180), fill=colour())
        word = words[int(rng.integers(len(words)))]
        draw.text((x + 20, top + 20), word, fill=(250, 250, 250), font=font)
    for _ in range(int(rng.integers(20, 40))):
        cx, cy = int(rng.integers(0, WIDTH)), int(rng.integers(horizon, HEIGHT))
        r = int(rng.integers(30, 200))
        draw.ellipse((cx - r, cy - 2 * r, cx + r, cy), fill=colour())
    canvas = canvas.filter(ImageFilter.GaussianBlur(0.8))  # lens softness

    # Seeded sensor noise: luminance plus a little chroma, in strips.
    pixels = np.asarray(canvas, dtype=np.int16).copy()
    del canvas
    for top in range(0, HEIGHT, 500):
        strip = pixels[top : top + 500]
        luma = rng.normal(0, 3.6, size=strip.shape[:2]).astype(np.float32)
        chroma = rng.normal(0, 1.5, size=strip.shape).astype(np.float32)
        strip += np.rint(luma[:, :, None] + chroma).astype(np.int16)
    photo = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    del pixels

    exif = Image.Exif()  # what a camera writes, minus maker notes and thumbnail
    exif[0x010F] = "NEWSZONE BENCH"  # Make
    exif[0x0110] = "Synthetic 24MP"  # Model
    exif[0x0112] = 1  # Orientation: upright
    exif[0x0132] = f"2026:11:28 {9 + index % 10:02d}:30:00"  # DateTime
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=PHOTO_QUALITY, exif=exif.tobytes())
    return out.getvalue()


def ensure_photos(workdir: Path, count: int) -> list[dict]:
    folder = workdir / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / "manifest.json"
    key = {"generator": GENERATOR_VERSION, "size": [WIDTH, HEIGHT]}
    key["quality"] = PHOTO_QUALITY
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError):
        manifest = {}
    if manifest.get("key") != key:
        manifest = {"key": key, "photos": {}}
    photos = []
    for index in range(1, count + 1):
        name = f"photo-{index:02d}.jpg"
        path = folder / name
        known = manifest["photos"].get(name)
        if known and path.exists() and path.stat().st_size == known["bytes"]:
            photos.append({"name": name, "path": str(path), **known})
            continue
        started = time.perf_counter()
        data = make_photo(index)
        path.write_bytes(data)
        known = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        manifest["photos"][name] = known
        manifest_path.write_text(json.dumps(manifest, indent=2))
        log(
            f"generated {name}: {len(data) / 2**20:.1f} MiB "
            f"in {time.perf_counter() - started:.1f} s"
        )
        photos.append({"name": name, "path": str(path), **known})
    for photo in photos:  # into the page cache, so no engine pays for the disk
        Path(photo["path"]).read_bytes()
    return photos


# --------------------------------------------------------------------------
# Workers (one process per photo and engine)
# --------------------------------------------------------------------------


def rss_now_kib() -> int:
    with open("/proc/self/statm") as handle:
        resident = int(handle.read().split()[1])
    return resident * os.sysconf("SC_PAGE_SIZE") // 1024


def vm_hwm_kib() -> int | None:
    """This process's own peak RSS since exec (a cross-check of ru_maxrss)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def library_info() -> dict:
    import PIL
    from PIL import features

    return {
        "python": platform.python_version(),
        "pillow": PIL.__version__,
        "libjpeg_turbo": features.version("libjpeg_turbo"),
        "libwebp": features.version("webp"),
    }


def fresh_dir(path: str) -> Path:
    folder = Path(path)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def read_sizes(folder: Path, made: list[dict]) -> None:
    """Each output's pixel size, read back after the clock stopped."""
    from PIL import Image

    for item in made:
        with Image.open(folder / item["name"]) as image:
            item["size"] = list(image.size)


def worker_ours(job: dict) -> dict:
    os.environ["DJANGO_SETTINGS_MODULE"] = "newszone.settings"
    os.environ.setdefault("NEWSZONE_SECRET_KEY", "bench-only-not-secret")
    os.environ["DATABASE_URL"] = "sqlite://:memory:"  # never touched
    import django

    django.setup()
    from PIL import Image

    from newszone.photos import renditions

    Image.init()
    specs = renditions.full_set()
    folder = fresh_dir(job["outdir"])
    focal = tuple(job["focal"])
    size = tuple(job["upright_size"])  # what Photo.width/height hold

    after_imports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_before = rss_now_kib()
    cpu0 = cpu_seconds()
    started = time.perf_counter()
    made = []
    # Exactly what get_renditions() runs when the whole set is missing: one
    # decode (counted in the first rendition's time), shared resizes, encodes.
    with open(job["photo"], "rb") as file:
        begin = time.perf_counter()
        for spec, data in renditions.render_set(
            file, specs, size, focal, job["meta"], job["language"]
        ):
            (folder / spec.name).write_bytes(data)
            made.append(
                {
                    "name": spec.name,
                    "seconds": time.perf_counter() - begin,
                    "bytes": len(data),
                }
            )
            begin = time.perf_counter()
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    read_sizes(folder, made)
    # What the decode was scaled to (outside the timings; nothing is decoded).
    largest = max(renditions._source_width(size, focal, spec) for spec in specs)
    with Image.open(job["photo"]) as probe:
        width, height = probe.size
        probe.draft("RGB", (largest, round(height * largest / width)))
        decoded_size = list(probe.size)
    return {
        "libraries": library_info(),
        "largest": largest,
        "decoded_size": decoded_size,
        "seconds": seconds,
        "cpu_s": cpu,
        "maxrss_after_imports_kib": after_imports,
        "rss_before_kib": rss_before,
        "maxrss_kib": peak,
        "vm_hwm_kib": vm_hwm_kib(),
        "renditions": made,
    }


def willow_signatures() -> dict:
    from willow.plugins.pillow import PillowImage

    found = {}
    for name in ("save_as_jpeg", "save_as_webp"):
        parameters = inspect.signature(getattr(PillowImage, name)).parameters
        found[name] = [p for p in parameters if p not in ("self", "f")]
    return found


def worker_willow(job: dict, shared: bool) -> dict:
    os.environ.pop("WILLOW_OPTIMIZERS", None)  # Wagtail's default: none
    import willow
    from PIL import Image
    from willow.image import Image as WillowImage

    Image.init()
    folder = fresh_dir(job["outdir"])
    focal = tuple(job["focal"])
    quality = job["quality"]

    def make(upright, spec) -> bytes:
        """Wagtail's _generate_file() after auto_orient(): crop the rect (the
        whole picture when there is no ratio), resize, save."""
        width, height = upright.get_size()
        ratio = tuple(spec["ratio"]) if spec["ratio"] else None
        box = crop_box((width, height), ratio, focal) or (0, 0, width, height)
        crop_w, crop_h = box[2] - box[0], box[3] - box[1]
        out_w = min(spec["width"], crop_w)
        out_h = max(1, round(crop_h * out_w / crop_w))
        image = upright.crop(box).resize((out_w, out_h))
        out = io.BytesIO()
        if spec["format"] == "WEBP":
            image.save_as_webp(out, quality=quality["WEBP"])
        else:
            if image.has_alpha():
                image = image.set_background_color_rgb((255, 255, 255))
            image.save_as_jpeg(
                out, quality=quality["JPEG"], progressive=True, optimize=True
            )
        return out.getvalue()

    after_imports = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_before = rss_now_kib()
    cpu0 = cpu_seconds()
    started = time.perf_counter()
    decode_s = None
    made = []
    if shared:
        with open(job["photo"], "rb") as file:
            upright = WillowImage.open(file).auto_orient()
        decode_s = time.perf_counter() - started
    for spec in job["specs"]:
        begin = time.perf_counter()
        if shared:
            data = make(upright, spec)
        else:
            with open(job["photo"], "rb") as file:  # Wagtail: image.open_file()
                data = make(WillowImage.open(file).auto_orient(), spec)
        (folder / spec["name"]).write_bytes(data)
        made.append(
            {
                "name": spec["name"],
                "seconds": time.perf_counter() - begin,
                "bytes": len(data),
            }
        )
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if shared:
        del upright
    read_sizes(folder, made)
    libraries = library_info()
    libraries["willow"] = getattr(willow, "__version__", "?")
    return {
        "libraries": libraries,
        "signatures": willow_signatures(),
        "decode_s": decode_s,
        "seconds": seconds,
        "cpu_s": cpu,
        "maxrss_after_imports_kib": after_imports,
        "rss_before_kib": rss_before,
        "maxrss_kib": peak,
        "vm_hwm_kib": vm_hwm_kib(),
        "renditions": made,
    }


# --------------------------------------------------------------------------
# The parent
# --------------------------------------------------------------------------


def machine() -> dict:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_count": os.cpu_count(),
        "cpu_model": model,
        "memory_bytes": memory,
        "kernel": platform.release(),
    }


def probe_willow(python: Path) -> dict | None:
    code = (
        "import json, PIL, willow, platform; print(json.dumps({'willow': "
        "getattr(willow, '__version__', '?'), 'pillow': PIL.__version__, "
        "'python': platform.python_version()}))"
    )
    done = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return None
    return json.loads(done.stdout)


def ensure_willow_venv(venv: Path) -> tuple[Path, dict]:
    python = venv / "bin" / "python"
    wanted = {"willow": WILLOW_VERSION, "pillow": WILLOW_PILLOW_VERSION}
    if not python.exists():
        log(f"creating the throwaway venv {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    found = probe_willow(python)
    if not found or any(found.get(k) != v for k, v in wanted.items()):
        log(f"installing willow=={WILLOW_VERSION} Pillow=={WILLOW_PILLOW_VERSION}")
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                f"willow=={WILLOW_VERSION}",
                f"Pillow=={WILLOW_PILLOW_VERSION}",
            ],
            stdout=sys.stderr,
            check=True,
        )
        found = probe_willow(python)
        if not found:
            raise SystemExit(f"{python} cannot import willow and PIL")
    else:
        log(f"reusing {venv} (Willow {found['willow']}, Pillow {found['pillow']})")
    return python, found


def check_crop_box(theirs) -> None:
    """The copy above must agree with renditions.crop_box everywhere."""
    sizes = [(6000, 4000), (4000, 6000), (3000, 2000), (8000, 2000), (1234, 987)]
    ratios = [None, (16, 9), (4, 3), (1, 1), (3, 4)]
    steps = [i / 10 for i in range(11)]
    for size in sizes:
        for ratio in ratios:
            for fx in steps:
                for fy in steps:
                    if crop_box(size, ratio, (fx, fy)) != theirs(size, ratio, (fx, fy)):
                        raise SystemExit(
                            f"crop_box differs from renditions.crop_box at "
                            f"{size} {ratio} {(fx, fy)}: update the copy"
                        )


def upright_size(path: str) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as image:
        width, height = image.size
        if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):
            width, height = height, width
    return width, height


def run_worker(python: Path, engine: str, job: dict) -> dict:
    with tempfile.TemporaryDirectory(prefix="renditions-bench-") as tmp:
        job_file, result_file = Path(tmp) / "job.json", Path(tmp) / "result.json"
        job_file.write_text(json.dumps(job, ensure_ascii=False))
        # Through a shell that forks (no exec: a command follows), because
        # Linux hands a child the parent's peak RSS as its starting ru_maxrss
        # (the parent is large after generating the photos); the shell's own
        # peak, about a megabyte, is what the worker inherits instead.
        command = [
            "/bin/sh",
            "-c",
            '"$@"; exit $?',
            "sh",
            str(python),
            str(Path(__file__).resolve()),
            "--worker",
            engine,
            "--job",
            str(job_file),
            "--result-file",
            str(result_file),
        ]
        started = time.perf_counter()
        done = subprocess.run(command, stdout=sys.stderr, cwd=ROOT, check=False)
        if done.returncode != 0:
            return {"error": f"worker {engine} exited with {done.returncode}"}
        data = json.loads(result_file.read_text())
    data["process_s"] = time.perf_counter() - started
    return data


def psnr(a, b) -> float:
    import numpy as np

    diff = a.astype(np.float32) - b.astype(np.float32)
    mse = float(np.mean(diff * diff))
    return float("inf") if mse == 0 else 10 * np.log10(255.0**2 / mse)


def fidelity(photo: dict, specs, out_dirs: dict[str, Path], decoded: dict) -> dict:
    """PSNR of each engine's renditions of one photo against a full-resolution
    decode, cropped and LANCZOS-resized to the same size, never encoded.

    Each engine's reference uses the box that engine cropped: ours computes
    it on the reduced decode, so its box, scaled up, can sit a pixel or two
    away from the full-resolution one (``shift_px``), and comparing against
    the other box would count that sub-pixel shift as a loss."""
    import numpy as np
    from PIL import Image, ImageOps

    with Image.open(photo["path"]) as opened:
        full = ImageOps.exif_transpose(opened).convert("RGB")
    result = {}
    for spec in specs:
        full_box = crop_box(full.size, spec.ratio, FOCAL) or (0, 0, *full.size)
        row = {}
        for engine, folder in out_dirs.items():
            path = folder / spec.name
            if not path.exists():
                continue
            box = full_box
            size = decoded.get(engine)
            if size and tuple(size) != full.size:
                sx, sy = full.size[0] / size[0], full.size[1] / size[1]
                small = crop_box(tuple(size), spec.ratio, FOCAL) or (0, 0, *size)
                box = tuple(
                    round(v * s) for v, s in zip(small, (sx, sy, sx, sy), strict=True)
                )
                row[f"{engine}_shift_px"] = max(
                    abs(a - b) for a, b in zip(box, full_box, strict=True)
                )
            with Image.open(path) as made:
                pixels = np.asarray(made.convert("RGB"))
                reference = full.crop(box).resize(made.size, Image.Resampling.LANCZOS)
            row[engine] = psnr(pixels, np.asarray(reference))
        result[spec.name] = row
    return result


def summarise(results: dict) -> dict:
    summary = {}
    for engine, runs in results["runs"].items():
        good = [r for r in runs if "error" not in r]
        if not good:
            continue
        seconds = [r["seconds"] for r in good]
        first = [r for r in good if r["repeat"] == 0]
        per_spec = {}
        for run in good:
            for item in run["renditions"]:
                entry = per_spec.setdefault(item["name"], {"seconds": [], "bytes": []})
                entry["seconds"].append(item["seconds"])
                entry["bytes"].append(item["bytes"])
        summary[engine] = {
            "runs": len(good),
            "errors": len(runs) - len(good),
            "p50_s": percentile(seconds, 50),
            "mean_s": statistics.fmean(seconds),
            "max_s": max(seconds),
            "min_s": min(seconds),
            "total_s": sum(seconds),
            "cpu_mean_s": statistics.fmean(r["cpu_s"] for r in good),
            "decode_mean_s": (
                statistics.fmean(r["decode_s"] for r in good)
                if good[0].get("decode_s") is not None
                else None
            ),
            "peak_rss_kib": max(r["maxrss_kib"] for r in good),
            "peak_above_imports_kib": max(
                r["maxrss_kib"] - r["maxrss_after_imports_kib"] for r in good
            ),
            "rss_after_imports_kib": max(r["maxrss_after_imports_kib"] for r in good),
            "output_bytes": sum(i["bytes"] for r in first for i in r["renditions"]),
            "photos": len(first),
            "per_spec": {
                name: {
                    "mean_s": statistics.fmean(e["seconds"]),
                    "mean_bytes": statistics.fmean(e["bytes"]),
                }
                for name, e in per_spec.items()
            },
        }
    ours = summary.get("ours")
    ratios = {}
    if ours:
        for other in ("willow", "willow-shared"):
            them = summary.get(other)
            if not them:
                continue
            if min(ours["mean_s"], ours["p50_s"], ours["cpu_mean_s"]) <= 0:
                continue
            ratios[other] = {
                "time_mean": them["mean_s"] / ours["mean_s"],
                "time_p50": them["p50_s"] / ours["p50_s"],
                "cpu_mean": them["cpu_mean_s"] / ours["cpu_mean_s"],
                "peak_rss": them["peak_rss_kib"] / ours["peak_rss_kib"],
                "peak_above_imports": (
                    them["peak_above_imports_kib"] / ours["peak_above_imports_kib"]
                    if ours["peak_above_imports_kib"] > 0
                    else None
                ),
                "output_bytes": them["output_bytes"] / ours["output_bytes"],
            }
    return {"engines": summary, "ratios": ratios}


def size_check(results: dict) -> dict:
    """Per spec, whether ours and Willow made the same pixel size."""
    sizes: dict[str, dict[str, set]] = {}
    for engine in ("ours", "willow"):
        for run in results["runs"].get(engine, []):
            if "error" in run or run["repeat"] != 0:
                continue
            for item in run["renditions"]:
                key = f"{run['photo']}/{item['name']}"
                sizes.setdefault(key, {})[engine] = tuple(item["size"])
    compared = [s for s in sizes.values() if len(s) == 2]
    differ = sorted(
        k for k, s in sizes.items() if len(s) == 2 and s["ours"] != s["willow"]
    )
    return {"compared": len(compared), "differ": differ}


def table(headers, rows) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def mib(kib_or_bytes, unit="bytes") -> str:
    value = kib_or_bytes * (1024 if unit == "kib" else 1)
    return f"{value / 2**20:,.1f}"


def ratio(value) -> str:
    return "–" if value is None else f"{value:.2f}×"


def option_notes(results: dict) -> list[str]:
    signatures = results.get("willow_signatures") or {}
    jpeg = signatures.get("save_as_jpeg", [])
    webp = signatures.get("save_as_webp", [])
    notes = []
    if {"quality", "optimize", "progressive"} <= set(jpeg):
        notes.append(
            "JPEG: Willow's `save_as_jpeg` takes `quality`, `optimize` and "
            "`progressive`, so both engines encode with quality 82, optimize, "
            "progressive (Wagtail passes the same two flags)."
        )
    else:
        notes.append(f"JPEG: Willow's `save_as_jpeg` takes only {jpeg}.")
    if "method" in webp:
        notes.append("WebP: Willow's `save_as_webp` takes `method`; 4 was passed.")
    else:
        notes.append(
            f"WebP: Willow's `save_as_webp` takes {', '.join(webp) or '?'} and no "
            "`method`; Pillow's default `method` is 4, the value ours passes, so "
            "the encoder settings are the same (quality 80)."
        )
    meta = results.get("metadata_bytes") or {}
    notes.append(
        "Metadata differs: ours writes XMP into every rendition "
        f"({meta.get('xmp', '?')} bytes here) and IPTC IIM into JPEGs "
        f"({meta.get('iim', '?')} bytes), and copies no EXIF; Willow writes no "
        "XMP or IPTC, and its `save_as_jpeg` copies the original's EXIF "
        f"({meta.get('exif', '?')} bytes here: a small camera block, no maker "
        "notes or thumbnail; an ICC profile too, when there is one). That is "
        "most of the size difference on the small renditions."
    )
    notes.append(
        "Wagtail crops before it resizes even when the rect is the whole "
        "picture (`orig` here), so Willow's `crop()` copies the full decode; "
        "the benchmark does the same."
    )
    return notes


def report(results: dict) -> str:
    config, env = results["config"], results["environment"]
    summary = results["summary"]
    engines = summary["engines"]
    out = []
    n = config["photos"]
    out.append(
        f"# newszone renditions benchmark: {n} photo(s) × {config['repeat']} run(s), "
        f"17 renditions each"
    )
    m = env["machine"]
    load = results["loadavg"]
    ours_lib = env.get("ours") or {}
    willow_lib = env.get("willow") or {}
    out.append(
        f"\n{m['nproc']} CPUs ({m['cpu_model']}), "
        f"{(m['memory_bytes'] or 0) / 2**30:.1f} GiB RAM, Linux {m['kernel']}, "
        f"started {config['started']}. Load average (1/5/15 min) at the start "
        f"{fmt_load(load['start'])}, when measuring began "
        f"{fmt_load(load['measure_start'])}, at the end {fmt_load(load['end'])}."
    )
    out.append(
        f"\nOurs: Python {ours_lib.get('python', '?')}, Pillow "
        f"{ours_lib.get('pillow', '?')} (libjpeg-turbo "
        f"{ours_lib.get('libjpeg_turbo', '?')}, "
        f"libwebp {ours_lib.get('libwebp', '?')})."
        + (
            f" Willow venv: Python {willow_lib.get('python', '?')}, Willow "
            f"{willow_lib.get('willow', '?')}, Pillow {willow_lib.get('pillow', '?')}"
            f" (libjpeg-turbo {willow_lib.get('libjpeg_turbo', '?')}, libwebp "
            f"{willow_lib.get('libwebp', '?')})."
            if willow_lib
            else " Willow skipped."
        )
    )
    photos = results["photos"]
    mean_mib = statistics.fmean(p["bytes"] for p in photos) / 2**20
    out.append(
        f"\nPhotos: {len(photos)} generated {WIDTH}×{HEIGHT} JPEG(s), quality "
        f"{PHOTO_QUALITY}, {mean_mib:.1f} MiB on average "
        f"({min(p['bytes'] for p in photos) / 2**20:.1f}–"
        f"{max(p['bytes'] for p in photos) / 2**20:.1f}). Focal point {FOCAL}, "
        "Korean caption. Each engine runs each photo in a fresh process; the "
        "time is from opening the file to the last rendition written to disk, "
        "imports excluded. Peak RSS is `ru_maxrss` at the end of that process."
    )

    out.append("\n## Per photo\n")
    rows = []
    for engine, label in ENGINES.items():
        s = engines.get(engine)
        if not s:
            continue
        rows.append(
            [
                label,
                s["runs"],
                f"{s['p50_s']:.2f}",
                f"{s['mean_s']:.2f}",
                f"{s['max_s']:.2f}",
                f"{s['total_s']:.1f}",
                f"{s['cpu_mean_s']:.2f}",
                mib(s["peak_rss_kib"], "kib"),
                mib(s["peak_above_imports_kib"], "kib"),
                mib(s["output_bytes"]),
            ]
        )
    out.append(
        table(
            [
                "engine",
                "photo runs",
                "p50 s",
                "mean s",
                "max s",
                "total s",
                "CPU s (mean)",
                "peak RSS MiB",
                "peak above imports MiB",
                f"output MiB ({n} photos)",
            ],
            rows,
        )
    )
    ours = engines.get("ours")
    if ours:
        out.append(
            f"\nOurs decodes at {ours.get('decoded_size_text', '?')} "
            f"(draft for {ours.get('largest', '?')} px), once per photo; each "
            "size is resized once (WebP and JPEG share it, small sizes come from "
            "larger ones), then encoded and written. RSS after imports (before "
            "any work): ours "
            f"{mib(ours['rss_after_imports_kib'], 'kib')} MiB (Django loaded)"
            + (
                f", Willow {mib(engines['willow']['rss_after_imports_kib'], 'kib')}"
                " MiB."
                if "willow" in engines
                else "."
            )
        )
    ratios = summary["ratios"]
    if ratios:
        out.append("\n## Ratios (Willow ÷ ours, same run)\n")
        main_ratio = ratios.get("willow")
        if main_ratio:
            out.append(
                f"**Willow the way Wagtail drives it takes "
                f"{ratio(main_ratio['time_mean'])} our time per photo (mean; "
                f"p50 {ratio(main_ratio['time_p50'])}) and "
                f"{ratio(main_ratio['peak_rss'])} our peak RSS "
                f"({ratio(main_ratio['peak_above_imports'])} counting only what "
                "the work adds above the imports).**\n"
            )
        rows = []
        for engine in ("willow", "willow-shared"):
            r = ratios.get(engine)
            if not r:
                continue
            rows.append(
                [
                    ENGINES[engine],
                    ratio(r["time_mean"]),
                    ratio(r["time_p50"]),
                    ratio(r["cpu_mean"]),
                    ratio(r["peak_rss"]),
                    ratio(r["peak_above_imports"]),
                    ratio(r["output_bytes"]),
                ]
            )
        out.append(
            table(
                [
                    "Willow",
                    "time (mean)",
                    "time (p50)",
                    "CPU time",
                    "peak RSS",
                    "peak above imports",
                    "output bytes",
                ],
                rows,
            )
        )

    out.append("\n## Per rendition (mean over every photo run)\n")
    fid = results.get("fidelity") or {}
    names = list(ours["per_spec"]) if ours else []
    rows = []
    first = {
        engine: next(
            (r for r in results["runs"].get(engine, []) if "error" not in r), None
        )
        for engine in ENGINES
    }
    ran = [e for e in ENGINES if e in engines]
    pair = [e for e in ("ours", "willow") if e in engines]
    short = {"ours": "ours", "willow": "Willow", "willow-shared": "Willow shared"}
    for name in names:
        row = [f"`{name}`"]
        for engine in ran:
            row.append(f"{engines[engine]['per_spec'][name]['mean_s'] * 1000:,.0f}")
        for engine in pair:
            row.append(f"{engines[engine]['per_spec'][name]['mean_bytes'] / 1024:,.0f}")
        for engine in pair:
            run = first.get(engine)
            item = (
                next((i for i in run["renditions"] if i["name"] == name), None)
                if run
                else None
            )
            row.append("×".join(map(str, item["size"])) if item else "–")
        for engine in pair:
            value = fid.get(name, {}).get(engine)
            row.append("–" if value is None else f"{value:.1f}")
        rows.append(row)
    headers = ["spec"] + [f"{short[e]} ms" for e in ran]
    headers += [f"{short[e]} KiB" for e in pair] + [f"{short[e]} px" for e in pair]
    headers += [f"{short[e]} PSNR dB" for e in pair]
    out.append(table(headers, rows))
    if ours and ours.get("decode_mean_s") is not None:
        out.append(
            f"\nOurs' per-rendition times exclude the one decode "
            f"({ours['decode_mean_s'] * 1000:,.0f} ms)"
            + ("; Willow's include a full decode each" if "willow" in engines else "")
            + (
                f"; the shared Willow row's exclude its one decode + auto_orient "
                f"({engines['willow-shared']['decode_mean_s'] * 1000:,.0f} ms)."
                if "willow-shared" in engines
                else "."
            )
            + " PSNR: photo 1, against a full-resolution decode cropped with "
            "the engine's own box and LANCZOS-resized to the same size, not "
            "encoded; equal figures mean ours' reduced decode costs nothing."
        )
        shifts = {
            name: row["ours_shift_px"]
            for name, row in fid.items()
            if row.get("ours_shift_px")
        }
        if shifts:
            listed = ", ".join(f"`{k}` {v} px" for k, v in shifts.items())
            out.append(
                "\nOurs' crop box, computed on the reduced decode, lands a little "
                f"off the full-resolution one (at full resolution): {listed}."
            )
    checks = results.get("checks") or {}
    if checks.get("sizes"):
        differ = checks["sizes"]["differ"]
        out.append(
            f"\nSizes: {checks['sizes']['compared']} renditions compared, "
            + (
                "all the same in both engines."
                if not differ
                else f"{len(differ)} differ: {', '.join(differ[:10])}."
            )
        )
    if checks.get("rss") is not None:
        out.append(
            "Peak RSS cross-check: `ru_maxrss` equals `/proc/self/status` VmHWM "
            f"in {checks['rss']['agree']} of {checks['rss']['runs']} runs."
        )
    if checks.get("willow_shared_identical") is not None:
        out.append(
            "Willow's shared-open renditions are "
            + (
                "byte-identical to its per-rendition ones."
                if checks["willow_shared_identical"]
                else "NOT byte-identical to its per-rendition ones."
            )
        )
    if "willow" in engines:
        out.append("\n## Options\n")
        out.extend(f"- {note}" for note in option_notes(results))
    for engine, runs in results["runs"].items():
        errors = [r["error"] for r in runs if "error" in r]
        if errors:
            out.append(f"\n**{engine}: {len(errors)} failed run(s): {errors[0]}**")
    return "\n".join(out) + "\n"


def fmt_load(values) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Benchmark the rendition set per 24 MP photo, ours vs Willow."
    )
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--workdir", type=Path, default=Path("var/bench/renditions"))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-willow", action="store_true")
    parser.add_argument(
        "--willow-venv",
        type=Path,
        default=Path("var/bench/willow-venv"),
        help="throwaway venv for Willow (created if missing, reused otherwise)",
    )
    parser.add_argument("--worker", choices=list(ENGINES), help=argparse.SUPPRESS)
    parser.add_argument("--job", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.photos < 1 or args.repeat < 1:
        parser.error("--photos and --repeat must be at least 1")
    args.workdir = args.workdir.resolve()
    args.willow_venv = args.willow_venv.absolute()  # keep bin/python a venv path
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        job = json.loads(args.job.read_text())
        if args.worker == "ours":
            data = worker_ours(job)
        else:
            data = worker_willow(job, shared=args.worker == "willow-shared")
        args.result_file.write_text(json.dumps(data))
        return 0

    os.environ["DJANGO_SETTINGS_MODULE"] = "newszone.settings"
    os.environ.setdefault("NEWSZONE_SECRET_KEY", "bench-only-not-secret")
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    import django

    django.setup()
    from newszone.photos import renditions

    check_crop_box(renditions.crop_box)
    specs = sorted(renditions.full_set(), key=lambda s: -s.width)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = {
        "config": {
            "photos": args.photos,
            "repeat": args.repeat,
            "skip_willow": args.skip_willow,
            "workdir": str(args.workdir),
            "willow_venv": None if args.skip_willow else str(args.willow_venv),
            "focal": FOCAL,
            "language": LANGUAGE,
            "meta": META,
            "specs": [s.name for s in specs],
            "quality": renditions.QUALITY,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
        },
        "environment": {"machine": machine()},
        "loadavg": {"start": os.getloadavg()},
        "runs": {},
    }
    log(f"{args.photos} photos in {args.workdir / 'photos'}")
    photos = ensure_photos(args.workdir, args.photos)
    results["photos"] = photos
    engines = {"ours": Path(sys.executable)}
    if not args.skip_willow:
        python, found = ensure_willow_venv(args.willow_venv)
        engines["willow"] = python
        engines["willow-shared"] = python
        results["environment"]["willow_venv"] = found
    job_specs = [
        {"name": s.name, "ratio": s.ratio, "width": s.width, "format": s.format}
        for s in specs
    ]
    results["loadavg"]["measure_start"] = os.getloadavg()
    order = list(engines)
    for repeat in range(args.repeat):
        for index, photo in enumerate(photos):
            # Rotate who goes first, so drift on a shared machine spreads evenly.
            turn = (index + repeat) % len(order)
            for engine in order[turn:] + order[:turn]:
                job = {
                    "photo": photo["path"],
                    "upright_size": upright_size(photo["path"]),
                    "outdir": str(
                        args.workdir / "out" / engine / Path(photo["name"]).stem
                    ),
                    "specs": job_specs,
                    "focal": FOCAL,
                    "meta": META,
                    "language": LANGUAGE,
                    "quality": renditions.QUALITY,
                }
                data = run_worker(engines[engine], engine, job)
                data["photo"], data["repeat"] = photo["name"], repeat
                results["runs"].setdefault(engine, []).append(data)
                if "error" in data:
                    log(f"{engine} {photo['name']}: {data['error']}")
                    continue
                log(
                    f"run {repeat + 1}/{args.repeat} {photo['name']} {engine}: "
                    f"{data['seconds']:.2f} s, peak "
                    f"{data['maxrss_kib'] / 1024:.0f} MiB"
                )
    results["loadavg"]["measure_end"] = os.getloadavg()

    for engine in engines:
        runs = [r for r in results["runs"].get(engine, []) if "error" not in r]
        if runs:
            results["environment"][engine] = runs[0]["libraries"]
            if runs[0].get("signatures"):
                results["willow_signatures"] = runs[0]["signatures"]
    results["summary"] = summarise(results)
    ours_runs = [r for r in results["runs"].get("ours", []) if "error" not in r]
    if ours_runs and "ours" in results["summary"]["engines"]:
        s = results["summary"]["engines"]["ours"]
        s["largest"] = ours_runs[0]["largest"]
        s["decoded_size_text"] = "×".join(map(str, ours_runs[0]["decoded_size"]))

    checks = {"sizes": size_check(results) if "willow" in engines else None}
    if "willow" in engines:
        out = args.workdir / "out"
        checks["willow_shared_identical"] = all(
            (out / "willow-shared" / stem / s.name).exists()
            and sha256(out / "willow" / stem / s.name)
            == sha256(out / "willow-shared" / stem / s.name)
            for stem in (Path(p["name"]).stem for p in photos)
            for s in specs
        )
    measured = [
        r for runs in results["runs"].values() for r in runs if "error" not in r
    ]
    checks["rss"] = {
        "runs": len(measured),
        "agree": sum(r["maxrss_kib"] == r.get("vm_hwm_kib") for r in measured),
    }
    results["checks"] = checks
    from PIL import Image

    from newszone.photos.embed import app13_segment, xmp_packet

    with Image.open(photos[0]["path"]) as first_photo:
        exif_bytes = len(first_photo.info.get("exif", b""))
    results["metadata_bytes"] = {
        "xmp": len(xmp_packet(META, LANGUAGE)),
        "iim": len(app13_segment(META)),
        "exif": exif_bytes,
    }
    log("fidelity: PSNR of photo 1's renditions against a full-resolution resize")
    stem = Path(photos[0]["name"]).stem
    out_dirs = {
        e: args.workdir / "out" / e / stem for e in ("ours", "willow") if e in engines
    }
    decoded = {"ours": ours_runs[0]["decoded_size"]} if ours_runs else {}
    results["fidelity"] = fidelity(
        photos[0], specs, {e: d for e, d in out_dirs.items() if d.exists()}, decoded
    )
    results["loadavg"]["end"] = os.getloadavg()
    results["total_s"] = time.perf_counter() - T0
    path = args.workdir / RESULTS_FILE
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    print(report(results))
    print(f"All figures: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
