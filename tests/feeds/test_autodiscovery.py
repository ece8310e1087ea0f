"""Feed autodiscovery: every reader page names the site's feeds in its own
edition, and a section, reporter or tag page that subject's feeds too."""

import re
from html import unescape

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.encoding import iri_to_uri

from newszone.taxonomy.models import Tag

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'<link rel="alternate" type="(application/[a-z+]+)" href="([^"]+)" '
    r'title="([^"]*)">'
)
SITE = ["rss.xml", "atom.xml", "feed.json"]
TYPES = {
    "rss.xml": "application/rss+xml",
    "atom.xml": "application/atom+xml",
    "feed.json": "application/feed+json",
}


def feed_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    head = response.content.decode().split("</head>")[0]
    return [
        (t, unescape(href), unescape(title)) for t, href, title in LINK.findall(head)
    ]


def expected(language, subject, name, site):
    """The three site feeds, then the subject's three, if any."""
    feeds = [("", site)] + ([(subject, f"{name} – {site}")] if subject else [])
    return [
        (TYPES[f], iri_to_uri(f"/{language}/feeds/{prefix}{f}"), f"{title} ({label})")
        for prefix, title in feeds
        for f, label in zip(SITE, ("RSS", "Atom", "JSON Feed"), strict=True)
    ]


@pytest.mark.parametrize(("language", "site"), [("ko", "뉴스존"), ("en", "Newszone")])
def test_every_reader_page_names_its_feeds(client, newsroom, language, site):
    story = newsroom.en_lead if language == "en" else newsroom.ko_lead
    hangman = Tag.objects.get(name="항만")
    with translation.override(language):
        tag_page = hangman.get_absolute_url()
    korean = language == "ko"
    pages = {
        f"/{language}/": ("", ""),
        story.get_absolute_url(): ("", ""),
        f"/{language}/corrections/": ("", ""),
        f"/{language}/section/markets/": (
            "section/markets/",
            "시장" if korean else "Markets",
        ),
        f"/{language}/reporter/kim-ji-eun/": (
            "reporter/kim-ji-eun/",
            "김지은" if korean else "Ji-eun, Kim",
        ),
        tag_page: (f"tag/{hangman.slug}/", "#항만"),
    }
    for url, (subject, name) in pages.items():
        assert feed_links(client, url) == expected(language, subject, name, site), url


def test_the_links_lead_to_the_feeds(client, newsroom):
    for media_type, href, _title in feed_links(client, "/en/section/economy/"):
        response = client.get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"].startswith(media_type)


def test_the_tag_reads_no_database(newsroom, django_assert_num_queries):
    request = RequestFactory().get("/en/section/markets/")
    template = Template("{% load feeds %}{% feed_links %}")
    with translation.override("en"), django_assert_num_queries(0):
        html = template.render(
            Context({"request": request, "section": newsroom.markets})
        )
    assert html.count("<link ") == 6
    assert 'href="/en/feeds/section/markets/atom.xml"' in html
    assert 'title="Markets (Atom)"' in html  # no publication loaded: no site name


def test_unrelated_context_variables_are_ignored(newsroom):
    template = Template("{% load feeds %}{% feed_links %}")
    with translation.override("ko"):
        html = template.render(Context({"section": "not a section", "tag": None}))
    assert html.count("<link ") == 3
