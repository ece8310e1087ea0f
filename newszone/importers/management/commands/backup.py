"""``newszone backup FILE``: one consistent archive of the running site."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newszone.importers.backup import BackupError, describe, write_backup


class Command(BaseCommand):
    help = gettext_lazy(
        "Write one archive of this site (every row and the media files they "
        "use), consistent while the site runs. Restore it with `restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help=gettext_lazy("The archive to write, e.g. site.nzb (replaced whole)."),
        )

    @translation.override("en")  # commands speak English, like Django's own
    def handle(self, *args, file, verbosity, **options):
        try:
            summary = write_backup(
                file, on_table=self._table_done if verbosity > 1 else None
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        for missing in summary.missing_media:
            self.stderr.write(
                _("Missing media file, not in the archive: %(name)s (%(field)s)")
                % missing
            )
        if verbosity:
            self.stdout.write(
                describe(
                    summary, _("Backup written: %(path)s, %(size)s, %(seconds)s s")
                )
            )

    def _table_done(self, label: str, count: int) -> None:
        self.stdout.write(f"  {label}: {count}")
