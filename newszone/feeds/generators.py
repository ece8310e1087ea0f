"""Feed writers: Django's RSS 2.0 and Atom 1.0 with what a newsroom needs on
top, and JSON Feed 1.1 as one more ``SyndicationFeed``.

Every item carries an ``entry`` (``entries.Entry``), passed through
``Feed.item_extra_kwargs``: all reporters, the full content and the plain
texts come from it, because Django's item dict holds one author and one
HTML description.
"""

import json

from django.utils.feedgenerator import (
    Atom1Feed,
    Rss201rev2Feed,
    SyndicationFeed,
    rfc3339_date,
)

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class NewsRssFeed(Rss201rev2Feed):
    """RSS 2.0 with ``content:encoded`` (the whole story), one ``dc:creator``
    per reporter (RSS's own ``<author>`` wants one e-mail address) and
    ``atom:updated`` (RSS has no update time of its own)."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        entry = item["entry"]
        for author in entry.authors:
            handler.addQuickElement("dc:creator", author.name)
        handler.addQuickElement("atom:updated", rfc3339_date(entry.updated))
        handler.addQuickElement("content:encoded", entry.content_html)


class NewsAtomFeed(Atom1Feed):
    """Atom 1.0 with every reporter as an ``<author>`` (name and page) and the
    story as ``<content type="html">`` beside the deck as ``<summary>``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        entry = item["entry"]
        for author in entry.authors:
            handler.startElement("author", {})
            handler.addQuickElement("name", author.name)
            handler.addQuickElement("uri", author.url)
            handler.endElement("author")
        handler.addQuickElement("content", entry.content_html, {"type": "html"})


class JSONFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

    content_type = "application/feed+json; charset=utf-8"
    version = "https://jsonfeed.org/version/1.1"

    def write(self, outfile, encoding):
        feed = self.feed
        document = {
            "version": self.version,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "authors": [{"name": feed["author_name"], "url": feed["author_link"]}],
            "items": [self.item_document(item) for item in self.items],
        }
        outfile.write(json.dumps(document, ensure_ascii=False, indent=1))

    def item_document(self, item) -> dict:
        entry = item["entry"]
        document = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": entry.title,
            "content_html": entry.content_html,
            "summary": entry.summary or None,
            "date_published": rfc3339_date(entry.published),
            "date_modified": rfc3339_date(entry.updated),
            "authors": [{"name": a.name, "url": a.url} for a in entry.authors],
            "tags": entry.categories,
            "language": entry.language,
        }
        if entry.image is not None:
            document["image"] = entry.image.url
            document["attachments"] = [
                {
                    "url": entry.image.url,
                    "mime_type": entry.image.mime_type,
                    "size_in_bytes": entry.image.length,
                }
            ]
        return {key: value for key, value in document.items() if value is not None}
