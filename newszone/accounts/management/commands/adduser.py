"""``newszone adduser USERNAME --role ROLE [--email E]``: a desk user, password once."""

import secrets

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from newszone.accounts.models import User
from newszone.accounts.roles import Role


class Command(BaseCommand):
    help = (
        "Create a desk user with a role (reporter, editor, chief, admin) and print "
        "a generated password, shown this one time only."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, email, **options):
        username = username.strip()
        if not username or len(username) > 150:
            raise CommandError("The user name must be 1 to 150 characters.")
        try:
            User.username_validator(username)
            if email:
                validate_email(email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A desk user named {username!r} already exists.")
        password = secrets.token_urlsafe(15)
        with transaction.atomic():
            user = User.objects.create_user(
                username=username, email=email, password=password, is_staff=True
            )
            user.groups.add(Group.objects.get(name=role))
        label = Role(role).label
        self.stdout.write(
            f"Desk user {username} created with the role {role} ({label}).\n"
            f"  password (shown once, write it down): {password}\n"
            "  sign in at /desk/"
        )
