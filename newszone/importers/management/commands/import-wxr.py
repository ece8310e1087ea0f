from collections import Counter
from pathlib import Path

from django.core.management.base import CommandError

from newszone.importers import wxr
from newszone.importers.command import ImportCommand
from newszone.importers.items import Failure


class Command(ImportCommand):
    help = (
        "Import a WordPress export (WXR 1.2): posts become articles with their "
        "status and dates, categories sections, tags tags, authors reporters; "
        "attachments become photos when their files are given with --media-dir."
    )
    source = "import-wxr"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The WXR (.xml) export.")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of the site's wp-content/uploads folder.",
        )
        super().add_arguments(parser)

    def items(self, options):
        path, media = options["file"], options["media_dir"]
        if not path.is_file():
            raise CommandError(f"Not found: {path}")
        if media is not None and not media.is_dir():
            raise CommandError(f"--media-dir {media} is not a folder")
        self.skipped: list[wxr.Skipped] = []
        return self.checked(path, wxr.read_wxr(path, media, self.skipped)), None

    def more_summary(self) -> str:
        reasons = Counter(skip.reason for skip in self.skipped)
        if not reasons:
            return ""
        listed = ", ".join(f"{n:,} {reason}" for reason, n in reasons.most_common())
        return f"not articles, left out: {listed}"

    def checked(self, path, items):
        """Broken or unsafe XML ends the file there: reported as a failure (what
        came before it is written), and the run exits non-zero."""
        try:
            yield from items
        except wxr.WxrError as error:
            yield Failure(str(path), str(error))
