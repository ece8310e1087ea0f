"""Page metadata, read the way crawlers read it: the rendered HTML goes through
a real HTML parser (lxml), JSON-LD blocks through ``json.loads``.

Checked against Google's recommended Article properties and the schema.org
vocabulary in shared/standards/schema-org/, OpenGraph (https://ogp.me/) and
Twitter cards, and the canonical and hreflang links of every page type in
both editions.
"""

import io
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import lxml.etree
import lxml.html
import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from newszone.articles.models import ArticlePhoto
from newszone.articles.services import add_correction, link_translations
from newszone.photos.models import Photo
from newszone.publication.models import Publication
from tests.factories import (
    image_upload,
    make_article,
    make_reporter,
    make_section,
    make_user,
)
from tests.shared_files import STANDARDS

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
KST_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$")
LANGUAGES = ("ko", "en")
OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}
# Google's recommended Article properties (google-article-structured-data.md).
GOOGLE_RECOMMENDED = ("author", "dateModified", "datePublished", "headline", "image")


@dataclass
class Head:
    """What a crawler takes from a page: JSON-LD, meta properties and links."""

    ld: list = field(default_factory=list)
    properties: dict = field(default_factory=dict)  # og:*, article:* → [values]
    names: dict = field(default_factory=dict)  # description, twitter:* → [values]
    canonical: list = field(default_factory=list)
    hreflang: dict = field(default_factory=dict)  # code → [hrefs]

    def og(self, key):
        values = self.properties.get(key, [])
        assert len(values) <= 1, (key, values)
        return values[0] if values else None

    def name(self, key):
        values = self.names.get(key, [])
        assert len(values) <= 1, (key, values)
        return values[0] if values else None

    def of_type(self, schema_type):
        nodes = [n for block in self.ld for n in block.get("@graph", [block])]
        return [n for n in nodes if n.get("@type") == schema_type]


def parse(html: str) -> Head:
    doc = lxml.html.document_fromstring(html)
    head = Head()
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        head.ld.append(json.loads(script.text))
    for meta in doc.xpath("//head/meta[@property]"):
        head.properties.setdefault(meta.get("property"), []).append(meta.get("content"))
    for meta in doc.xpath("//head/meta[@name]"):
        head.names.setdefault(meta.get("name"), []).append(meta.get("content"))
    head.canonical = [
        link.get("href") for link in doc.xpath('//link[@rel="canonical"]')
    ]
    for link in doc.xpath('//head/link[@rel="alternate"][@hreflang]'):
        head.hreflang.setdefault(link.get("hreflang"), []).append(link.get("href"))
    return head


def fetch(client, url) -> Head:
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.content.decode())


def big_photo(size=(1600, 1000)) -> Photo:
    photo = Photo(caption="A caption", credit="Credit", alt_text="Soldiers at a gate")
    photo.image.save("big.jpg", image_upload(size=size), save=False)
    photo.save()
    return photo


@pytest.fixture
def newsroom():
    zone = make_section("news-zone", name_en="News Zone", name_ko="뉴스존")
    defense = make_section("defense", parent=zone, name_en="Defense", name_ko="국방")
    maeng = make_reporter(slug="maeng", name_ko="맹수열", name_en="Su-Yeol, Maeng")
    kim = make_reporter(slug="kim", name_ko="김기자", name_en="Gi-Ja, Kim")
    story = make_article(
        section=defense,
        reporters=[maeng, kim],
        tags=["K-9", "Turkey"],
        headline="Defense Talks in Turkey </script><!--",
        alternate_headline="Talks in Ankara",
        deck="Seoul and Ankara agree on howitzer parts.",
        hours_ago=3,
    )
    ArticlePhoto.objects.create(article=story, photo=big_photo(), position=0)
    korean = make_article(
        section=defense, reporters=[maeng], language="ko", headline="터키 국방 회담"
    )
    link_translations(story, korean)
    add_correction(story, make_user("chief"), "An earlier version misspelt Ankara.")
    return {
        "defense": defense,
        "maeng": maeng,
        "kim": kim,
        "story": story,
        "korean": korean,
    }


