from newszone.importers import text
from newszone.importers.command import PathsImportCommand


class Command(PathsImportCommand):
    help = (
        "Import scraped article pages (text files in the old site's format, like "
        "the sample): files or folders of *.txt. Idempotent: a page imported "
        "again updates its story (with a new revision), never a duplicate."
    )
    source = "import-text"

    def items(self, options):
        files = list(text.page_files(self.paths(options)))
        return text.read_files(files), len(files)
