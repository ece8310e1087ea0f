"""The feeds: the newest published stories of the page's edition, for the
whole site, a section (with its subsections), a reporter or a tag.

Each class is written once and served as RSS, Atom and JSON Feed: the
format is the feed generator handed to it (``urls.py``). Instances are shared
by every request, so a request's state travels in the ``Channel`` that
``get_object`` returns, never on ``self``.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newszone.accounts.models import Reporter
from newszone.articles.models import Article
from newszone.feeds.entries import Entry, build_entries
from newszone.feeds.generators import NewsRssFeed
from newszone.publication.models import Publication
from newszone.taxonomy.models import Section, Tag


@dataclass
class Channel:
    request: object
    publication: Publication
    language: str
    subject: object  # the Section, Reporter or Tag; None for the whole site
    entries: list[Entry]

    @property
    def site_name(self) -> str:
        return self.publication.name(self.language)


class StoryFeed(Feed):
    """The whole site; subclasses narrow it to one subject."""

    limit = 20
    # The whole story in every entry; False sends the deck only (a teaser feed).
    full_content = True

    def __init__(self, feed_type=NewsRssFeed):
        self.feed_type = feed_type

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Syndication dates it by its newest entry; the ETag's time (all public
        # content, set by conditional_page) is the one requests are checked by.
        response.headers.pop("Last-Modified", None)
        return response

    def get_object(self, request, **kwargs) -> Channel:
        language = get_language()
        subject = self.get_subject(**kwargs)
        stories = self.narrow(
            Article.objects.published().in_language(language), subject
        )
        stories = list(
            stories.for_listing()
            .prefetch_related("tags", "corrections")
            .newest_first()[: self.limit]
        )
        publication = Publication.current()
        entries = build_entries(request, stories, publication, self.full_content)
        return Channel(request, publication, language, subject, entries)

    # What a subclass changes.

    def get_subject(self, **kwargs):
        return None

    def narrow(self, stories, subject):
        return stories

    def subject_name(self, channel) -> str:
        return ""

    def link(self, channel) -> str:
        return reverse("frontend:home")

    def description(self, channel) -> str:
        tagline = channel.publication.tagline(channel.language)
        return tagline or _("The newest stories from %(name)s.") % {
            "name": channel.site_name
        }

    # The channel.

    def title(self, channel) -> str:
        name = self.subject_name(channel)
        # As the subject's page is titled: "Economy – Newszone".
        return f"{name} – {channel.site_name}" if name else channel.site_name

    def feed_guid(self, channel) -> str:
        return channel.request.build_absolute_uri(channel.request.path)

    def author_name(self, channel) -> str:
        return channel.site_name

    def author_link(self, channel) -> str:
        return channel.request.build_absolute_uri(reverse("frontend:home"))

    def feed_copyright(self, channel) -> str:
        return channel.publication.copyright(channel.language)

    def items(self, channel) -> list[Entry]:
        return channel.entries

    # The entries (see entries.Entry; the generators add the rest).

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        # The story's address: one per story (pk), in its one language.
        return entry.url

    item_guid_is_permalink = True

    def item_description(self, entry):
        # RSS descriptions and Atom summaries are HTML; the deck is text.
        return escape(entry.summary) if entry.summary else None

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated

    def item_categories(self, entry):
        return entry.categories

    def item_copyright(self, entry):
        return entry.rights

    def item_enclosures(self, entry):
        image = entry.image
        if image is None:
            return []
        return [Enclosure(image.url, str(image.length), image.mime_type)]

    def item_extra_kwargs(self, entry):
        return {"entry": entry}


class SectionFeed(StoryFeed):
    def get_subject(self, slug):
        tree = Section.objects.tree()
        section = next((s for s in tree.values() if s.slug == slug), None)
        if section is None:
            raise Section.DoesNotExist(slug)  # Feed answers 404
        section.within = section.descendant_ids(tree)
        return section

    def narrow(self, stories, section):
        return stories.filter(section__in=section.within)

    def subject_name(self, channel):
        return channel.subject.name(channel.language)

    def link(self, channel):
        return channel.subject.get_absolute_url()

    def description(self, channel):
        return _("The newest stories in %(section)s and its subsections.") % {
            "section": self.subject_name(channel)
        }


class ReporterFeed(StoryFeed):
    def get_subject(self, slug):
        return get_object_or_404(Reporter, slug=slug)

    def narrow(self, stories, reporter):
        return stories.filter(reporters=reporter)

    def subject_name(self, channel):
        return channel.subject.display_name(channel.language)

    def link(self, channel):
        return channel.subject.get_absolute_url()

    def description(self, channel):
        return _("The newest stories by %(name)s.") % {
            "name": self.subject_name(channel)
        }


class TagFeed(StoryFeed):
    def get_subject(self, slug):
        return get_object_or_404(Tag, slug=slug)

    def narrow(self, stories, tag):
        return stories.filter(tags=tag)

    def subject_name(self, channel):
        return f"#{channel.subject.name}"

    def link(self, channel):
        return channel.subject.get_absolute_url()

    def description(self, channel):
        return _("The newest stories tagged %(tag)s.") % {
            "tag": self.subject_name(channel)
        }