def absolute_urls(node, keys=("url", "item", "@id", "mainEntityOfPage", "image")):
    """Every URL-valued string in a JSON-LD tree, whatever its depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, str):
                yield value
            elif key in keys and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            yield from absolute_urls(value, keys)
    elif isinstance(node, list):
        for item in node:
            yield from absolute_urls(item, keys)


def path_of(url: str) -> str:
    assert url.startswith(SITE + "/"), url
    return url.removeprefix(SITE)


# NewsArticle ---------------------------------------------------------------


def test_news_article_has_googles_recommended_properties(client, newsroom):
    story = newsroom["story"]
    head = fetch(client, story.get_absolute_url())
    assert [block["@type"] for block in head.ld] == ["NewsArticle", "BreadcrumbList"]
    article = head.ld[0]
    assert article["@context"] == "https://schema.org"
    for name in GOOGLE_RECOMMENDED:
        assert article.get(name), name
    # </script> in a headline neither ends the block nor is mangled.
    assert article["headline"] == story.headline
    assert article["alternativeHeadline"] == "Talks in Ankara"
    assert article["description"] == story.deck
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Su-Yeol, Maeng",
            "url": f"{SITE}/en/reporter/maeng/",
        },
        {"@type": "Person", "name": "Gi-Ja, Kim", "url": f"{SITE}/en/reporter/kim/"},
    ]
    for person in article["author"]:
        assert client.get(path_of(person["url"])).status_code == 200


def test_news_article_dates_carry_the_kst_offset(client, newsroom):
    story = newsroom["story"]
    article = fetch(client, story.get_absolute_url()).ld[0]
    for key in ("datePublished", "dateModified"):
        assert KST_ISO.match(article[key]), article[key]
    published = story.published_at.replace(microsecond=0)  # shown to the second
    assert datetime.fromisoformat(article["datePublished"]) == published
    assert datetime.fromisoformat(article["dateModified"]) >= published
    note = article["correction"][0]
    assert note["@type"] == "CorrectionComment"
    assert note["text"] == "An earlier version misspelt Ankara."
    assert KST_ISO.match(note["datePublished"])


def test_news_article_images_are_the_three_crops_at_1200(client, newsroom):
    article = fetch(client, newsroom["story"].get_absolute_url()).ld[0]
    assert [url.rsplit("-", 2)[-2:] for url in article["image"]] == [
        ["16x9", "1200.jpg"],
        ["4x3", "1200.jpg"],
        ["1x1", "1200.jpg"],
    ]
    for url in article["image"]:
        assert client.get(path_of(url)).status_code == 200


def test_news_article_publisher_section_tags_and_copyright(client, newsroom):
    story = newsroom["story"]
    url = f"{SITE}{story.get_absolute_url()}"
    article = fetch(client, story.get_absolute_url()).ld[0]
    assert article["mainEntityOfPage"] == article["url"] == url
    assert article["inLanguage"] == "en"
    assert article["articleSection"] == "Defense"
    assert article["keywords"] == ["K-9", "Turkey"]
    assert article["isAccessibleForFree"] is True
    publisher = article["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Newszone" and publisher["url"] == f"{SITE}/en/"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject"
    assert (logo["width"], logo["height"]) == svg_size(path_of(logo["url"]))
    # Google's box for a publisher logo: 60 high, at most 600 wide.
    assert logo["height"] == 60 and logo["width"] <= 600
    assert article["copyrightHolder"]["@type"] == "Organization"
    assert article["copyrightHolder"]["@id"] == publisher["@id"]
    assert article["copyrightNotice"] == "Copyright Newszone, All rights reserved"
    assert all(u.startswith(SITE + "/") for u in absolute_urls(article))


def svg_size(url_path: str) -> tuple[int, int]:
    """The size a static SVG declares; the file must exist where the URL says."""
    found = finders.find(url_path.removeprefix("/static/"))
    assert found, url_path
    svg = lxml.etree.parse(found).getroot()
    return int(svg.get("width")), int(svg.get("height"))


def test_a_story_with_its_own_copyright_line_claims_no_holder(client, newsroom):
    story = make_article(section=newsroom["defense"], copyright_line="© Wire Agency")
    article = fetch(client, story.get_absolute_url()).ld[0]
    assert article["copyrightNotice"] == "© Wire Agency"
    assert "copyrightHolder" not in article


def test_a_story_without_byline_is_by_the_paper(client, newsroom):
    story = make_article(section=newsroom["defense"], language="ko")
    article = fetch(client, story.get_absolute_url()).ld[0]
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"] == "뉴스존"
    assert article["copyrightNotice"] == Publication().copyright_ko
    assert "image" not in article and "description" not in article


def test_news_article_properties_are_schema_org_properties_of_their_types(
    client, newsroom
):
    """Each property of a NewsArticle, Organization, Person or ImageObject
    is one schema.org gives that type (or a type it inherits from)."""
    vocabulary = schema_vocabulary()
    article = fetch(client, newsroom["story"].get_absolute_url()).ld[0]
    for node in nodes_of(article):
        allowed = vocabulary.get(node.get("@type"))
        if allowed is None:  # not in the news subset (CorrectionComment)
            continue
        unknown = {k for k in node if not k.startswith("@")} - allowed
        assert unknown == set(), (node["@type"], unknown)


def nodes_of(node):
    if isinstance(node, dict):
        if "@type" in node:
            yield node
        for value in node.values():
            yield from nodes_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from nodes_of(item)


def schema_vocabulary() -> dict[str, set[str]]:
    """Type → the properties schema.org allows on it, from the news subset."""
    path = STANDARDS / "schema-org" / "schemaorg-30.0-news-subset.jsonld"
    if not path.is_file():
        pytest.fail(f"No schema.org subset at {path}: set NEWSZONE_STANDARDS_DIR")
    graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]

    def ids(value):
        values = value if isinstance(value, list) else [value] if value else []
        return [v["@id"].removeprefix("schema:") for v in values]

    parents = {
        n["@id"].removeprefix("schema:"): ids(n.get("rdfs:subClassOf"))
        for n in graph
        if n["@type"] == "rdfs:Class"
    }
    domains = {}
    for n in graph:
        if n["@type"] == "rdf:Property":
            for domain in ids(n.get("schema:domainIncludes")):
                domains.setdefault(domain, set()).add(n["@id"].removeprefix("schema:"))

    def allowed(name):
        found = set(domains.get(name, ()))
        for parent in parents.get(name, ()):
            found |= allowed(parent)
        return found

    return {name: allowed(name) for name in parents}


def test_breadcrumb_list_runs_home_parent_section(client, newsroom):
    for story, names in (
        (newsroom["story"], ["Home", "News Zone", "Defense"]),
        (newsroom["korean"], ["홈", "뉴스존", "국방"]),
    ):
        (trail,) = fetch(client, story.get_absolute_url()).of_type("BreadcrumbList")
        items = trail["itemListElement"]
        assert [item["@type"] for item in items] == ["ListItem"] * 3
        assert [item["position"] for item in items] == [1, 2, 3]
        assert [item["name"] for item in items] == names
        prefix = f"{SITE}/{story.language}/"
        assert [item["item"] for item in items] == [
            prefix,
            prefix + "section/news-zone/",
            prefix + "section/defense/",
        ]


def test_section_page_has_its_breadcrumb_list(client, newsroom):
    head = fetch(client, "/ko/section/defense/")
    (trail,) = head.of_type("BreadcrumbList")
    assert [i["position"] for i in trail["itemListElement"]] == [1, 2, 3]
    assert trail["itemListElement"][-1]["item"] == f"{SITE}/ko/section/defense/"


# Home ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_is_a_searchable_website_of_the_organization(client, newsroom, language):
    head = fetch(client, f"/{language}/")
    (site,) = head.of_type("WebSite")
    (paper,) = head.of_type("Organization")
    assert site["url"] == f"{SITE}/{language}/"
    assert site["inLanguage"] == language
    assert site["publisher"] == {"@id": paper["@id"]}
    assert paper["name"] == Publication().name(language)
    assert paper["logo"]["@type"] == "ImageObject"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["query-input"] == "required name=search_term_string"
    template = action["target"]["urlTemplate"]
    assert template == f"{SITE}/{language}/search/?q={{search_term_string}}"
    searched = client.get(path_of(template.replace("{search_term_string}", "Turkey")))
    assert searched.status_code == 200


# OpenGraph and Twitter cards ------------------------------------------------


def test_article_share_card_has_the_wide_photo_and_article_properties(client, newsroom):
    story = newsroom["story"]
    head = fetch(client, story.get_absolute_url())
    canonical = f"{SITE}{story.get_absolute_url()}"
    assert head.og("og:type") == "article"
    assert head.og("og:title") == story.headline
    assert head.og("og:description") == story.deck == head.name("description")
    assert head.og("og:url") == canonical
    assert head.og("og:site_name") == "Newszone"
    assert head.og("og:locale") == "en_US"
    assert head.og("og:locale:alternate") == "ko_KR"
    image = head.og("og:image")
    assert image == head.ld[0]["image"][0] and "-16x9-1200.jpg" in image
    size = (int(head.og("og:image:width")), int(head.og("og:image:height")))
    assert size == (1200, 675) == served_size(client, path_of(image))
    assert head.og("og:image:alt") == "Soldiers at a gate"
    assert KST_ISO.match(head.og("article:published_time"))
    assert KST_ISO.match(head.og("article:modified_time"))
    assert head.og("article:section") == "Defense"
    assert head.properties["article:tag"] == ["K-9", "Turkey"]
    assert head.properties["article:author"] == [
        f"{SITE}/en/reporter/maeng/",
        f"{SITE}/en/reporter/kim/",
    ]
    assert head.name("twitter:card") == "summary_large_image"
    assert head.name("twitter:image") == image
    assert head.name("twitter:title") == story.headline


def served_size(client, path) -> tuple[int, int]:
    response = client.get(path)
    assert response.status_code == 200
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        return image.size


def test_article_without_photo_gets_a_summary_card(client, newsroom):
    story = make_article(section=newsroom["defense"], headline="No photo here")
    head = fetch(client, story.get_absolute_url())
    assert head.name("twitter:card") == "summary"
    assert head.og("og:image") is None and head.name("twitter:image") is None
    assert head.og("og:description") == "No photo here"  # no deck: the headline
    assert head.og("og:locale:alternate") is None  # no translation


LIST_PAGES = {
    "home": ("/{lang}/", None),
    "section": ("/{lang}/section/defense/", {"en": "Defense", "ko": "국방"}),
    "reporter": ("/{lang}/reporter/maeng/", {"en": "Su-Yeol, Maeng", "ko": "맹수열"}),
    "tag": ("/{lang}/tag/turkey/", {"en": "#Turkey", "ko": "#Turkey"}),
    "search": ("/{lang}/search/?q=Turkey", None),
    "corrections": ("/{lang}/corrections/", None),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", LIST_PAGES)
def test_list_pages_carry_a_website_share_card(client, newsroom, page, language):
    address, titles = LIST_PAGES[page]
    url = address.format(lang=language)
    head = fetch(client, url)
    assert head.og("og:type") == "website"
    assert head.og("og:title")
    if titles:
        assert head.og("og:title") == titles[language]
    assert head.og("og:url") == head.canonical[0]
    assert head.og("og:site_name") == Publication().name(language)
    assert head.og("og:locale") == OG_LOCALES[language]
    other = "en" if language == "ko" else "ko"
    assert head.og("og:locale:alternate") == OG_LOCALES[other]
    assert head.name("twitter:card") == "summary"
    assert head.name("twitter:title") == head.og("og:title")
    if page in ("section", "reporter", "tag", "corrections"):
        assert head.og("og:description") == head.name("description")
        assert head.name("twitter:description") == head.og("og:description")


def test_reporter_portrait_is_a_small_card(client, newsroom):
    maeng = newsroom["maeng"]
    maeng.photo.save("maeng.jpg", image_upload())
    head = fetch(client, "/en/reporter/maeng/")
    image = head.og("og:image")
    assert image == f"{SITE}{maeng.photo.url}"
    assert head.og("og:image:alt") == "Su-Yeol, Maeng"
    assert head.name("twitter:card") == "summary"


def test_reporter_bio_is_the_description(client, newsroom):
    maeng = newsroom["maeng"]
    maeng.bio_en = "Covers the defense ministry."
    maeng.save()
    head = fetch(client, "/en/reporter/maeng/")
    assert head.og("og:description") == "Covers the defense ministry."


# Canonical and hreflang ----------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", LIST_PAGES)
def test_list_pages_link_their_canonical_and_both_editions(
    client, newsroom, page, language
):
    asked = LIST_PAGES[page][0].format(lang=language)
    head = fetch(client, asked)
    url = asked.split("?")[0]  # search: the terms are not part of it
    assert head.canonical == [SITE + url]
    assert head.hreflang == {
        "ko": [SITE + url.replace(f"/{language}/", "/ko/", 1)],
        "en": [SITE + url.replace(f"/{language}/", "/en/", 1)],
        "x-default": [SITE + url.replace(f"/{language}/", "/ko/", 1)],
    }


def test_article_links_its_translation_both_ways(client, newsroom):
    en = f"{SITE}{newsroom['story'].get_absolute_url()}"
    ko = f"{SITE}{newsroom['korean'].get_absolute_url()}"
    expected = {"en": [en], "ko": [ko], "x-default": [ko]}
    english = fetch(client, en)
    korean = fetch(client, ko)
    assert (english.canonical, korean.canonical) == ([en], [ko])
    assert english.hreflang == korean.hreflang == expected
    assert korean.og("og:locale") == "ko_KR"
    assert korean.og("og:locale:alternate") == "en_US"


def test_article_without_public_translation_links_only_itself(client, newsroom):
    story = make_article(section=newsroom["defense"], headline="Alone")
    draft = make_article(
        section=newsroom["defense"],
        language="ko",
        published=False,
        headline="비공개 초안",
    )
    link_translations(story, draft)
    response = client.get(story.get_absolute_url())
    head = parse(response.content.decode())
    url = f"{SITE}{story.get_absolute_url()}"
    assert head.canonical == [url]
    assert head.hreflang == {"en": [url], "x-default": [url]}
    assert head.og("og:locale:alternate") is None
    # Nothing of the unpublished story: not its address, not its headline.
    page = response.content.decode()
    assert draft.get_absolute_url() not in page and "비공개 초안" not in page


def test_paginated_list_canonical_keeps_the_page(client, newsroom):
    for _ in range(21):
        make_article(section=newsroom["defense"])
    head = fetch(client, "/en/section/defense/?page=2&utm_source=x")
    assert head.canonical == [f"{SITE}/en/section/defense/?page=2"]
    assert head.hreflang["en"] == head.canonical
    # The Korean edition lists other stories: its first page, not its second.
    assert head.hreflang["ko"] == [f"{SITE}/ko/section/defense/"]
    first = fetch(client, "/en/section/defense/?page=1")
    assert first.canonical == [f"{SITE}/en/section/defense/"]


def test_search_canonical_is_the_search_page(client, newsroom):
    """Results are ``noindex``; their canonical is the bare search page, so
    the reader's words stay out of the links (see test_embargo_leak.py)."""
    response = client.get("/en/search/?q=Zorblaxian&sort=newest&page=1")
    head = parse(response.content.decode())
    assert head.canonical == [f"{SITE}/en/search/"]
    assert head.hreflang["ko"] == [f"{SITE}/ko/search/"]
    links = [*head.canonical, *sum(head.hreflang.values(), [])]
    links += [v for values in head.properties.values() for v in values]
    assert not [link for link in links if "Zorblaxian" in link]


