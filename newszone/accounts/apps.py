from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "newszone.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from newszone.accounts.roles import sync_role_permissions

        # After every app's permissions exist (post_migrate runs per app;
        # the last run sees them all).
        post_migrate.connect(sync_role_permissions, dispatch_uid="newszone-roles")
