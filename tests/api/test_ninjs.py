"""ninjs 2.3: valid against IPTC's schema for every kind of story, and chosen
by ``?format=`` or the Accept header."""

import json
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from django.utils.translation import override
from jsonschema import Draft202012Validator, FormatChecker

from newszone.accounts.tokens import issue_token
from newszone.articles.models import (
    Article,
    ArticlePhoto,
    ArticleType,
    Correction,
    Status,
)
from newszone.articles.services import link_translations
from tests.factories import (
    make_article,
    make_photo,
    make_reporter,
    make_section,
    make_user,
)
from tests.shared_files import STANDARDS

pytestmark = pytest.mark.django_db

SCHEMA = STANDARDS / "ninjs" / "ninjs-schema_2.3.json"
NINJS = "application/ninjs+json"


# jsonschema checks "date-time" and "uri" only with optional packages; these
# stand in for them: RFC 3339 with a time zone, and absolute URIs without spaces.
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value):
    moment = datetime.fromisoformat(value)
    return "T" in value and moment.tzinfo is not None


@FORMATS.checks("uri")
def is_uri(value):
    return bool(urlsplit(value).scheme) and not any(c.isspace() for c in value)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FORMATS)


def assert_valid(validator, item):
    errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.fixture
def stories():
    """A Korean photo story and its English translation, with everything."""
    section = make_section("defense", name_en="Defense", name_ko="국방")
    maeng = make_reporter(
        slug="maeng",
        name_ko="맹수열",
        name_en="Su-Yeol, Maeng",
        email="maeng@example.com",
    )
    kim = make_reporter(slug="kim", name_ko="김기자", name_en="Ki-ja, Kim")
    korean = make_article(
        section=section,
        language="ko",
        headline="튀르키예서 방산 협력 논의",
        alternate_headline="K-9 수출 확대",
        deck="국방부는 양국이 협력하기로 했다고 밝혔다.",
        body="<p>첫 문단입니다 &amp; 계속.</p><p>둘째 문단.</p>",
        reporters=[maeng, kim],
        tags=["K-9", "방산"],
        article_type="analysis",
        copyright_line="저작권자 © 뉴스존",
    )
    photo = make_photo(
        creator="이지은",
        copyright_notice="© 뉴스존",
        city="Ankara",
        country="Türkiye",
        taken_at=timezone.now() - timedelta(days=1),
    )
    ArticlePhoto.objects.create(article=korean, photo=photo, caption="회담 장면")
    ArticlePhoto.objects.create(article=korean, photo=make_photo(), position=1)
    Correction.objects.create(article=korean, text="이름을 바로잡습니다.")
    Correction.objects.create(article=korean, kind="update", text="사진 추가.")
    english = make_article(
        section=section,
        headline="Defense talks in Türkiye",
        reporters=[maeng],
        tags=["K-9"],
        photos=1,
    )
    link_translations(korean, english)
    bare = make_article(section=section, body="", deck="")
    return {"korean": korean, "english": english, "bare": bare}


