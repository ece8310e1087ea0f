"""Rebuild the search index, with a progress bar.

By default the engine's index is rebuilt from the stored analysed terms (fast:
the analyser does not run again), after analysing anything not yet stored or
stored by an older analysis (``analyzers.ANALYSIS_VERSION``).
``--reanalyse`` runs the analyser over every object again (after an analyser
change: slow, Kiwi costs milliseconds per story).
"""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from newszone.search import documents, registry
from newszone.search.analyzers import ANALYSIS_VERSION
from newszone.search.backends import get_backend
from newszone.search.models import SearchDocument


class Command(BaseCommand):
    help = "Rebuild the search index from stored analysed terms (or re-analyse all)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reanalyse",
            "--reanalyze",
            action="store_true",
            help="Run the analyser over every object again.",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, reanalyse, no_progress, **options):
        quiet = no_progress or not self.stdout.isatty()
        for source in registry.sources():
            current = set(
                SearchDocument.objects.filter(
                    source=source.name, analysis_version=ANALYSIS_VERSION
                ).values_list("object_id", flat=True)
            )
            with tqdm(
                total=source.count(),
                desc=f"analyse {source.name}",
                disable=quiet,
                unit="doc",
            ) as bar:
                if reanalyse:
                    documents.reanalyse_all(source.name, bar.update)
                else:
                    missing = self._missing(source, current)
                    bar.update(bar.total - len(missing))
                    for start in range(0, len(missing), 200):
                        chunk = missing[start : start + 200]
                        documents.index_objects(source.name, chunk)
                        bar.update(len(chunk))
        backend = get_backend()
        total = SearchDocument.objects.count()
        with tqdm(total=total, desc="build index", disable=quiet, unit="doc") as bar:
            backend.rebuild(bar.update)
        self.stdout.write(
            f"Search index rebuilt: {total} documents ({backend.vendor})."
        )

    @staticmethod
    def _missing(source, current: set[int]) -> list[int]:
        """Objects not stored, or stored by an older analysis."""
        return [pk for pk in source.all_ids() if pk not in current]
