from pathlib import Path

from django.core.management.base import CommandError

from newszone.importers import ninjs
from newszone.importers.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Import IPTC ninjs 1.x and 2.x items (agency wires; newszone's own "
        "export-ninjs): .json files or folders, each item validated against "
        "its schema."
    )
    source = "import-ninjs"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders.")
        super().add_arguments(parser)

    def items(self, options):
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"Not found: {', '.join(missing)}")
        return ninjs.read_paths(options["paths"]), None
