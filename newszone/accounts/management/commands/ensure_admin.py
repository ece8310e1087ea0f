"""Create the first desk administrator once, printing a generated password."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a desk administrator if the desk has none, and print its user "
        "name and a freshly generated password (shown this one time only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="desk-admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A desk administrator already exists; nothing to do.")
            return
        password = secrets.token_urlsafe(15)
        User.objects.create_superuser(username=username, password=password, email="")
        bar = "=" * 60
        self.stdout.write(
            f"{bar}\nDesk administrator created (shown once, write it down):\n"
            f"  user name: {username}\n  password:  {password}\n"
            f"  sign in at /desk/\n{bar}"
        )
