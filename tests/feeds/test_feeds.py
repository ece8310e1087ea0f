"""RSS, Atom and JSON Feed: what each format carries, read back by feedparser
and checked against the JSON Feed 1.1 schema; what they must never carry."""

import json
from datetime import datetime, timedelta
from urllib.parse import unquote

import feedparser
import jsonschema
import pytest
from django.utils.html import escape

from newszone.articles.services import add_correction
from newszone.feeds.entries import ENCLOSURE
from newszone.photos.models import Rendition
from newszone.taxonomy.models import Tag
from tests.factories import make_article, make_user
from tests.feeds.conftest import HIDDEN, KST, NOW

pytestmark = pytest.mark.django_db

FORMATS = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}
SERVER = "http://testserver"


def subjects(room):
    """Feed path (without the edition and file) → stories per edition, newest first."""
    harbour, hangman = (Tag.objects.get(name=n).slug for n in ("Harbour", "항만"))
    return {
        "": {
            "en": [room.en_lead, room.en_single, room.en_old],
            "ko": [room.ko_lead, room.ko_sports],
        },
        "section/economy/": {"en": [room.en_lead, room.en_old], "ko": [room.ko_lead]},
        "section/markets/": {"en": [room.en_lead], "ko": [room.ko_lead]},
        "reporter/kim-ji-eun/": {
            "en": [room.en_lead, room.en_old],
            "ko": [room.ko_lead],
        },
        f"tag/{harbour}/": {"en": [room.en_lead], "ko": []},
        f"tag/{hangman}/": {"en": [room.en_lead], "ko": [room.ko_lead]},
    }


def feed_cases(room, formats=FORMATS):
    for subject, editions in subjects(room).items():
        for language, stories in editions.items():
            for fmt in formats:
                url = f"/{language}/feeds/{subject}{FORMATS[fmt]}"
                yield url, fmt, [SERVER + s.get_absolute_url() for s in stories]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return parsed


def test_rss_and_atom_parse_cleanly_with_the_expected_entries(client, newsroom):
    for url, fmt, expected in feed_cases(newsroom, ("rss", "atom")):
        parsed = parse(client, url)
        assert parsed.version == ("rss20" if fmt == "rss" else "atom10"), url
        assert [entry.link for entry in parsed.entries] == expected, url
        assert [entry.id for entry in parsed.entries] == expected, url  # stable guid
        assert parsed.feed.language == url[1:3]


def test_json_feeds_validate_against_the_schema(client, newsroom, standards):
    schema = json.loads((standards / "jsonfeed" / "schema-v1.1.json").read_text())
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    for url, _fmt, expected in feed_cases(newsroom, ("json",)):
        response = client.get(url)
        assert response["Content-Type"] == "application/feed+json; charset=utf-8"
        document = response.json()
        errors = [error.message for error in validator.iter_errors(document)]
        assert errors == [], url
        assert document["version"] == "https://jsonfeed.org/version/1.1"
        assert unquote(document["feed_url"]) == SERVER + url
        assert document["language"] == url[1:3]
        assert [item["url"] for item in document["items"]] == expected, url
        assert [item["id"] for item in document["items"]] == expected, url


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_an_entry_carries_the_whole_story(client, newsroom, fmt):
    story = newsroom.en_lead
    entry = parse(client, f"/en/feeds/{FORMATS[fmt]}").entries[0]
    assert entry.title == "Markets rally on harbour deal"
    assert entry.summary == escape("Shares rose <sharply> & fast.")
    content = entry.content[0]
    assert content.type == "text/html"
    assert "<p>Shares rose in Seoul.</p>" in content.value
    assert "Corrections and updates" in content.value
    assert "The deal was signed on Friday." in content.value
    names = [author.name for author in entry.authors]
    assert names == ["Ji-eun, Kim", "Min-ho, Lee"]
    if fmt == "atom":  # RSS's dc:creator has no place for an address
        assert [a.href for a in entry.authors] == [
            f"{SERVER}/en/reporter/kim-ji-eun/",
            f"{SERVER}/en/reporter/lee-min-ho/",
        ]
    assert [tag.term for tag in entry.tags] == ["Markets", "Harbour", "항만"]
    published = story.published_at.astimezone(KST).replace(microsecond=0)
    assert entry.published_parsed[:6] == published.utctimetuple()[:6]
    # Updated when the correction was added (ten minutes after NOW), in KST.
    corrected = NOW + timedelta(minutes=10)
    assert entry.updated == corrected.isoformat()
    assert_enclosure(story, entry.enclosures)


