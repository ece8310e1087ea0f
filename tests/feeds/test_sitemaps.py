"""Sitemaps, validated against the sitemaps.org and Google XSDs
(shared/standards/sitemaps/), and robots.txt."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from lxml import etree

from newszone.articles.models import Article
from newszone.feeds import sitemaps
from tests.factories import make_article
from tests.feeds.conftest import HIDDEN, KST, NOW, NS

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"


def fetch_xml(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    return document


def locs(document, path="sm:url/sm:loc"):
    return [loc.text for loc in document.findall(path, NS)]


def url_entry(document, loc):
    (entry,) = [
        u
        for u in document.findall("sm:url", NS)
        if u.findtext("sm:loc", namespaces=NS) == loc
    ]
    return entry


def alternates(entry):
    return [
        (link.get("hreflang"), link.get("href"))
        for link in entry.findall("xhtml:link", NS)
    ]


def absolute(story):
    return SERVER + story.get_absolute_url()


def test_the_index_lists_every_sitemap(client, newsroom, index_schema):
    document = fetch_xml(client, "/sitemap.xml", index_schema)
    assert locs(document, "sm:sitemap/sm:loc") == [
        f"{SERVER}/sitemaps/pages.xml",
        f"{SERVER}/sitemaps/news.xml",
        f"{SERVER}/sitemaps/articles-2026-10.xml",
        f"{SERVER}/sitemaps/articles-2026-11.xml",
    ]
    lastmods = document.findall("sm:sitemap/sm:lastmod", NS)
    assert len(lastmods) == 4
    # November's newest change: en_single, paired with a translation at NOW+20'.
    assert lastmods[-1].text == (NOW + timedelta(minutes=20)).isoformat()


def test_a_month_lists_its_stories_in_both_editions(client, newsroom, urlset_schema):
    room = newsroom
    document = fetch_xml(client, "/sitemaps/articles-2026-11.xml", urlset_schema)
    expected = [room.ko_sports, room.en_single, room.ko_lead, room.en_lead]
    assert locs(document) == [absolute(s) for s in expected]
    lead = url_entry(document, absolute(room.en_lead))
    assert (
        lead.findtext("sm:lastmod", namespaces=NS)
        == (NOW + timedelta(minutes=10)).isoformat()
    )
    pair = [
        ("ko", absolute(room.ko_lead)),
        ("en", absolute(room.en_lead)),
        ("x-default", absolute(room.ko_lead)),
    ]
    assert alternates(lead) == pair
    assert alternates(url_entry(document, absolute(room.ko_lead))) == pair
    # Its translation is not public: no alternates at all.
    assert alternates(url_entry(document, absolute(room.en_single))) == []
    october = fetch_xml(client, "/sitemaps/articles-2026-10.xml", urlset_schema)
    assert locs(october) == [absolute(room.en_old)]


def test_story_photos_are_listed_as_absolute_rendition_urls(
    client, newsroom, urlset_schema
):
    document = fetch_xml(client, "/sitemaps/articles-2026-11.xml", urlset_schema)
    lead = url_entry(document, absolute(newsroom.en_lead))
    images = [loc.text for loc in lead.findall("image:image/image:loc", NS)]
    photos = [use.photo for use in newsroom.en_lead.ordered_photos]
    # The photos are 64 pixels wide: the page's largest JPEG is its 320 one.
    assert images == [
        f"{SERVER}/photos/{p.pk}/{p.version}-orig-320.jpg" for p in photos
    ]
    for image in images:
        assert client.get(image.removeprefix(SERVER)).status_code == 200
    single = url_entry(document, absolute(newsroom.en_single))
    assert single.findall("image:image", NS) == []


def test_months_follow_the_papers_clock(client, newsroom, urlset_schema):
    late = make_article(headline="Late on Halloween")
    early = make_article(headline="Early in November")
    for story, moment in (
        (late, datetime(2026, 10, 31, 23, 30, tzinfo=KST)),
        (early, datetime(2026, 11, 1, 0, 30, tzinfo=KST)),
    ):
        Article.objects.filter(pk=story.pk).update(published_at=moment)
    october = fetch_xml(client, "/sitemaps/articles-2026-10.xml", urlset_schema)
    november = fetch_xml(client, "/sitemaps/articles-2026-11.xml", urlset_schema)
    assert absolute(late) in locs(october) and absolute(late) not in locs(november)
    assert absolute(early) in locs(november) and absolute(early) not in locs(october)


def test_pages_in_both_editions(client, newsroom, urlset_schema):
    document = fetch_xml(client, "/sitemaps/pages.xml", urlset_schema)
    listed = [loc.removeprefix(SERVER) for loc in locs(document)]
    assert listed == [
        "/ko/",
        "/en/",
        *(
            f"/{lang}/section/{slug}/"
            for slug in ("economy", "markets", "sports")
            for lang in ("ko", "en")
        ),
        "/ko/reporter/kim-ji-eun/",
        "/en/reporter/kim-ji-eun/",
        "/ko/reporter/lee-min-ho/",
        "/en/reporter/lee-min-ho/",
        "/en/tag/harbour/",  # no Korean story carries it
        "/ko/tag/%ED%95%AD%EB%A7%8C/",
        "/en/tag/%ED%95%AD%EB%A7%8C/",
    ]
    section = url_entry(document, f"{SERVER}/en/section/economy/")
    assert alternates(section) == [
        ("ko", f"{SERVER}/ko/section/economy/"),
        ("en", f"{SERVER}/en/section/economy/"),
        ("x-default", f"{SERVER}/ko/section/economy/"),
    ]
    # A section's last change is its subsections' newest story's.
    assert (
        section.findtext("sm:lastmod", namespaces=NS)
        == (NOW + timedelta(minutes=10)).isoformat()
    )


def test_news_keeps_the_last_48_hours(client, newsroom, urlset_schema):
    room = newsroom
    document = fetch_xml(client, "/sitemaps/news.xml", urlset_schema)
    assert locs(document) == [
        absolute(s) for s in (room.en_lead, room.ko_lead, room.en_single)
    ]
    entry = url_entry(document, absolute(room.ko_lead))
    news = entry.find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "뉴스존"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "ko"
    assert news.findtext("news:title", namespaces=NS) == "항만 합의에 증시 상승"
    published = room.ko_lead.published_at.astimezone(KST).replace(microsecond=0)
    assert news.findtext("news:publication_date", namespaces=NS) == (
        published.isoformat()
    )
    english = url_entry(document, absolute(room.en_lead)).find("news:news", NS)
    assert english.findtext("news:publication/news:name", namespaces=NS) == "Newszone"
    assert english.findtext("news:publication/news:language", namespaces=NS) == "en"


def test_news_window_edges(client, newsroom, urlset_schema):
    inside = make_article(hours_ago=47.9)
    outside = make_article(hours_ago=48.1)
    listed = locs(fetch_xml(client, "/sitemaps/news.xml", urlset_schema))
    assert absolute(inside) in listed and absolute(outside) not in listed


def test_news_is_capped(client, newsroom, urlset_schema, monkeypatch):
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 2)
    document = fetch_xml(client, "/sitemaps/news.xml", urlset_schema)
    assert locs(document) == [absolute(newsroom.en_lead), absolute(newsroom.ko_lead)]


def test_no_hidden_story_in_any_sitemap(client, newsroom, urlset_schema):
    room = newsroom
    urls = ["/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/news.xml"]
    urls += ["/sitemaps/articles-2026-10.xml", "/sitemaps/articles-2026-11.xml"]
    links = [s.get_absolute_url() for s in room.hidden]
    photos = [f"/photos/{s.lead_photo.photo_id}/" for s in room.hidden]
    for url in urls:
        text = client.get(url).content.decode()
        assert HIDDEN.lower() not in text.lower(), url  # headlines and tag slugs
        assert not [link for link in links if link in text], url
        assert not [photo for photo in photos if photo in text], url


def test_a_month_of_hidden_stories_only_is_not_listed(client, newsroom):
    # Every hidden story but the one hidden by its future date alone.
    stories = [s.pk for s in newsroom.hidden if "future" not in s.headline]
    Article.objects.filter(pk__in=stories).update(
        published_at=datetime(2026, 9, 10, 9, 0, tzinfo=KST)
    )
    assert "articles-2026-09" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/sitemaps/articles-2026-09.xml").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/sitemaps/articles-2026-13.xml",
        "/sitemaps/articles-2026-00.xml",
        "/sitemaps/articles-2025-11.xml",  # no stories then
        "/sitemaps/articles-2026-1.xml",
        "/sitemaps/nothing.xml",
    ],
)
def test_unknown_sitemaps_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # ETag time; the index adds the time again and the months, a month its
        # stories and photos, the pages the tree and three groupings.
        ("/sitemap.xml", 3),
        ("/sitemaps/articles-2026-11.xml", 3),
        ("/sitemaps/pages.xml", 5),
        ("/sitemaps/news.xml", 2),  # no ETag: publication and stories
    ],
)
def test_a_sitemap_runs_a_fixed_number_of_queries(
    client, newsroom, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    for n in range(10):
        make_article(
            section=newsroom.markets,
            language=("en", "ko")[n % 2],
            reporters=[newsroom.kim],
            tags=[f"more {n}"],
            photos=1,
            hours_ago=n + 1,
        )
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/articles-2026-11.xml"]
)
def test_conditional_get(client, newsroom, url):
    first = client.get(url)
    assert first["X-Robots-Tag"] == "noindex"
    # The same ETag whatever language the crawler prefers.
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert english["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_news_sitemap_is_never_answered_from_an_old_etag(client, newsroom):
    response = client.get("/sitemaps/news.xml")
    assert "ETag" not in response and "Last-Modified" not in response
    assert "s-maxage=60" in response["Cache-Control"]


def test_quiet_days_leave_the_news_sitemap_empty_not_missing(client, newsroom, clock):
    clock.shift(timedelta(days=3))
    response = client.get("/sitemaps/news.xml")
    assert response.status_code == 200
    assert locs(etree.fromstring(response.content)) == []


def test_an_empty_site_has_an_index_and_pages(client, index_schema):
    document = etree.fromstring(client.get("/sitemap.xml").content)
    index_schema.assertValid(document)
    assert len(locs(document, "sm:sitemap/sm:loc")) == 2  # pages and news
    assert client.get("/sitemaps/pages.xml").status_code == 200


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    for line in (
        "User-agent: *",
        "Disallow: /desk/",
        "Disallow: /api/",
        "Allow: /api/v1/docs/",
        "Disallow: /ko/preview/",
        "Disallow: /en/preview/",
        "Disallow: /ko/search/",
        "Disallow: /en/search/",
        f"Sitemap: {SERVER}/sitemap.xml",
    ):
        assert line in lines, line
    assert not [line for line in lines if line.startswith("Disallow: /ko/feeds")]
    assert timezone.now() == NOW  # the clock fixture holds
