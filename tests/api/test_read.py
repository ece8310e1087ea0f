"""The read API: filters, cursor pagination, visibility, caching, the taxonomy."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from newszone.accounts.tokens import issue_token
from newszone.api.common import article_etag
from newszone.api.openapi import document
from newszone.articles.models import Article, Correction, Status
from newszone.articles.services import link_translations
from tests.factories import make_article, make_reporter, make_section, make_user

pytestmark = pytest.mark.django_db

LIST = "/api/v1/articles/"


def detail(article) -> str:
    return f"/api/v1/articles/{article.pk}/"


def token_headers(role) -> dict:
    """Authorization for a new user holding ``role`` (None: no desk role)."""
    return {"HTTP_AUTHORIZATION": f"Token {issue_token(make_user(role))[1]}"}


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def set_state(article, **changes):
    Article.objects.filter(pk=article.pk).update(**changes)
    article.refresh_from_db()
    return article


@pytest.fixture
def paper():
    news = make_section("news", name_en="News", name_ko="뉴스")
    photo = make_section("photo", parent=news, name_en="Photo", name_ko="포토")
    sports = make_section("sports", name_en="Sports", name_ko="스포츠")
    lee = make_reporter(slug="lee", email="lee@example.com")
    kim = make_reporter(slug="kim")
    stories = {
        "news_ko": make_article(
            section=news, language="ko", reporters=[lee], tags=["국방"], hours_ago=5
        ),
        "photo_en": make_article(
            section=photo, reporters=[kim, lee], tags=["K-9"], photos=1, hours_ago=4
        ),
        "sports_en": make_article(section=sports, reporters=[kim], hours_ago=3),
    }
    return {"news": news, "photo": photo, "lee": lee, "kim": kim, **stories}


@pytest.fixture
def hidden(paper):
    """A draft, a scheduled story, an embargoed one: no reader may see them."""
    later = timezone.now() + timedelta(hours=2)
    draft = make_article(
        section=paper["news"], published=False, language="ko", tags=["비밀"]
    )
    scheduled = set_state(
        make_article(section=paper["news"], published=False),
        status=Status.SCHEDULED,
        publish_at=later,
        embargo_until=later,
    )
    embargoed = set_state(make_article(section=paper["news"]), embargo_until=later)
    return {"draft": draft, "scheduled": scheduled, "embargoed": embargoed}


# -- the list and its filters ----------------------------------------------------


def test_list_is_newest_change_first(client, paper):
    set_state(paper["news_ko"], updated_at=timezone.now() + timedelta(minutes=1))
    expected = [paper[k].pk for k in ("news_ko", "sports_en", "photo_en")]
    assert ids(client.get(LIST)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"section": "news"}, {"news_ko", "photo_en"}),  # with its subsection
        ({"section": "photo"}, {"photo_en"}),
        ({"language": "ko"}, {"news_ko"}),
        ({"language": "en"}, {"photo_en", "sports_en"}),
        ({"reporter": "lee"}, {"news_ko", "photo_en"}),
        ({"reporter": "kim"}, {"photo_en", "sports_en"}),
        ({"tag": "K-9"}, {"photo_en"}),
        ({"tag": "국방"}, {"news_ko"}),
        ({"tag": "no-such-tag"}, set()),
        ({"section": "news", "language": "en"}, {"photo_en"}),
    ],
)
def test_each_filter_changes_the_results(client, paper, query, expected):
    assert set(ids(client.get(LIST, query))) == {paper[k].pk for k in expected}
    assert len(ids(client.get(LIST))) == 3


def test_reporter_filter_takes_an_id(client, paper):
    found = ids(client.get(LIST, {"reporter": str(paper["kim"].pk)}))
    assert set(found) == {paper["photo_en"].pk, paper["sports_en"].pk}


def test_updated_since_lists_later_changes_oldest_first(client, paper):
    now = timezone.now()
    set_state(paper["sports_en"], updated_at=now - timedelta(days=2))
    set_state(paper["news_ko"], updated_at=now + timedelta(minutes=2))
    set_state(paper["photo_en"], updated_at=now + timedelta(minutes=1))
    since = (now - timedelta(days=1)).isoformat()
    assert ids(client.get(LIST, {"updated_since": since})) == [
        paper["photo_en"].pk,
        paper["news_ko"].pk,
    ]
    # "+09:00" typed into a URL arrives as " 09:00": still understood.
    moment = timezone.localtime(now - timedelta(days=1)).replace(microsecond=0)
    typed = moment.isoformat().replace("+", " ")
    assert len(ids(client.get(f"{LIST}?updated_since={typed}"))) == 2


@pytest.mark.parametrize("since", [None, "2000-01-01T00:00:00Z"])
def test_cursor_walks_every_story_once(client, since):
    section = make_section()
    made = {make_article(section=section, hours_ago=n).pk for n in range(1, 12)}
    # Ties on updated_at are ordered by id.
    Article.objects.filter(pk__in=list(made)[:4]).update(updated_at=timezone.now())
    url, seen, pages = f"{LIST}?limit=3", [], 0
    if since:
        url += f"&updated_since={since}"
    while url:
        response = client.get(url)
        body = response.json()
        seen += [item["id"] for item in body["results"]]
        url, pages = body["next"], pages + 1
        if url:
            assert response["Link"] == f'<{url}>; rel="next"'
            assert "limit=3" in url
        else:
            assert "Link" not in response
    assert sorted(seen) == sorted(made)
    assert len(seen) == len(set(seen)) == 11
    assert pages == 4


def test_limit_defaults_to_20_and_stops_at_100(client):
    section = make_section()
    for n in range(21):
        make_article(section=section, hours_ago=n + 1)
    assert len(ids(client.get(LIST))) == 20
    assert client.get(LIST)["Link"]
    assert len(ids(client.get(LIST, {"limit": "100"}))) == 21


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("limit", "0"),
        ("limit", "101"),
        ("limit", "ten"),
        ("limit", "²"),
        ("language", "fr"),
        ("section", "no-such-section"),
        ("reporter", "nobody"),
        ("reporter", "999999999999999999999999"),
        ("updated_since", "yesterday"),
        ("updated_since", "2026-13-01T00:00:00Z"),
        ("updated_since", "2026-03-01T09:00:00"),  # no time zone
        ("updated_since", "0001-01-01T00:00:00+09:00"),  # before year 1 in UTC
        ("cursor", "garbage"),
        ("cursor", "WyJ4IiwgMSwgImQiXQ"),  # base64 JSON, not a position
        ("format", "xml"),
    ],
)
def test_bad_parameters_are_400_problems_naming_them(client, paper, name, value):
    response = client.get(LIST, {name: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert list(problem["errors"]) == [name]
    assert problem["detail"].startswith(f"{name}:")


def test_a_cursor_belongs_to_its_order(client, paper):
    first = client.get(LIST, {"limit": 1}).json()["next"]
    cursor = first.split("cursor=")[1].split("&")[0]
    since = {"updated_since": "2000-01-01T00:00:00Z", "cursor": cursor}
    response = client.get(LIST, since)
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


def test_list_queries_do_not_grow_with_the_page(
    client, paper, django_assert_num_queries
):
    def read_both():
        assert client.get(LIST, {"format": "ninjs"}).status_code == 200
        assert client.get(LIST).status_code == 200

    with CaptureQueriesContext(connection) as few:
        read_both()
    for n in range(6):
        make_article(
            section=paper["photo"], reporters=[paper["lee"]], tags=[f"t{n}"], photos=1
        )
    with django_assert_num_queries(len(few)):
        read_both()


# -- one article -------------------------------------------------------------------


def test_article_json_has_every_field(client, paper):
    story = paper["photo_en"]
    Correction.objects.create(article=story, text="A name was misspelt.")
    body = client.get(detail(story)).json()
    schema = document()["components"]["schemas"]["Article"]
    desk_only = {"publish_at", "embargo_until"}
    assert set(body) == set(schema["properties"]) - desk_only
    assert body["section"] == {
        "slug": "photo",
        "name": "Photo",
        "url": "http://testserver/api/v1/sections/photo/",
    }
    assert [r["slug"] for r in body["reporters"]] == ["kim", "lee"]
    assert body["reporters"][1]["email"] == "lee@example.com"
    assert body["tags"] == ["K-9"]
    assert body["corrections"][0]["kind"] == "correction"
    assert body["web_url"] == f"http://testserver/en/article/{story.pk}/"
    photo = body["photos"][0]
    assert photo["alt_text"] == "Alt text"
    assert all(
        url.startswith("http://testserver/photos/")
        for url in photo["renditions"].values()
    )
    # The renditions are real: a reader can fetch them.
    assert client.get(photo["renditions"]["orig-320.jpg"]).status_code == 200


def test_translation_shows_only_when_readers_can_see_it(client, paper, hidden):
    story = paper["photo_en"]
    link_translations(story, hidden["draft"])
    assert client.get(detail(story)).json()["translation"] is None
    desk = client.get(detail(story), **token_headers("editor")).json()
    assert desk["translation"]["id"] == hidden["draft"].pk
    link_translations(story, paper["news_ko"])
    translation = client.get(detail(story)).json()["translation"]
    assert translation["language"] == "ko"
    assert (
        translation["url"]
        == f"http://testserver/api/v1/articles/{paper['news_ko'].pk}/"
    )


# -- visibility ---------------------------------------------------------------------


def test_unpublished_stories_are_invisible_to_the_public(client, paper, hidden):
    public = {paper[k].pk for k in ("news_ko", "photo_en", "sports_en")}
    assert set(ids(client.get(LIST))) == public
    for story in hidden.values():
        response = client.get(detail(story))
        assert response.status_code == 404
        assert "no-store" in response["Cache-Control"]  # it may go public later
    tags = [t["name"] for t in client.get("/api/v1/tags/").json()["results"]]
    assert "비밀" not in tags  # a tag used only by a draft can be news itself


@pytest.mark.parametrize("role", ["reporter", "editor", "chief"])
def test_a_desk_token_sees_everything(client, paper, hidden, role):
    headers = token_headers(role)
    listed = set(ids(client.get(LIST, **headers)))
    assert {story.pk for story in hidden.values()} <= listed
    response = client.get(detail(hidden["scheduled"]), **headers)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["ETag"] == article_etag(hidden["scheduled"])
    body = response.json()
    assert body["status"] == "scheduled"
    assert body["embargo_until"] and body["publish_at"]
    tags = [t["name"] for t in client.get("/api/v1/tags/", **headers).json()["results"]]
    assert "비밀" in tags


@pytest.mark.parametrize("role", ["admin", None])
def test_a_token_without_a_desk_role_reads_as_the_public(client, paper, hidden, role):
    headers = token_headers(role)
    assert len(ids(client.get(LIST, **headers))) == 3
    response = client.get(detail(hidden["draft"]), **headers)
    assert response.status_code == 404
    public = client.get(detail(paper["news_ko"]), **headers)
    assert "embargo_until" not in public.json()
    assert public["Cache-Control"] == "public, max-age=60"


def test_a_bad_token_is_refused(client, paper):
    response = client.get(LIST, HTTP_AUTHORIZATION="Token nz_nope_nope")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_other_methods_are_405_with_allow(client):
    response = client.delete(LIST)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert client.post("/api/v1/tags/").status_code == 405


def test_a_huge_id_is_simply_not_found(client):
    assert client.get("/api/v1/articles/99999999999999999999999/").status_code == 404


# -- caching -------------------------------------------------------------------


def test_article_validators_and_304(client, paper):
    story = paper["news_ko"]
    response = client.get(detail(story))
    assert response["ETag"] == article_etag(story)
    assert response["Cache-Control"] == "public, max-age=60"
    assert {"Accept", "Authorization"} <= {
        v.strip() for v in response["Vary"].split(",")
    }
    last_modified = response["Last-Modified"]
    assert last_modified == http_date(int(story.updated_at.timestamp()))
    again = client.get(detail(story), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == response["ETag"] and not again.content
    since = client.get(detail(story), HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304
    stale = client.get(detail(story), HTTP_IF_NONE_MATCH='"article-1-v999"')
    assert stale.status_code == 200
    ninjs = client.get(
        detail(story), {"format": "ninjs"}, HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert ninjs.status_code == 304


def test_head_answers_like_get_without_a_body(client, paper):
    for url in (detail(paper["news_ko"]), LIST, "/api/v1/sections/", "/api/v1/"):
        got, head = client.get(url), client.head(url)
        assert head.status_code == 200 and not head.content
        assert head["ETag"] == got["ETag"]
        assert head["Content-Type"] == got["Content-Type"]


def test_list_validators_change_with_the_content(client, paper):
    first = client.get(LIST)
    assert first["Last-Modified"] and first["ETag"]
    assert client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    later = http_date(int((timezone.now() + timedelta(minutes=5)).timestamp()))
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=later).status_code == 304
    set_state(paper["sports_en"], status=Status.UNPUBLISHED, updated_at=timezone.now())
    second = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert len(ids(second)) == 2


# -- sections, reporters, tags, the index -------------------------------------------


def test_sections_with_counts_of_public_stories(client, paper, hidden):
    sections = {s["slug"]: s for s in client.get("/api/v1/sections/").json()["results"]}
    assert sections["news"]["article_count"] == 2  # its own and its subsection's
    assert sections["photo"]["article_count"] == 1
    assert sections["photo"]["parent"] == "news"
    one = client.get("/api/v1/sections/news/").json()
    assert [c["slug"] for c in one["children"]] == ["photo"]
    assert client.get("/api/v1/sections/photo/").json()["ancestors"] == ["news"]
    assert client.get(one["articles"]).json()["results"]
    assert client.get("/api/v1/sections/nope/").status_code == 404


def test_reporters_by_slug_or_id(client, paper):
    listed = {r["slug"]: r for r in client.get("/api/v1/reporters/").json()["results"]}
    assert listed["lee"]["article_count"] == 2
    assert listed["kim"]["name_ko"]
    by_id = client.get(f"/api/v1/reporters/{paper['kim'].pk}/").json()
    assert by_id == client.get("/api/v1/reporters/kim/").json()
    assert set(ids(client.get(by_id["articles"]))) == {
        paper["photo_en"].pk,
        paper["sports_en"].pk,
    }
    assert client.get("/api/v1/reporters/nobody/").status_code == 404


def test_tags_with_counts(client, paper):
    tags = client.get("/api/v1/tags/").json()["results"]
    assert [(t["name"], t["article_count"]) for t in tags] == [("K-9", 1), ("국방", 1)]
    assert ids(client.get(tags[1]["articles"])) == [paper["news_ko"].pk]


def test_index_links_every_resource(client):
    index = client.get("/api/v1/").json()
    for name in ("articles", "sections", "reporters", "tags", "openapi", "docs"):
        response = client.get(index[name])
        assert response.status_code == 200, name
        # Every public read can be revalidated, by ETag and by date.
        assert response["ETag"] and response["Last-Modified"], name
        assert response["Cache-Control"] == "public, max-age=60", name
