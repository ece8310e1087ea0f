from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    name = "newszone.importers"
    verbose_name = _("Archives in and out")
