from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "newszone.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from newszone.articles.search import ArticleSource
        from newszone.search import registry

        registry.register(ArticleSource())
