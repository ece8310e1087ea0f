from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "newszone.core"
    label = "core"
