import pytest
from django.utils import timezone
from django.utils.translation import override

from newszone.articles.services import link_translations, publish_article
from tests.factories import make_article, make_reporter, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    zone = make_section("news-zone", name_en="News Zone", name_ko="뉴스존")
    photo = make_section(
        "photo-news", parent=zone, name_en="Photo News", name_ko="포토뉴스"
    )
    maeng = make_reporter(
        slug="maeng-su-yeol", name_ko="맹수열", name_en="Su-Yeol, Maeng"
    )
    return {"zone": zone, "photo": photo, "maeng": maeng}


def test_root_redirects_by_accept_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9")["Location"] == "/ko/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/ko/"


def test_article_page_shows_every_part(client, desk):
    story = make_article(
        section=desk["photo"],
        reporters=[desk["maeng"]],
        tags=["K-9"],
        photos=2,
        headline="Defense Talks in Turkey",
        alternate_headline="Another title",
        deck="The deck.",
        body="<p>First paragraph.</p><p>Second paragraph.</p>",
    )
    html = client.get(f"/en/article/{story.pk}/").content.decode()
    for part in (
        "Defense Talks in Turkey",
        "Another title",
        "The deck.",
        "First paragraph.",
        "Second paragraph.",
        'By <span class="byline-name">Su-Yeol, Maeng</span>',
        "#K-9",
        "A caption",
        "Photo credit",
        "News Zone",
        "Photo News",
        "KST",
    ):
        assert part in html, part
    assert "&lt;Copyright Newszone, All rights reserved&gt;" in html


def test_korean_byline_and_mailto(client, desk):
    desk["maeng"].email = "maeng@example.com"
    desk["maeng"].save()
    story = make_article(
        section=desk["photo"], reporters=[desk["maeng"]], language="ko"
    )
    html = client.get(f"/ko/article/{story.pk}/").content.decode()
    assert (
        '<a class="byline-name" href="mailto:maeng@example.com">맹수열</a> 기자' in html
    )
    english = make_article(section=desk["photo"], reporters=[desk["maeng"]])
    html = client.get(f"/en/article/{english.pk}/").content.decode()
    assert (
        'By <a class="byline-name" href="mailto:maeng@example.com">Su-Yeol, Maeng</a>'
        in html
    )


def test_translation_is_linked_both_ways(client, desk):
    en = make_article(section=desk["photo"], headline="English story")
    ko = make_article(section=desk["photo"], headline="한국어 기사", language="ko")
    link_translations(en, ko)
    assert (
        f'href="/ko/article/{ko.pk}/"'
        in client.get(f"/en/article/{en.pk}/").content.decode()
    )
    assert (
        f'href="/en/article/{en.pk}/"'
        in client.get(f"/ko/article/{ko.pk}/").content.decode()
    )


