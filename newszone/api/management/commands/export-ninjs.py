import time
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newszone.api.export import export_site
from newszone.articles.models import Article

# The site has no URL setting (docs/settings.md): the operator says where it lives.
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Write every article as IPTC ninjs 2.3 (DIR/articles/<id>.json) with "
        "its photos' originals (DIR/photos/), for import-ninjs to read back."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Folder to write into.")
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"The site's address, for links in the files ({DEFAULT_BASE_URL}).",
        )

    def handle(self, *args, directory: Path, base_url: str, **options):
        base_url = checked_base_url(base_url)
        started = time.monotonic()
        total = Article.objects.count()
        quiet = not self.stderr.isatty()
        try:
            with tqdm(total=total, unit="article", disable=quiet) as bar:
                summary = export_site(directory, base_url, progress=bar.update)
        except OSError as error:
            raise CommandError(
                f"Cannot write the export to {directory}: {error.strerror or error}"
            ) from error
        for missing in summary.missing:
            self.stderr.write(f"Original not found, not copied: {missing}")
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {summary.articles} articles and {summary.photos} photos "
                f"({summary.bytes:,} bytes) to {directory} in {seconds:.1f} s."
            )
        )


def checked_base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CommandError(f"--base-url needs http(s)://host, not {value!r}.")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise CommandError(f"--base-url takes a scheme and host only, not {value!r}.")
    return f"{parts.scheme}://{parts.netloc}"
