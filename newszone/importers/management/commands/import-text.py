from pathlib import Path

from django.core.management.base import CommandError

from newszone.importers import text
from newszone.importers.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import scraped article pages (text files in the old site's format, like "
        "the sample): files or folders of *.txt. Idempotent: a page imported "
        "again updates its story (with a new revision), never a duplicate."
    )
    source = "import-text"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders.")
        super().add_arguments(parser)

    def items(self, options):
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"Not found: {', '.join(missing)}")
        files = list(text.page_files(options["paths"]))
        return text.read_files(files), len(files)
