"""An embargoed story must appear on no public page until the embargo passes:
no page, list, link, search result, JSON-LD, photo or correction note.

Two hidden stories sit among public neighbours that would pick them up (same
section, shared tags, same reporter, a translation link):

* ``fresh`` (English): a draft scheduled with an embargo, a lead photo.
* ``returning`` (Korean): published once, corrected, unpublished, then
  scheduled with an embargo; it keeps its old publication time, which falls
  between its neighbours', and a correction note.

Every public URL family is read in both editions while the publication time
has passed but the embargo has not, then again after the embargo, when the
stories must show (so the first half cannot pass by showing nothing at all).
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils.html import escape

from newszone.articles.models import Article, Status
from newszone.articles.services import (
    add_correction,
    link_translations,
    publish_article,
    publish_due,
    schedule_article,
    unpublish_article,
)
from newszone.search import documents
from newszone.taxonomy.models import Tag
from tests.factories import make_article, make_reporter, make_section, make_user

pytestmark = pytest.mark.django_db

KST = ZoneInfo("Asia/Seoul")
START = datetime(2030, 3, 4, 9, 0, tzinfo=KST)
PUBLISH_AT = START + timedelta(hours=1)
EMBARGO = START + timedelta(hours=2)
WORD = {"fresh": "Zorblaxian", "returning": "Quxwertine"}
REPORTER = "Vintergaard"
PREFIXES = ("ko", "en")


@dataclass
class World:
    parent: object
    child: object
    reporter: object
    tag: object
    hidden: dict[str, Article]
    neighbours: list[Article]
    forbidden: dict[str, list[str]] = field(default_factory=dict)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def world(clock, django_capture_on_commit_callbacks):
    editor, chief = make_user("editor"), make_user("chief")
    parent = make_section("leak-zone", name_en="Leak Zone", name_ko="누출존")
    child = make_section("leak-harbour", parent=parent)
    other = make_section("leak-elsewhere")
    reporter = make_reporter(
        slug="vintergaard", name_en=f"{REPORTER}, Ola", name_ko="빈터고르"
    )
    common = {"section": child, "reporters": [reporter], "tags": ["harbour talks"]}

    # Public neighbours in both editions, around the hidden stories' times.
    en_old = make_article(language="en", hours_ago=6, photos=1, **common)
    en_new = make_article(
        language="en", hours_ago=1, photos=1, article_type="photo", **common
    )
    ko_old = make_article(language="ko", hours_ago=6, **common)
    ko_new = make_article(language="ko", hours_ago=2, **common)
    make_article(language="en", section=other, hours_ago=3)
    make_article(language="ko", section=other, hours_ago=3)

    fresh = make_article(
        language="en",
        published=False,
        photos=1,
        article_type="photo",  # would lead the home page's photo strip
        featured=True,  # would lead the home page
        headline=f"{WORD['fresh']} summit opens at the harbour",
        deck=f"The {WORD['fresh']} delegation arrives.",
        body=f"<p>Talks with the {WORD['fresh']} delegation begin.</p>",
        section=child,
        reporters=[reporter],
        tags=["harbour talks", "summit"],
    )
    returning = make_article(
        language="ko",
        published=False,
        headline=f"{WORD['returning']} 항만 회담 재개",
        body=f"<p>{WORD['returning']} 대표단이 항만 회담을 재개했다.</p>",
        section=child,
        reporters=[reporter],
        tags=["harbour talks", "summit"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(returning, chief, at=START - timedelta(hours=4))
        add_correction(returning, chief, f"{WORD['returning']} 대표단 이름을 고쳤다.")
        unpublish_article(returning, chief)
        for story in (fresh, returning):
            schedule_article(story, editor, PUBLISH_AT, embargo_until=EMBARGO)
    link_translations(fresh, ko_new)
    neighbours = [en_old, en_new, ko_old, ko_new]
    public = Article.objects.exclude(pk__in=[fresh.pk, returning.pk])
    documents.index_objects("articles", public.values_list("pk", flat=True))

    hidden = {"fresh": fresh, "returning": returning}
    forbidden = {
        name: [WORD[name], f"/article/{story.pk}/"] for name, story in hidden.items()
    }
    lead = fresh.lead_photo.photo
    forbidden["fresh"] += [lead.image.url, f"/photos/{lead.pk}/"]
    return World(
        parent=parent,
        child=child,
        reporter=reporter,
        tag=Tag.objects.get(name="harbour talks"),
        hidden=hidden,
        neighbours=neighbours,
        forbidden=forbidden,
    )


def search_urls(prefix: str, **params) -> list[str]:
    """The search page as the edition asks it, and across both languages."""
    return [
        f"/{prefix}/search/?{urlencode(params)}",
        f"/{prefix}/search/?{urlencode({**params, 'lang': 'all'})}",
        f"/{prefix}/search/?{urlencode({**params, 'lang': 'all', 'sort': 'newest'})}",
    ]


def words_search(scope):
    return lambda w, p: [
        url for word in WORD.values() for url in search_urls(p, q=word, scope=scope)
    ]


FEED_FILES = ("rss.xml", "atom.xml", "feed.json")


def feeds(subject):
    """A feed in its three formats; ``subject`` gives its path in the world."""
    return lambda w, p: [f"/{p}/feeds/{subject(w)}{name}" for name in FEED_FILES]


FAMILIES = {
    "home": lambda w, p: [f"/{p}/"],
    "section": lambda w, p: [f"/{p}/section/{w.child.slug}/"],
    "parent-section": lambda w, p: [f"/{p}/section/{w.parent.slug}/"],
    "story": lambda w, p: [f"/{p}/article/{s.pk}/" for s in w.hidden.values()],
    "reporter": lambda w, p: [f"/{p}/reporter/{w.reporter.slug}/"],
    "tag": lambda w, p: [f"/{p}/tag/{w.tag.slug}/"],
    "search-all": words_search("all"),
    "search-headline": words_search("headline"),
    "search-body": words_search("body"),
    "search-reporter-names": lambda w, p: search_urls(p, q=REPORTER, scope="reporter"),
    "search-reporter-filter": lambda w, p: search_urls(p, reporter=REPORTER),
    "corrections": lambda w, p: [f"/{p}/corrections/"],
    "opensearch": lambda w, p: [f"/{p}/opensearch.xml"],
    "neighbour-stories": lambda w, p: [
        f"/{p}/article/{n.pk}/" for n in w.neighbours if n.language == p
    ],
    "feeds": feeds(lambda w: ""),
    "section-feeds": feeds(lambda w: f"section/{w.child.slug}/"),
    "parent-section-feeds": feeds(lambda w: f"section/{w.parent.slug}/"),
    "reporter-feeds": feeds(lambda w: f"reporter/{w.reporter.slug}/"),
    "tag-feeds": feeds(lambda w: f"tag/{w.tag.slug}/"),
    # Sitemaps list both editions at one address (asked once per edition).
    "sitemap-index": lambda w, p: ["/sitemap.xml"],
    "sitemap-month": lambda w, p: [f"/sitemaps/articles-{START:%Y-%m}.xml"],
    "sitemap-pages": lambda w, p: ["/sitemaps/pages.xml"],
    "sitemap-news": lambda w, p: ["/sitemaps/news.xml"],
}
# Which hidden stories each family shows once they are out ("story" is
# checked on its own; opensearch.xml, the sitemap index and the pages sitemap
# never list stories).
SHOWN_AFTER = {
    "home": "edition",
    "section": "edition",
    "parent-section": "edition",
    "reporter": "edition",
    "tag": "edition",
    "search-all": "all",
    "search-headline": "all",
    "search-body": "all",
    "search-reporter-names": "all",
    "search-reporter-filter": "all",
    "corrections": "corrected",
    "neighbour-stories": "edition",
    "feeds": "edition",
    "section-feeds": "edition",
    "parent-section-feeds": "edition",
    "reporter-feeds": "edition",
    "tag-feeds": "edition",
    "sitemap-month": "all",
    "sitemap-news": "all",
}
# Families that list a story by its address (and pictures) only, not its words.
ADDRESSES_ONLY = {"sitemap-month"}
# What the search page repeats of the query: its title and the form's fields.
ECHOES = re.compile(r'<title>.*?</title>|value="[^"]*"', re.DOTALL)


def fetch(client, url):
    """The response, and its text without the echoes of the address asked for:
    the search page repeats the words (title, form fields) and every page links
    to itself in the other edition. Those are the reader's input, not the story.
    """
    response = client.get(url)
    other = "/en/" if url.startswith("/ko/") else "/ko/"
    html = response.content.decode()
    html = html.replace(f'href="{escape(other + url[4:])}"', "")
    if "/search/" in url:
        html = ECHOES.sub("", html)
    return response, html


def before_embargo(clock, django_capture_on_commit_callbacks):
    clock.move_to(PUBLISH_AT + timedelta(minutes=30))  # time passed, embargo not
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == []


def after_embargo(clock, django_capture_on_commit_callbacks, world):
    clock.move_to(EMBARGO + timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        published = publish_due()
    assert sorted(published) == sorted(s.pk for s in world.hidden.values())


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("family", FAMILIES)
def test_nothing_of_the_embargoed_stories_shows_before_the_embargo(
    client, clock, django_capture_on_commit_callbacks, world, family, prefix
):
    before_embargo(clock, django_capture_on_commit_callbacks)
    for url in FAMILIES[family](world, prefix):
        response, html = fetch(client, url)
        assert response.status_code == (404 if family == "story" else 200), url
        leaks = [text for texts in world.forbidden.values() for text in texts]
        found = [text for text in leaks if text in html]
        assert not found, f"{url} shows {found}"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_anonymous_preview_goes_to_the_login(client, clock, world, prefix):
    for story in world.hidden.values():
        response = client.get(f"/{prefix}/preview/{story.pk}/")
        assert response.status_code == 302
        assert response["Location"].startswith("/desk/login/")
        assert WORD["fresh"] not in response.content.decode()


def test_desk_preview_shows_the_story_to_the_desk(client, clock, world):
    client.force_login(make_user("editor"))
    for name, story in world.hidden.items():
        response = client.get(f"/ko/preview/{story.pk}/")
        assert response.status_code == 200
        assert WORD[name] in response.content.decode()
        assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("family", SHOWN_AFTER)
def test_the_stories_show_once_the_embargo_has_passed(
    client, clock, django_capture_on_commit_callbacks, world, family, prefix
):
    after_embargo(clock, django_capture_on_commit_callbacks, world)
    pages = []
    for url in FAMILIES[family](world, prefix):
        response, html = fetch(client, url)
        assert response.status_code == 200, url
        pages.append(html)
    shown = "\n".join(pages)
    expected = {
        "all": set(world.hidden),
        "edition": {n for n, s in world.hidden.items() if s.language == prefix},
        "corrected": {"returning"} if prefix == "ko" else set(),
    }[SHOWN_AFTER[family]]
    for name in expected:
        story = world.hidden[name]
        if family not in ADDRESSES_ONLY:
            assert WORD[name] in shown, f"{family}: {name} missing"
        assert story.get_absolute_url() in shown, f"{family}: {name} link missing"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_story_page_answers_once_the_embargo_has_passed(
    client, clock, django_capture_on_commit_callbacks, world, prefix
):
    after_embargo(clock, django_capture_on_commit_callbacks, world)
    for name, story in world.hidden.items():
        assert Article.objects.get(pk=story.pk).status == Status.PUBLISHED
        response = client.get(f"/{prefix}/article/{story.pk}/")
        if story.language == prefix:
            assert response.status_code == 200
            assert WORD[name] in response.content.decode()
        else:  # the other edition's address sends the reader on
            assert response.status_code == 301
            assert response["Location"] == story.get_absolute_url()


def test_preview_needs_a_desk_role_not_just_staff(client, clock, world):
    client.force_login(make_user(None))  # staff, but no role
    story = next(iter(world.hidden.values()))
    assert client.get(f"/ko/preview/{story.pk}/").status_code == 403
