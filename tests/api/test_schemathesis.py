"""The OpenAPI document is valid and the API answers as it says.

schemathesis generates requests from ``openapi.document()`` (valid ones and
invalid ones) and runs them through Django in-process, with no token and with
a desk token: no answer may be a server error, and every body must match the
schema documented for its status and media type. ``OPERATIONS`` lists what
is exercised: add an operation to test it. Random ids rarely hit a story, so
the stories that exist are also checked one by one.
"""

import json

import pytest
import schemathesis
from django.test.client import ClientHandler
from hypothesis import HealthCheck, settings
from jsonschema import Draft202012Validator
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from newszone.accounts.tokens import issue_token
from newszone.api import urls
from newszone.api.openapi import document
from newszone.articles.models import Article
from tests.factories import make_article, make_reporter, make_section, make_user

READ = [
    "GET /",
    "GET /openapi.json",
    "GET /docs/",
    "GET /articles/",
    "GET /articles/{id}/",
    "GET /sections/",
    "GET /sections/{slug}/",
    "GET /reporters/",
    "GET /reporters/{slug}/",
    "GET /tags/",
    "GET /photos/{id}/",
]
WRITE = [
    "POST /articles/",
    "PATCH /articles/{id}/",
    "POST /articles/{id}/{action}/",
    "POST /articles/{id}/schedule/",
    "POST /articles/{id}/photos/",
    "POST /photos/",
]
OPERATIONS = READ + WRITE
CHECKS = [not_a_server_error, response_schema_conformance]


HANDLER = ClientHandler(enforce_csrf_checks=False)


def wsgi_app(environ, start_response):
    """Django as a WSGI app, through the test client's handler: it keeps the
    test's database transaction open (no connection closing per request)."""
    response = HANDLER(environ)
    headers = [*response.items()]
    headers += [("Set-Cookie", c.output(header="")) for c in response.cookies.values()]
    start_response(f"{response.status_code} {response.reason_phrase}", headers)
    return [response.content]


schema = schemathesis.openapi.from_dict(document()).include(name=OPERATIONS)
schema.app = wsgi_app


@pytest.fixture
def desk_key(db):
    """Public stories with photos and tags, a draft, and an editor's token."""
    section = make_section("news")
    make_section("photo", parent=section)
    reporter = make_reporter(slug="lee")
    for n in range(3):
        make_article(section=section, reporters=[reporter], tags=["K-9"], photos=n % 2)
    make_article(section=section, published=False)
    return issue_token(make_user("editor"))[1]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_as_documented(case, desk_key):
    case.call_and_validate(checks=CHECKS)
    case.call_and_validate(
        checks=CHECKS, headers={"Authorization": f"Token {desk_key}"}
    )


@pytest.mark.parametrize("form", ["json", "ninjs"])
def test_existing_resources_match_their_schemas(desk_key, form):
    desk = {"Authorization": f"Token {desk_key}"}
    calls = [("/articles/", {}, {"format": form, "limit": 2})]
    calls += [
        ("/articles/{id}/", {"id": article.pk}, {"format": form})
        for article in Article.objects.all()
    ]
    calls += [
        ("/sections/{slug}/", {"slug": "photo"}, {}),
        ("/reporters/{slug}/", {"slug": "lee"}, {}),
    ]
    for path, found, query in calls:
        operation = schema[path]["GET"]
        for headers in ({}, desk):
            case = operation.Case(path_parameters=found, query=query, headers=headers)
            response = case.call_and_validate(checks=CHECKS)
            assert response.status_code in (200, 404), path  # 404: a draft, public


def test_the_document_is_valid_openapi_3_1():
    raw = json.loads(json.dumps(document()))
    schemathesis.openapi.from_dict(raw).validate()  # the OAS 3.1 meta-schema
    for body in raw["components"]["schemas"].values():
        Draft202012Validator.check_schema(body)
    ids = [
        op["operationId"]
        for item in raw["paths"].values()
        for method, op in item.items()
        if method != "parameters"
    ]
    assert len(ids) == len(set(ids))


def test_every_route_and_method_is_described():
    described = {
        path: set(item) - {"parameters"} for path, item in document()["paths"].items()
    }
    names = {"<id:pk>": "{id}", "<slug:slug>": "{slug}", "<str:action>": "{action}"}
    for pattern in urls.urlpatterns:
        route = "/" + str(pattern.pattern)
        for django, openapi in names.items():
            route = route.replace(django, openapi)
        assert route in described, route
    assert described["/articles/"] == {"get", "post"}
    assert described["/articles/{id}/"] == {"get", "patch"}
    assert described["/articles/{id}/schedule/"] == {"post"}
    assert described["/photos/"] == {"post"}


def test_the_document_is_served_and_docs_render(client):
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    raw = served.json()
    assert raw["servers"] == [{"url": "http://testserver/api/v1"}]
    assert raw["paths"] == json.loads(json.dumps(document()))["paths"]
    page = client.get("/api/v1/docs/")
    html = page.content.decode()
    assert page["Content-Type"] == "text/html; charset=utf-8"
    assert "<script" not in html and "https://cdn" not in html
    for op in ("listArticles", "updateArticle", "transitionArticle", "uploadPhoto"):
        assert f'id="{op}"' in html
    assert "/api/v1/articles/{id}/" in html
    assert 'href="#schema-Article"' in html and 'id="schema-Article"' in html
    assert (
        client.get("/api/v1/docs/", HTTP_IF_NONE_MATCH=page["ETag"]).status_code == 304
    )
