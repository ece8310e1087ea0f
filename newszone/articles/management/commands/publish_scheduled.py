"""``newszone publish_scheduled``: publish what is due now (or keep doing it)."""

import time

from django.core.management.base import BaseCommand

from newszone.articles.services import publish_due


class Command(BaseCommand):
    help = (
        "Publish every scheduled story whose time and embargo have passed. "
        "`newszone serve` does this every few seconds; use this after downtime "
        "or from another scheduler. --every N keeps running."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, metavar="SECONDS")

    def handle(self, *args, every, **options):
        while True:
            done = publish_due()
            if done or not every:
                self.stdout.write(f"Published {len(done)} scheduled stories.")
            if not every:
                return
            time.sleep(every)
