from django.apps import AppConfig
from django.urls import register_converter


class CoreConfig(AppConfig):
    name = "newszone.core"
    label = "core"

    def ready(self):
        from newszone.core.converters import IdConverter

        # ``<id:pk>`` in every app's URLs (registered before any URLconf loads).
        register_converter(IdConverter, "id")
