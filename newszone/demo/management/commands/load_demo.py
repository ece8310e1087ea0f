from django.core.management.base import BaseCommand

from newszone.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo edition (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        made = load_demo()
        if not any(made.values()):
            self.stdout.write("Demo edition already loaded; nothing changed.")
            return
        summary = ", ".join(f"{count} {kind}" for kind, count in made.items())
        self.stdout.write(self.style.SUCCESS(f"Demo edition loaded: {summary}."))