def ninjs(client, article, **headers):
    response = client.get(f"/api/v1/articles/{article.pk}/?format=ninjs", **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == NINJS
    return response.json()


def test_every_story_validates(client, stories, validator):
    for story in stories.values():
        assert_valid(validator, ninjs(client, story))
    page = client.get("/api/v1/articles/", {"format": "ninjs"}).json()
    assert len(page["results"]) == 3
    for item in page["results"]:
        assert_valid(validator, item)
    # The validator is not toothless: formats and unknown properties count.
    for broken in ({"versioncreated": "2026-03-01 09:00"}, {"keywords": ["K-9"]}):
        assert list(validator.iter_errors({**item, **broken}))


def test_a_korean_story_maps_onto_ninjs(client, stories, validator):
    item = ninjs(client, stories["korean"])
    korean, english = stories["korean"], stories["english"]
    assert item["uri"] == f"http://testserver/api/v1/articles/{korean.pk}/"
    assert item["type"] == "text"
    assert item["language"] == "ko"
    assert item["pubstatus"] == "usable"
    assert item["version"] == str(korean.version)
    assert item["standard"]["version"] == "2.3"
    assert item["headlines"] == [
        {"role": "main", "value": "튀르키예서 방산 협력 논의"},
        {"role": "alternate", "value": "K-9 수출 확대"},
    ]
    assert item["descriptions"] == [
        {"role": "summary", "value": korean.deck, "contenttype": "text/plain"},
        {
            "role": "correction",
            "value": "이름을 바로잡습니다.",
            "contenttype": "text/plain",
        },
        {"role": "update", "value": "사진 추가.", "contenttype": "text/plain"},
    ]
    body = item["bodies"][0]
    assert body["contenttype"] == "text/html" and body["value"] == korean.body
    assert body["charcount"] == len("첫 문단입니다 & 계속. 둘째 문단.")
    assert body["wordcount"] == 6  # "&" too: words are what spaces divide
    assert item["by"] == "맹수열, 김기자"
    assert item["people"][0] == {
        "name": "맹수열",
        "rel": "author",
        "literal": "maeng",
        "uri": "http://testserver/ko/reporter/maeng/",
        "contactinfo": [{"type": "email", "value": "maeng@example.com"}],
    }
    assert [(s["rel"], s["name"]) for s in item["subjects"]] == [
        ("section", "국방"),
        ("keyword", "K-9"),
        ("keyword", "방산"),
    ]
    with override("ko"):
        label = str(ArticleType.ANALYSIS.label)
    assert item["genres"] == [{"name": label, "literal": "analysis"}]
    assert item["copyrightnotice"] == "저작권자 © 뉴스존"
    pictures = [a for a in item["associations"] if a["type"] == "picture"]
    assert [p["name"] for p in pictures] == ["picture1", "picture2"]
    lead = pictures[0]
    assert lead["by"] == "Photo credit"
    assert lead["people"] == [{"name": "이지은", "rel": "photographer"}]
    assert lead["located"] == "Ankara, Türkiye"
    assert {
        "role": "caption",
        "value": "회담 장면",
        "contenttype": "text/plain",
    } in lead["descriptions"]
    rendition = lead["renditions"][0]
    assert set(rendition) == {"name", "href", "contenttype", "width", "height"}
    assert rendition["href"].startswith("http://testserver/photos/")
    assert client.get(rendition["href"]).status_code == 200
    translation = next(a for a in item["associations"] if a["name"] == "translation")
    assert translation["uri"] == f"http://testserver/api/v1/articles/{english.pk}/"
    assert translation["language"] == "en"
    assert "embargoed" not in item


def test_desk_only_states_map_to_pubstatus(client, stories, validator):
    headers = {"HTTP_AUTHORIZATION": f"Token {issue_token(make_user('chief'))[1]}"}
    later = timezone.now() + timedelta(hours=3)
    cases = {
        Status.SCHEDULED: ("withheld", True),
        Status.DRAFT: ("withheld", False),
        Status.UNPUBLISHED: ("withheld", False),
        Status.KILLED: ("canceled", False),
    }
    story = stories["english"]
    for status, (pubstatus, embargoed) in cases.items():
        changes = {"status": status, "publish_at": later if embargoed else None}
        Article.objects.filter(pk=story.pk).update(**changes)
        item = ninjs(client, story, **headers)
        assert_valid(validator, item)
        assert item["pubstatus"] == pubstatus, status
        assert ("embargoed" in item) == embargoed, status
        # The public never sees it, so never learns its state.
        assert (
            client.get(f"/api/v1/articles/{story.pk}/?format=ninjs").status_code == 404
        )


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        ("", "", "application/json"),
        ("", "*/*", "application/json"),
        ("", NINJS, NINJS),
        ("", f"{NINJS}, application/json;q=0.5", NINJS),
        ("", f"application/json, {NINJS};q=0.5", "application/json"),
        ("", "text/html", "application/json"),  # nothing we make: JSON anyway
        ("?format=ninjs", "application/json", NINJS),
        ("?format=json", NINJS, "application/json"),
    ],
)
def test_content_negotiation(client, stories, query, accept, expected):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    url = f"/api/v1/articles/{stories['english'].pk}/{query}"
    response = client.get(url, **headers)
    assert response["Content-Type"] == expected
    assert ("uri" in response.json()) == (expected == NINJS)
    listed = client.get(f"/api/v1/articles/{query}", **headers)
    assert listed["Content-Type"] == "application/json"  # a page is plain JSON
    first = listed.json()["results"][0]
    assert ("uri" in first) == (expected == NINJS)
