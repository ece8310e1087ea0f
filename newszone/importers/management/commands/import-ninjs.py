from newszone.importers import ninjs
from newszone.importers.command import PathsImportCommand


class Command(PathsImportCommand):
    help = (
        "Import IPTC ninjs 1.x and 2.x items (agency wires; newszone's own "
        "export-ninjs): .json files or folders, each item validated against "
        "its schema."
    )
    source = "import-ninjs"

    def items(self, options):
        return ninjs.read_paths(self.paths(options)), None
