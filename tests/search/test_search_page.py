"""The reader's search page: settings from the URL, marked snippets, bad input."""

from xml.etree import ElementTree

import pytest
from django.utils.translation import override

from newszone.articles.services import publish_article, unpublish_article
from newszone.demo.loader import load_demo
from newszone.search import documents
from tests.factories import make_article, make_reporter, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


@pytest.fixture
def small():
    """Two indexed stories: enough for input-handling tests, cheaper than the demo."""
    stories = [
        make_article(headline="Defense talks in Ankara", body="<p>Talks went on.</p>"),
        make_article(
            language="ko", headline="송영무 장관 회담", body="<p>송영무는 말했다.</p>"
        ),
    ]
    documents.index_objects("articles", [s.pk for s in stories])
    return stories


def test_finds_the_sample_story_in_korean_with_marks(client, demo):
    html = client.get("/ko/search/", {"q": "송영무"}).content.decode()
    assert "한·터키 국방장관회담" in html
    assert "<mark>송영무</mark>" in html


def test_finds_the_sample_story_in_english(client, demo):
    response = client.get("/en/search/", {"q": "defense talks"})
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "Republic of Korea–Turkey <mark>Defense</mark> <mark>Talks</mark> in Turkey"
        in html
    )


def test_language_setting(client, demo):
    html = client.get("/en/search/", {"q": "K-9", "lang": "all"}).content.decode()
    assert "K-9" in html and "한·터키" in html
    html = client.get("/en/search/", {"q": "K-9"}).content.decode()
    assert "한·터키" not in html


def test_every_setting_from_the_url(client):
    zone = make_section("zone")
    photo_news = make_section("photo", parent=zone)
    maeng = make_reporter(slug="maeng", name_ko="맹수열", name_en="Su-Yeol, Maeng")
    target = make_article(
        section=photo_news,
        headline="Drill report",
        photos=1,
        body="<p>Navy drill in the East Sea.</p>",
        reporters=[maeng],
    )
    other = make_article(
        section=make_section(), headline="Other drill", body="<p>Army.</p>"
    )
    documents.index_objects("articles", [target.pk, other.pk])
    params = {
        "q": "drill",
        "scope": "all",
        "q2": "navy",
        "op": "and",
        "reporter": "맹수열",
        "from": "2000-01-01",
        "to": "2100-01-01",
        "section": "zone",
        "lang": "en",
        "photo": "1",
        "sort": "newest",
        "page": "1",
    }
    html = client.get("/en/search/", params).content.decode()
    assert "1 story found" in html and "<mark>Drill</mark> report" in html
    for name, value in (("section", "nonexistent"),):
        assert client.get("/en/search/", {**params, name: value}).status_code == 400
    html = client.get("/en/search/", {**params, "reporter": "Nobody"}).content.decode()
    assert "0 stories found" in html and "Nothing matched" in html
    assert target.pk


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"unbalanced',
        "*",
        "talk*",
        "NEAR(a b)",
        "title:x",
        "a:b:c",
        "((a)",
        ")",
        "' OR 1=1 --",
        "; DROP TABLE articles_article;",
        "\x00\x01\x1f",
        "\u200b\u200d",
        "AND OR NOT",
        "^",
        "{title_terms}: x",
        "x" * 10_000,
        "송영무" * 3000,
        "-",
        "+",
    ],
)
def test_hostile_queries_never_break(client, small, q):
    response = client.get("/ko/search/", {"q": q, "q2": q})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a", "from": "2020-05-01", "to": "2019-01-01"},
        {"q": "a", "from": "yesterday"},
        {"q": "a", "from": "9999-12-31"},
        {"q": "a", "page": "abc"},
        {"q": "a", "page": "0"},
        {"q": "a", "scope": "everything"},
        {"q": "a", "sort": "random"},
        {"q": "a", "lang": "fr"},
        {"q": "a", "page": "999999999"},
        {"q": "a", "period": "decade"},
    ],
)
def test_bad_settings_get_a_clear_400_or_a_normal_page(client, small, params):
    response = client.get("/en/search/", params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert 'class="form-error"' in response.content.decode()


def test_impossible_date_range_says_why(client, small):
    response = client.get(
        "/en/search/", {"q": "talks", "from": "2020-05-01", "to": "2019-01-01"}
    )
    assert response.status_code == 400
    assert "The start date is after the end date." in response.content.decode()


def test_period_preset(client, demo):
    html = client.get("/en/search/", {"q": "talks", "period": "day"}).content.decode()
    assert "Republic of Korea–Turkey" in html  # the sample went out an hour ago
    old = make_article(headline="Ancient talks", hours_ago=24 * 40)
    documents.index_objects("articles", [old.pk])
    html = client.get(
        "/en/search/", {"q": "ancient", "period": "month"}
    ).content.decode()
    assert "0 stories found" in html


def test_published_story_searchable_unpublished_gone_at_once(
    client, django_capture_on_commit_callbacks
):
    story = make_article(headline="Brand new frigate", published=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(story)
    assert (
        "1 story found" in client.get("/en/search/", {"q": "frigate"}).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=False):  # the worker has not run
        unpublish_article(story)
    assert (
        "0 stories found"
        in client.get("/en/search/", {"q": "frigate"}).content.decode()
    )


def test_header_box_and_opensearch(client, demo):
    html = client.get("/en/").content.decode()
    assert 'action="/en/search/"' in html
    assert 'rel="search" type="application/opensearchdescription+xml"' in html
    response = client.get("/en/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://a9.com/-/spec/opensearch/1.1/}OpenSearchDescription"
    assert 0 < len(root.find("os:ShortName", ns).text) <= 16
    assert root.find("os:LongName", ns).text == "The Korea Defense Daily"
    assert len(root.find("os:Description", ns).text) <= 1024
    templates = [u.get("template") for u in root.findall("os:Url", ns)]
    assert "http://testserver/en/search/?q={searchTerms}&page={startPage?}" in templates


def test_desk_search_finds_drafts(admin_client):
    draft = make_article(headline="Unreleased corvette plan", published=False)
    documents.index_objects("articles", [draft.pk])
    with override("en"):
        html = admin_client.get(
            "/desk/articles/article/", {"q": "corvettes"}
        ).content.decode()
    assert "Unreleased corvette plan" in html
