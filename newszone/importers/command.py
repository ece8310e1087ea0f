"""What every ``import-*`` command shares: options, the run, the report, exit code."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime

from newszone.importers.writer import IMPORT_STATUSES, RunOptions, run_import
from newszone.taxonomy.models import Section


class ImportCommand(BaseCommand):
    source = "import"

    def add_arguments(self, parser):
        parser.add_argument(
            "--status",
            choices=[str(s) for s in IMPORT_STATUSES],
            default="draft",
            help="State of new stories whose source gives none (default: draft).",
        )
        parser.add_argument("--section", help="Section (address or name) for all.")
        parser.add_argument("--language", choices=["ko", "en"], help="Skip detection.")
        parser.add_argument(
            "--published-at",
            help="Publication date for all (YYYY-MM-DD or an ISO date and time).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be created or changed; write nothing.",
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Stories per transaction."
        )

    def items(self, options) -> tuple[object, int | None]:
        """(the items to write, how many if known) from the command's arguments."""
        raise NotImplementedError

    def more_summary(self) -> str:
        """What the format's reader has to add (WXR: what was not a post)."""
        return ""

    # Commands speak English, like Django's own (the site's default language
    # is Korean): the copy desk's messages in the report too.
    @translation.override("en")
    def handle(self, *args, **options):
        run = RunOptions(
            status=options["status"],
            section=find_section(options["section"]),
            language=options["language"] or "",
            published_at=parse_when(options["published_at"]),
            dry_run=options["dry_run"],
            batch_size=max(1, options["batch_size"]),
            source=self.source,
        )
        items, total = self.items(options)
        report = run_import(items, run, total, progress_stream=self.stderr._out)
        report.write(self.stdout, verbose=options["verbosity"] >= 1)
        if extra := self.more_summary():
            self.stdout.write(extra)
        if report.failed:
            raise CommandError(
                f"{report.failed:,} of {report.total:,} items failed (listed above)",
                returncode=1,
            )


class PathsImportCommand(ImportCommand):
    """An importer of files or folders given on the command line."""

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders.")
        super().add_arguments(parser)

    def paths(self, options) -> list[Path]:
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"Not found: {', '.join(missing)}")
        return options["paths"]


def find_section(name: str | None) -> Section | None:
    if not name:
        return None
    match = Section.objects.filter(
        Q(slug=name) | Q(name_en__iexact=name) | Q(name_ko=name)
    ).first()
    if match is None:
        known = ", ".join(Section.objects.values_list("slug", flat=True)[:30])
        raise CommandError(f"No section “{name}”. Sections: {known}")
    return match


def parse_when(value: str | None) -> datetime | None:
    """A date (midnight, local time) or an ISO date and time; naive means local."""
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = datetime.combine(day, time())
    except ValueError:
        moment = None
    if moment is None:
        raise CommandError(
            f"--published-at “{value}” is not a date (YYYY-MM-DD) or ISO date-time"
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
