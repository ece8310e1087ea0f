"""A small newsroom for the feed and sitemap tests, on a fixed clock (KST).

Public stories in both editions, a translation pair, a subsection, corrections
and photos; and hidden stories (draft, scheduled, under embargo, dated in the
future, unpublished, killed) that share their section, reporter and tag, so a
leak would show. Every hidden headline carries ``HIDDEN``.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from lxml import etree

from newszone.articles.models import Article, Status
from newszone.articles.services import add_correction, link_translations
from tests.factories import make_article, make_reporter, make_section, make_user
from tests.shared_files import STANDARDS

KST = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=KST)
HIDDEN = "Qwolpertine"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@dataclass
class Newsroom:
    economy: object
    markets: object
    sports: object
    kim: object
    lee: object
    en_lead: Article
    ko_lead: Article
    en_old: Article
    ko_sports: Article
    en_single: Article
    hidden: list[Article]


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def newsroom(clock, django_capture_on_commit_callbacks):
    economy = make_section("economy", name_en="Economy", name_ko="경제")
    markets = make_section("markets", parent=economy, name_en="Markets", name_ko="시장")
    sports = make_section("sports", name_en="Sports", name_ko="스포츠")
    kim = make_reporter(slug="kim-ji-eun", name_ko="김지은", name_en="Ji-eun, Kim")
    lee = make_reporter(slug="lee-min-ho", name_ko="이민호", name_en="Min-ho, Lee")
    byline = {"reporters": [kim, lee], "section": markets}
    en_lead = make_article(
        language="en",
        headline="Markets rally on harbour deal",
        deck="Shares rose <sharply> & fast.",
        body="<p>Shares rose in Seoul.</p>",
        tags=["Harbour", "항만"],
        photos=2,
        hours_ago=2,
        **byline,
    )
    ko_lead = make_article(
        language="ko",
        headline="항만 합의에 증시 상승",
        deck="주가가 올랐다.",
        tags=["항만"],
        photos=1,
        hours_ago=3,
        **byline,
    )
    link_translations(en_lead, ko_lead)
    en_old = make_article(
        language="en", section=economy, reporters=[kim], hours_ago=24 * 20
    )
    ko_sports = make_article(language="ko", section=sports, hours_ago=50)
    en_single = make_article(language="en", section=sports, hours_ago=5)
    clock.shift(timedelta(minutes=10))
    with django_capture_on_commit_callbacks(execute=True):
        add_correction(en_lead, make_user("chief"), "The deal was signed on Friday.")
    clock.shift(timedelta(minutes=10))
    hidden = hidden_stories(byline, en_single)
    return Newsroom(
        economy, markets, sports, kim, lee, en_lead, ko_lead, en_old, ko_sports,
        en_single, hidden,
    )  # fmt: skip


def hidden_stories(byline, en_single) -> list[Article]:
    """One of each state readers must not see, in both editions."""
    now = timezone.now()
    states = {
        "draft": {"status": Status.DRAFT, "published_at": None},
        "scheduled": {"status": Status.SCHEDULED, "publish_at": now + timedelta(1)},
        "embargoed": {"embargo_until": now + timedelta(hours=3)},
        "future": {"published_at": now + timedelta(hours=2)},
        "unpublished": {"status": Status.UNPUBLISHED},
        "killed": {"status": Status.KILLED},
    }
    stories = []
    for language in ("en", "ko"):
        for state, fields in states.items():
            story = make_article(
                language=language,
                headline=f"{HIDDEN} {state} {language}",
                deck=f"{HIDDEN} deck",
                body=f"<p>{HIDDEN} body</p>",
                tags=["Harbour", f"{HIDDEN}-only"],
                photos=1,
                hours_ago=1,
                **byline,
            )
            Article.objects.filter(pk=story.pk).update(**fields)
            stories.append(story)
    # A public story whose translation is not public: no alternates.
    ko_hidden = next(s for s in stories if s.language == "ko")
    link_translations(en_single, ko_hidden)
    return stories


@pytest.fixture(scope="session")
def standards():
    if not STANDARDS.is_dir():
        pytest.fail(f"No standards at {STANDARDS}: set NEWSZONE_STANDARDS_DIR")
    return STANDARDS


@pytest.fixture(scope="session")
def urlset_schema(standards, tmp_path_factory):
    """sitemap.xsd with the image, news and xhtml:link extensions: sitemap.xsd
    admits other namespaces' elements only if their schema declares them."""
    folder = tmp_path_factory.mktemp("xsd")
    imports = {
        NS["sm"]: standards / "sitemaps" / "sitemap.xsd",
        NS["image"]: standards / "sitemaps" / "sitemap-image.xsd",
        NS["news"]: standards / "sitemaps" / "sitemap-news.xsd",
        NS["xhtml"]: Path(__file__).with_name("xhtml-link.xsd"),
    }
    lines = "".join(
        f'<xsd:import namespace="{ns}" schemaLocation="{path.as_uri()}"/>'
        for ns, path in imports.items()
    )
    wrapper = folder / "sitemap-with-extensions.xsd"
    wrapper.write_text(
        f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{lines}</xsd:schema>'
    )
    return etree.XMLSchema(etree.parse(str(wrapper)))


@pytest.fixture(scope="session")
def index_schema(standards):
    return etree.XMLSchema(etree.parse(str(standards / "sitemaps" / "siteindex.xsd")))