def test_article_in_other_language_prefix_redirects(client, desk):
    story = make_article(section=desk["photo"], language="ko")
    response = client.get(f"/en/article/{story.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/ko/article/{story.pk}/"


def test_drafts_and_future_stories_are_not_public(client, desk):
    draft = make_article(
        section=desk["photo"], published=False, headline="Secret draft"
    )
    future = make_article(section=desk["photo"], hours_ago=-5, headline="Future story")
    for story in (draft, future):
        assert client.get(f"/en/article/{story.pk}/").status_code == 404
    for url in ("/en/", "/en/section/news-zone/", "/en/reporter/maeng-su-yeol/"):
        html = client.get(url).content.decode()
        assert "Secret draft" not in html and "Future story" not in html


def test_headline_is_escaped(client, desk):
    story = make_article(section=desk["photo"], headline="<script>alert(1)</script>")
    html = client.get(f"/en/article/{story.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "/en/no-such-page/",
        "/en/article/999999/",
        "/en/section/nope/",
        "/en/reporter/nobody/",
        "/en/tag/none/",
        "/en/section/news-zone/?page=abc",
        "/en/section/news-zone/?page=0",
        "/en/section/news-zone/?page=99",
    ],
)
def test_bad_urls_get_a_styled_404_in_english(client, desk, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'lang="en"' in response.content.decode()


def test_korean_404(client, desk):
    response = client.get("/ko/no-such-page/")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.content.decode()


def test_section_page_includes_subsections_and_paginates(client, desk):
    for _ in range(25):
        make_article(section=desk["photo"])
    first = client.get("/en/section/news-zone/")
    assert first.status_code == 200
    assert first.content.decode().count('<article class="card') == 20
    second = client.get("/en/section/news-zone/?page=2")
    assert second.content.decode().count('<article class="card') == 5


def test_reporter_and_tag_pages(client, desk):
    make_article(
        section=desk["photo"],
        reporters=[desk["maeng"]],
        tags=["Turkey"],
        headline="Tagged",
    )
    assert "Tagged" in client.get("/en/reporter/maeng-su-yeol/").content.decode()
    assert "Tagged" in client.get("/en/tag/turkey/").content.decode()
    ko = make_article(
        section=desk["photo"], language="ko", tags=["국방 외교"], headline="한글 태그"
    )
    tag = ko.tags.get()
    with override("ko"):
        url = tag.get_absolute_url()
    assert url.startswith("/ko/tag/")
    assert "한글 태그" in client.get(url).content.decode()
    assert "한글 태그" not in client.get(url.replace("/ko/", "/en/")).content.decode()


def test_home_shows_top_story_blocks_and_photo_strip(client, desk):
    make_article(section=desk["photo"], headline="Ordinary", hours_ago=1)
    make_article(
        section=desk["photo"],
        headline="The top story",
        featured=True,
        hours_ago=5,
        photos=1,
        article_type="photo",
    )
    html = client.get("/en/").content.decode()
    top = html.index('class="top-story"')
    assert html.index("The top story") > top
    assert 'class="photo-strip"' in html and "Ordinary" in html


def test_previous_next_and_related(client, desk):
    older = make_article(
        section=desk["photo"], headline="Older one", hours_ago=10, tags=["x"]
    )
    story = make_article(
        section=desk["photo"], headline="Middle one", hours_ago=5, tags=["x"]
    )
    newer = make_article(section=desk["photo"], headline="Newer one", hours_ago=1)
    html = client.get(f"/en/article/{story.pk}/").content.decode()
    assert f'rel="prev" href="{older.get_absolute_url()}"' in html
    assert f'rel="next" href="{newer.get_absolute_url()}"' in html
    assert html.index("Related stories") < html.rindex("Older one")


def _count_queries(client, django_assert_num_queries, url, expected):
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/", 12),
        ("/en/section/news-zone/", 10),  # + the photo strip (1 + 2 prefetches)
        ("/en/reporter/maeng-su-yeol/", 8),
        ("/en/tag/turkey/", 8),
        ("ARTICLE", 13),  # + corrections
    ],
)
def test_reader_pages_run_a_fixed_number_of_queries(
    client, desk, django_assert_num_queries, url, expected
):
    def add(count):
        for i in range(count):
            make_article(
                section=desk["photo"],
                reporters=[desk["maeng"]],
                tags=["Turkey", f"t{i}"],
                photos=1,
                article_type="photo",
            )

    add(2)
    story = make_article(
        section=desk["photo"], reporters=[desk["maeng"]], tags=["Turkey"], photos=2
    )
    target = story.get_absolute_url() if url == "ARTICLE" else url
    _count_queries(client, django_assert_num_queries, target, expected)
    add(10)
    _count_queries(client, django_assert_num_queries, target, expected)


def test_repeat_visit_gets_304_until_something_changes(client, desk):
    story = make_article(section=desk["photo"])
    first = client.get("/en/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/en/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    story.headline = "Changed"
    story.updated_at = timezone.now()
    story.save()
    assert client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_etag_differs_per_language(client, desk):
    make_article(section=desk["photo"])
    assert client.get("/en/")["ETag"] != client.get("/ko/")["ETag"]


def test_preview_is_for_the_desk_only(client, desk, admin_user):
    draft = make_article(
        section=desk["photo"], published=False, headline="Draft for preview"
    )
    response = client.get(f"/en/preview/{draft.pk}/")
    assert response.status_code == 302 and "/desk/login/" in response["Location"]
    client.force_login(admin_user)
    response = client.get(f"/en/preview/{draft.pk}/")
    assert response.status_code == 200
    assert "Draft for preview" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_unpublished_story_disappears(client, desk):
    from newszone.articles.services import unpublish_article

    story = make_article(section=desk["photo"])
    assert client.get(story.get_absolute_url()).status_code == 200
    unpublish_article(story)
    assert client.get(story.get_absolute_url()).status_code == 404
    publish_article(story)
    assert client.get(story.get_absolute_url()).status_code == 200


def test_media_is_served_with_cache_headers(client, desk):
    # Photo originals are the desk's (tests/photos/test_photo_pages.py);
    # a reporter's portrait is public media.
    from tests.factories import image_upload

    desk["maeng"].photo.save("maeng.jpg", image_upload())
    response = client.get(desk["maeng"].photo.url)
    assert response.status_code == 200
    assert "max-age=2592000" in response["Cache-Control"]
    assert client.get("/media/../../etc/passwd").status_code in (400, 404)
