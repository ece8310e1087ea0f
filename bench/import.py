"""Import benchmark: generated scraped pages through ``newszone import-text``'s code.

Run from the project root (see bench/README.md)::

    .venv/bin/python bench/import.py --pages 100000

In one run: writes N text pages in the sample's format (Korean and English,
300 reporters, nested sections, copy-desk damage in some), then times

1. parsing alone (``text.read_files``: read, split, byline, footer);
2. the whole import into an empty, migrated database (parse, match reporters
   and sections, copy-desk checks, write articles, bylines, tags, first
   revision, audit event, search-index job) — the figure the goal is about;
3. the same import again (every page unchanged: the idempotent path).

Search indexing is queued for the job worker (as ``newszone serve`` runs it),
not done inline; the script says how many jobs were queued.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL_PER_S = 1_000.0

KO_WORDS = (
    "국방부 장관 회담 방산 협력 합의 훈련 연합 군사 안보 정부 대표단 방문 "
    "논의 발표 계획 지원 강화 확대 해군 육군 공군 장병 부대 작전 교류 "
    "평화 비핵화 한반도 정상회담 위원회 사업 추진 점검 성과 분야"
).split()
KO_ENDINGS = ["는", "가", "를", "에서", "와", "의", "으로", "했다", "한다", "하기로"]
EN_WORDS = (
    "minister defense talks cooperation industry agreed military exercise "
    "security peninsula summit delegation visit officials program navy army "
    "air force troops training exchange peace denuclearization committee "
    "ministry said expand support meeting bilateral regional joint"
).split()
SECTIONS = [
    ("News Zone", "Photo News"),
    ("News Zone", "Defense Policy"),
    ("Military", "Army"),
    ("Military", "Navy"),
    ("뉴스존", "포토뉴스"),
    ("군사", "공군"),
]
DAMAGE = [
    "the Republic of KoreaTurkey Summit",
    "Republic of Korean President",
    "North KoreaU.S. summits",
]


def ko_sentence(rng: random.Random) -> str:
    words = [w + rng.choice(KO_ENDINGS) for w in rng.sample(KO_WORDS, 8)]
    return " ".join(words) + "."


def en_sentence(rng: random.Random) -> str:
    words = rng.sample(EN_WORDS, 12)
    if rng.random() < 0.05:
        words.insert(4, rng.choice(DAMAGE))
    return " ".join(words).capitalize() + "."


def page(n: int, rng: random.Random) -> str:
    korean = n % 3 != 0
    sentence = ko_sentence if korean else en_sentence
    parent, section = rng.choice(SECTIONS[4:] if korean else SECTIONS[:4])
    headline = sentence(rng)[:80].rstrip(".") + f" {n}"
    paragraphs = [
        " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(4, 10))
    ]
    reporter = rng.randrange(300)
    if korean:
        byline = f"기자{reporter}호 기자 < r{reporter}@example.com >"
        rights = "<저작권자 © 국방일보, 무단전재 및 재배포 금지>"
    else:
        byline = f"By Reporter{reporter}, Kim < r{reporter}@example.com >"
        rights = "<Copyright The Korea Defense Daily, All rights reserved>"
    lines = [parent, section, headline, *paragraphs, byline, rights]
    if rng.random() < 0.5:
        lines.append(headline + " (alt)")
    lines.append("게시물 검색 설정")
    return "\n\n".join(lines) + "\n"


def write_pages(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    files = []
    for n in range(count):
        sub = folder / f"{n // 1000:03d}"
        if n % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{n:07d}.txt"
        path.write_text(page(n, rng), encoding="utf-8")
        files.append(path)
    return files


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("NEWSZONE_SECRET_KEY", "bench-only-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "newszone.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(label: str, count: int, work) -> float:
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    print(f"| {label} | {count:,} | {elapsed:,.1f} s | {rate:,.0f}/s |", flush=True)
    return rate, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--database-url",
        default="",
        help="Default: a new SQLite file in the work folder (the embedded setup).",
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="import-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    pages = workdir / "pages"
    shutil.rmtree(pages, ignore_errors=True)
    database = workdir / "import-bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    files = write_pages(pages, args.pages, args.seed)
    size = sum(f.stat().st_size for f in files)
    print(
        f"{args.pages:,} pages, {size / 1e6:,.1f} MB, written in "
        f"{time.perf_counter() - started:,.1f} s to {pages}",
        file=sys.stderr,
    )
    setup_django(args.database_url or f"sqlite:///{database}")
    run(files)


def run(files: list[Path]) -> None:
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from newszone.articles.models import Article, Revision
    from newszone.importers import text
    from newszone.importers.writer import RunOptions, run_import

    options = RunOptions(status="draft", source="bench")
    count = len(files)
    print(f"\nDatabase: {connection.vendor}\n")
    print("| step | pages | time | pages/s |")
    print("| --- | ---: | ---: | ---: |")
    parse_rate, items = timed(
        "parse alone", count, lambda: list(text.read_files(files))
    )
    failures = [i for i in items if not hasattr(i, "headline")]
    import_rate, report = timed(
        "import (parse + write)",
        count,
        lambda: run_import(text.read_files(files), options),
    )
    again_rate, again = timed(
        "import again (all unchanged)",
        count,
        lambda: run_import(text.read_files(files), options),
    )
    print()
    print(f"- first run: {report.summary()}")
    print(f"- second run: {again.summary()}")
    print(
        f"- in the database: {Article.objects.count():,} articles, "
        f"{Revision.objects.count():,} revisions; {DBTaskResult.objects.count():,} "
        f"search-index jobs queued for the worker; parse failures: {len(failures)}"
    )
    verdict = "meets" if import_rate >= GOAL_PER_S else "MISSES"
    print(
        f"- import {import_rate:,.0f} pages/s = {import_rate / parse_rate:.0%} of "
        f"parse-alone speed; goal ≥ {GOAL_PER_S:,.0f}/s: {verdict}"
    )


if __name__ == "__main__":
    main()