def assert_enclosure(story, enclosures):
    photo = story.lead_photo.photo
    made = Rendition.objects.get(photo=photo, spec=ENCLOSURE.name)
    assert enclosures == [
        {
            "href": f"{SERVER}/photos/{photo.pk}/{photo.version}-16x9-1200.jpg",
            "length": str(made.size),
            "type": "image/jpeg",
        }
    ]
    assert made.size > 0


def test_the_enclosure_is_a_rendition_readers_can_fetch(client, newsroom):
    entry = parse(client, "/en/feeds/atom.xml").entries[0]
    response = client.get(entry.enclosures[0].href.removeprefix(SERVER))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    body = b"".join(response.streaming_content)
    assert len(body) == int(entry.enclosures[0].length)


def test_korean_feeds_name_people_and_sections_in_korean(client, newsroom):
    for fmt in ("rss", "atom"):
        entry = parse(client, f"/ko/feeds/{FORMATS[fmt]}").entries[0]
        assert entry.title == "항만 합의에 증시 상승"
        assert [author.name for author in entry.authors] == ["김지은", "이민호"]
        assert [tag.term for tag in entry.tags] == ["시장", "항만"]
    parsed = parse(client, "/ko/feeds/section/markets/atom.xml")
    assert parsed.feed.title == "시장 – 뉴스존"
    assert parse(client, "/ko/feeds/reporter/kim-ji-eun/rss.xml").feed.title == (
        "김지은 – 뉴스존"
    )


def test_a_json_feed_item(client, newsroom):
    story = newsroom.en_lead
    item = client.get("/en/feeds/feed.json").json()["items"][0]
    assert item["title"] == "Markets rally on harbour deal"
    assert item["summary"] == "Shares rose <sharply> & fast."  # plain text
    assert "The deal was signed on Friday." in item["content_html"]
    assert item["authors"] == [
        {"name": "Ji-eun, Kim", "url": f"{SERVER}/en/reporter/kim-ji-eun/"},
        {"name": "Min-ho, Lee", "url": f"{SERVER}/en/reporter/lee-min-ho/"},
    ]
    assert item["tags"] == ["Markets", "Harbour", "항만"]
    assert item["language"] == "en"
    published = datetime.fromisoformat(item["date_published"])
    assert published == story.published_at.replace(microsecond=0)
    assert item["date_published"].endswith("+09:00")
    assert item["date_modified"] == (NOW + timedelta(minutes=10)).isoformat()
    made = Rendition.objects.get(photo=story.lead_photo.photo, spec=ENCLOSURE.name)
    assert item["image"].endswith("-16x9-1200.jpg")
    assert item["attachments"] == [
        {"url": item["image"], "mime_type": "image/jpeg", "size_in_bytes": made.size}
    ]


def test_a_new_correction_shows_and_dates_the_entry(client, newsroom, clock):
    clock.shift(timedelta(hours=1))
    add_correction(newsroom.ko_lead, make_user("chief"), "기사 제목을 바로잡았다.")
    entry = parse(client, "/ko/feeds/atom.xml").entries[0]
    assert "정정 및 업데이트" in entry.content[0].value
    assert "기사 제목을 바로잡았다." in entry.content[0].value
    assert entry.updated == (NOW + timedelta(minutes=80)).isoformat()
    assert (
        "기사 제목을 바로잡았다."
        not in client.get("/en/feeds/atom.xml").content.decode()
    )


