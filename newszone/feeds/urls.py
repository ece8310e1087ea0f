"""Feeds, under each edition's prefix (``/ko/feeds/…``, ``/en/feeds/…``):
for the site, a section, a reporter and a tag, each as RSS, Atom and JSON
Feed. Names: ``feeds:<subject>-<format>``, e.g. ``feeds:section-atom``."""

from django.urls import path

from newszone.feeds.caching import public_feed
from newszone.feeds.feeds import ReporterFeed, SectionFeed, StoryFeed, TagFeed
from newszone.feeds.generators import JSONFeed, NewsAtomFeed, NewsRssFeed

FORMATS = {
    "rss": ("rss.xml", NewsRssFeed),
    "atom": ("atom.xml", NewsAtomFeed),
    "json": ("feed.json", JSONFeed),
}
SUBJECTS = {
    "site": ("", StoryFeed),
    "section": ("section/<slug:slug>/", SectionFeed),
    "reporter": ("reporter/<slug:slug>/", ReporterFeed),
    "tag": ("tag/<str:slug>/", TagFeed),
}

app_name = "feeds"
urlpatterns = [
    path(prefix + filename, public_feed(feed(generator)), name=f"{subject}-{fmt}")
    for subject, (prefix, feed) in SUBJECTS.items()
    for fmt, (filename, generator) in FORMATS.items()
]