def test_korean_addresses_are_percent_encoded(client, newsroom):
    story = make_article(section=newsroom["defense"], language="ko", tags=["국방 외교"])
    tag = story.tags.get()
    head = fetch(client, f"/ko/tag/{tag.slug}/")
    (canonical,) = head.canonical
    assert canonical.isascii() and "%EA%B5%AD" in canonical
    assert client.get(path_of(canonical)).status_code == 200
    assert head.hreflang["en"] == [canonical.replace("/ko/", "/en/")]


def test_not_found_pages_claim_no_canonical(client, newsroom):
    response = client.get("/en/section/nope/")
    assert response.status_code == 404
    head = parse(response.content.decode())
    assert head.canonical == [] and head.hreflang == {} and head.properties == {}


# Queries -------------------------------------------------------------------


def test_metadata_adds_no_query_per_tag_author_or_correction(client, newsroom):
    """The article page's count is fixed in test_frontend_pages.py; here: it
    does not grow with what the metadata lists."""

    def queries(story):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(story.get_absolute_url()).status_code == 200
        return len(captured)

    plain = make_article(
        section=newsroom["defense"], reporters=[newsroom["kim"]], tags=["solo"]
    )
    rich = make_article(
        section=newsroom["defense"],
        reporters=[make_reporter() for _ in range(4)],
        tags=[f"tag {n}" for n in range(6)],
        photos=3,
    )
    chief = make_user("chief")
    for n in range(3):
        add_correction(rich, chief, f"Note {n}.")
    assert queries(rich) == queries(plain)