def test_no_hidden_story_in_any_feed(client, newsroom):
    photos = [f"/photos/{s.lead_photo.photo_id}/" for s in newsroom.hidden]
    links = [s.get_absolute_url() for s in newsroom.hidden]
    for url, _fmt, _expected in feed_cases(newsroom):
        text = client.get(url).content.decode()
        assert HIDDEN not in text, url
        assert not [p for p in photos if p in text], url
        assert not [link for link in links if link in text], url
    # A tag only hidden stories carry has a feed (as it has a page), empty.
    slug = Tag.objects.get(name=f"{HIDDEN}-only").slug
    for language in ("en", "ko"):
        document = client.get(f"/{language}/feeds/tag/{slug}/feed.json").json()
        assert document["items"] == []


def test_twenty_newest_stories(client, newsroom):
    for n in range(25):  # all newer than the fixture's stories
        make_article(section=newsroom.sports, headline=f"Story {n}", hours_ago=n / 60)
    document = client.get("/en/feeds/feed.json").json()
    assert [i["title"] for i in document["items"]] == [f"Story {n}" for n in range(20)]


@pytest.mark.parametrize(
    ("subject", "queries"),
    [
        # ETag time, publication, stories, bylines, photos, tags, corrections,
        # renditions; a subject adds its own lookup.
        ("", 8),
        ("section/economy/", 9),
        ("reporter/kim-ji-eun/", 9),
        ("tag/harbour/", 9),
    ],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_feed_runs_a_fixed_number_of_queries(
    client, newsroom, django_assert_num_queries, subject, queries, fmt
):
    url = f"/en/feeds/{subject}{FORMATS[fmt]}"
    client.get(url)  # makes any missing enclosure rendition, once
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    for hours in range(12):
        make_article(
            section=newsroom.markets,
            reporters=[newsroom.kim, newsroom.lee],
            tags=["Harbour", f"extra {hours}"],
            photos=1,
            hours_ago=hours + 1,
        )
    client.get(url)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_a_missing_enclosure_rendition_is_made_once(client, newsroom):
    Rendition.objects.all().delete()
    client.get("/en/feeds/rss.xml")
    made = Rendition.objects.filter(spec=ENCLOSURE.name)
    assert made.count() == 1  # the one lead photo among the English stories
    client.get("/en/feeds/atom.xml")
    client.get("/en/feeds/feed.json")
    assert made.count() == 1


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(
    "subject",
    ["section/no-such/", "reporter/no-such/", "tag/no-such/", "tag/없는태그/"],
)
def test_unknown_subjects_are_404(client, newsroom, fmt, language, subject):
    response = client.get(f"/{language}/feeds/{subject}{FORMATS[fmt]}")
    assert response.status_code == 404


@pytest.mark.parametrize("fmt", FORMATS)
def test_conditional_get(client, newsroom, clock, fmt):
    url = f"/en/feeds/section/economy/{FORMATS[fmt]}"
    first = client.get(url)
    cache = {part.strip() for part in first["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate", "s-maxage=60"} <= cache
    etag, modified = first["ETag"], first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    clock.shift(timedelta(minutes=5))
    add_correction(newsroom.en_old, make_user("chief"), "A name was misspelt.")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "A name was misspelt." in changed.content.decode()
    assert changed["ETag"] != etag


def test_feeds_are_read_only(client, newsroom):
    assert client.post("/en/feeds/rss.xml").status_code == 405
    assert client.head("/en/feeds/rss.xml").status_code == 200


def test_content_types(client, newsroom):
    types = {
        "rss": "application/rss+xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "json": "application/feed+json; charset=utf-8",
    }
    for fmt, filename in FORMATS.items():
        assert client.get(f"/ko/feeds/{filename}")["Content-Type"] == types[fmt]
