"""Sitemaps and robots.txt, at the site's root (not language-prefixed: one
sitemap lists both editions). Names: ``sitemaps:<name>``."""

from django.urls import path, re_path

from newszone.feeds import sitemaps

app_name = "sitemaps"
urlpatterns = [
    path("robots.txt", sitemaps.robots, name="robots"),
    path("sitemap.xml", sitemaps.index, name="index"),
    path("sitemaps/pages.xml", sitemaps.pages, name="pages"),
    path("sitemaps/news.xml", sitemaps.news, name="news"),
    re_path(
        r"^sitemaps/articles-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})\.xml$",
        sitemaps.articles,
        name="articles",
    ),
]
