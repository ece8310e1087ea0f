"""``newszone token USERNAME``: print a new API token; ``--revoke`` to revoke."""

from django.core.management.base import BaseCommand, CommandError

from newszone.accounts.models import User
from newszone.accounts.tokens import issue_token, revoke_tokens


class Command(BaseCommand):
    help = (
        "Print a new API token for a desk user (shown once; only its hash is kept). "
        "With --revoke PREFIX (or --revoke all) revoke tokens instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--revoke",
            metavar="PREFIX",
            help="Revoke the token starting nz_PREFIX_, or 'all' of the user's.",
        )

    def handle(self, *args, username, revoke, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No desk user named {username!r}.")
        if revoke:
            count = revoke_tokens(user, None if revoke == "all" else revoke)
            if not count:
                raise CommandError(f"No active token {revoke!r} for {username}.")
            self.stdout.write(f"Revoked {count} token(s) of {username}.")
            return
        if not user.is_active:
            raise CommandError(f"The desk user {username} is deactivated.")
        token, key = issue_token(user)
        self.stdout.write(key)
        self.stderr.write(
            f"API token {token.prefix} for {username} (shown once). "
            "Send it as: Authorization: Token <key>"
        )
