"""``newszone restore FILE [--force]``: bring back a site from a backup."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newszone.importers.backup import BackupError, describe
from newszone.importers.restore import restore_backup


class Command(BaseCommand):
    help = gettext_lazy(
        "Restore an archive made by `backup` into an empty site (freshly "
        "migrated). The whole archive is checked before anything is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("The archive to restore."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=gettext_lazy(
                "Replace the content of a site that is not empty (all or nothing)."
            ),
        )

    @translation.override("en")  # commands speak English, like Django's own
    def handle(self, *args, file, force, verbosity, **options):
        try:
            summary = restore_backup(file, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        made = summary.manifest
        for missing in made.get("missing_media", []):
            self.stderr.write(
                _("Missing when backed up, still missing: %(name)s (%(field)s)")
                % missing
            )
        if verbosity:
            self.stdout.write(
                _("Archive of %(created)s (%(vendor)s, newszone %(version)s).")
                % {
                    "created": made["created_at"],
                    "vendor": made["database_vendor"],
                    "version": made.get("newszone_version", "?"),
                }
            )
            self.stdout.write(
                describe(summary, _("Restored: %(path)s, %(size)s, %(seconds)s s"))
            )
