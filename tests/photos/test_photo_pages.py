"""Photos on reader pages: <picture> markup built without queries, crops and
widths that fit the photo, lazy loading below the fold, structured data, and
the Photo News gallery."""

import json
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from PIL import Image

from newszone.articles.models import ArticlePhoto
from newszone.frontend.pictures import picture
from newszone.photos.models import Photo
from newszone.photos.tasks import make_renditions
from tests.factories import make_article, make_photo, make_section

pytestmark = pytest.mark.django_db

SRCSET = re.compile(r'srcset="([^"]*)"')


def sized(width, height, pk=7, **fields):
    """An unsaved photo row of a given size (picture() reads only the row)."""
    return Photo(pk=pk, image="photos/x.jpg", width=width, height=height, **fields)


def entries(srcset: str) -> list[tuple[str, str]]:
    """``[(spec name, descriptor)]`` from a srcset."""
    return [
        (url.rsplit("/", 1)[1].split("-", 1)[1], size)
        for url, size in (item.split() for item in srcset.split(", "))
    ]


def test_every_width_the_photo_can_fill_and_one_capped_at_its_own():
    photo = sized(1000, 750)
    made = picture(photo)
    assert entries(made.webp_srcset) == [
        ("orig-320.webp", "320w"),
        ("orig-640.webp", "640w"),
        ("orig-960.webp", "960w"),
        ("orig-1280.webp", "1000w"),  # made at 1000: never upscaled
    ]
    assert [e[0] for e in entries(made.jpeg_srcset)] == [
        "orig-320.jpg",
        "orig-640.jpg",
        "orig-960.jpg",
        "orig-1280.jpg",
    ]
    assert made.src == f"/photos/7/{photo.version}-orig-960.jpg"  # a middle one
    assert (made.width, made.height) == (1000, 750)  # the largest it comes in


def test_a_large_photo_gets_every_width_and_a_small_one_the_smallest():
    assert len(entries(picture(sized(4000, 3000)).webp_srcset)) == 5
    small = picture(sized(64, 48))
    assert entries(small.webp_srcset) == [("orig-320.webp", "64w")]
    assert (small.width, small.height) == (64, 48)


def test_the_crop_sets_the_size_and_the_focal_point_the_version():
    wide = sized(1600, 900, focal_x=0.9)
    made = picture(wide, "4x3")
    assert entries(made.jpeg_srcset) == [
        ("4x3-320.jpg", "320w"),
        ("4x3-640.jpg", "640w"),
    ]
    assert (made.width, made.height) == (640, 480)
    moved = sized(1600, 900, focal_x=0.1)
    assert picture(moved, "4x3").src != made.src  # a new version, a new URL
    tall = picture(sized(300, 1000), "4x3")  # 300×225 crop of a tall photo
    assert entries(tall.webp_srcset) == [("4x3-320.webp", "300w")]
    assert (tall.width, tall.height) == (300, 225)


def test_the_tag_renders_picture_markup_without_a_query():
    photo = make_photo(alt_text="", caption="A harbour at dawn")
    story = make_article(photos=0)
    use = ArticlePhoto.objects.create(article=story, photo=photo, alt_text="Boats")
    use = ArticlePhoto.objects.select_related("photo").get(pk=use.pk)
    template = Template(
        '{% load newszone %}{% picture use crop="4x3" sizes="50vw" lazy=True %}'
        "|{% picture photo %}|{% picture nothing %}"
    )
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"use": use, "photo": photo, "nothing": None}))
    assert len(queries) == 0
    lazy, eager, empty = html.split("|")
    assert lazy.startswith('<picture><source type="image/webp" srcset="/photos/')
    assert '4x3-320.webp 64w" sizes="50vw"' in lazy
    assert 'src="/photos/' in lazy and '4x3-320.jpg 64w" sizes="50vw"' in lazy
    assert 'width="64" height="48" alt="Boats" loading="lazy" decoding="async"' in lazy
    assert 'alt="A harbour at dawn" decoding="async"' in eager  # caption stands in
    assert "loading=" not in eager and "orig-320" in eager
    assert empty == ""


def pictures(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html)


def test_article_lead_photo_is_eager_and_the_rest_lazy(client):
    story = make_article(photos=3)
    html = client.get(story.get_absolute_url()).content.decode()
    found = pictures(html)
    assert len(found) == 3
    assert "loading" not in found[0]
    assert all('loading="lazy"' in p for p in found[1:])
    assert all('type="image/webp"' in p and "-orig-320.webp 64w" in p for p in found)
    assert "/media/" not in html  # originals never reach readers
    assert "data-gallery" not in html and "gallery.js" not in html


def test_listings_use_4x3_thumbnails_lazy_below_the_first(client):
    section = make_section("harbour")
    for _ in range(3):
        make_article(section=section, photos=1)
    html = client.get("/en/section/harbour/").content.decode()
    listing = html[html.index('class="listing"') : html.index('class="photo-strip"')]
    found = pictures(listing)
    assert len(found) == 3
    assert all("-4x3-320.webp" in p and "-orig-" not in p for p in found)
    assert "loading" not in found[0]
    assert all('loading="lazy"' in p for p in found[1:])


def test_section_pages_have_a_photo_strip_of_their_stories(client):
    section, other = make_section("harbour"), make_section("elsewhere")
    mine = make_article(section=section, photos=1, headline="Harbour picture")
    make_article(section=other, photos=1, headline="Elsewhere picture")
    html = client.get("/en/section/harbour/").content.decode()
    strip = html[html.index('class="photo-strip"') :]
    strip = strip[: strip.index("</section>")]
    assert mine.headline in strip and "Elsewhere picture" not in strip
    assert all('loading="lazy"' in p for p in pictures(strip))


def test_home_photo_strip_uses_4x3_renditions(client):
    photos = make_section("photo-news")
    make_article(section=photos, photos=1, article_type="photo", featured=True)
    make_article(section=photos, photos=1, article_type="photo", hours_ago=3)
    html = client.get("/en/").content.decode()
    strip = html[html.index('class="photo-strip"') :]
    strip = strip[: strip.index("</section>")]
    assert len(pictures(strip)) == 2
    assert all("-4x3-320.webp" in p and 'loading="lazy"' in p for p in pictures(strip))
    lead = html[html.index('class="top-story"') : html.index('class="photo-strip"')]
    assert "-orig-320.webp" in lead and "loading" not in lead
    assert "/media/" not in html


def big_photo(size=(2400, 1500)) -> Photo:
    buffer = BytesIO()
    Image.new("RGB", size, (10, 20, 30)).save(buffer, "JPEG")
    photo = Photo(caption="Big")
    photo.image.save("big.jpg", SimpleUploadedFile("big.jpg", buffer.getvalue()))
    return photo


def test_structured_data_lists_three_crops_at_1200(client):
    photo = big_photo()
    story = make_article(photos=0)
    ArticlePhoto.objects.create(article=story, photo=photo)
    html = client.get(story.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html).group(1))
    prefix = f"http://testserver/photos/{photo.pk}/{photo.version}-"
    assert data["image"] == [
        prefix + "16x9-1200.jpg",
        prefix + "4x3-1200.jpg",
        prefix + "1x1-1200.jpg",
    ]
    make_renditions.enqueue(photo.pk)  # as on upload
    sizes = [(1200, 675), (1200, 900), (1200, 1200)]
    for url, size in zip(data["image"], sizes, strict=True):
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200
        assert served_size(response) == size


def served_size(response) -> tuple[int, int]:
    return Image.open(BytesIO(b"".join(response.streaming_content))).size


def test_a_crop_made_on_request_is_the_size_the_markup_announces(client):
    panorama = big_photo((4000, 1000))
    ArticlePhoto.objects.create(article=make_article(photos=0), photo=panorama)
    made = picture(panorama, "4x3")
    assert (made.width, made.height) == (640, 480)
    assert served_size(client.get(made.src)) == (640, 480)  # 333×250 today


@pytest.fixture
def photo_story():
    story = make_article(photos=0, article_type="photo", headline="Harbour at dawn")
    for n in (3, 1, 2):  # stored out of order: position decides
        ArticlePhoto.objects.create(
            article=story,
            photo=make_photo(caption=f"Library caption {n}", credit=f"Lib {n}"),
            position=n,
            caption=f"Boats leave, frame {n}",
            credit=f"Photo by Kim {n}" if n != 2 else "",
        )
    return story


def test_photo_story_shows_a_gallery_of_every_photo_in_order(client, photo_story):
    html = client.get(photo_story.get_absolute_url()).content.decode()
    start = html.index("data-gallery>")
    gallery = html[start : html.index("</section>", start)]
    slides = re.findall(r"<li class=\"gallery-slide\"[^>]*>(.*?)</li>", gallery, re.S)
    assert len(slides) == 3
    for n, slide in enumerate(slides, start=1):
        assert f"Boats leave, frame {n}" in slide
        assert (f"Photo by Kim {n}" if n != 2 else "Lib 2") in slide  # or the library's
        assert len(pictures(slide)) == 1
    assert "loading" not in slides[0]
    assert 'loading="lazy"' in slides[1] and 'loading="lazy"' in slides[2]
    # Controls come with the script: without it every figure stays visible.
    assert "data-gallery-controls hidden" in gallery
    assert "hidden" not in "".join(re.findall(r"<li[^>]*>", gallery))
    assert 'aria-live="polite"' in gallery and "Photo 1 of 3" in gallery
    assert 'data-template="Photo {current} of {total}"' in gallery
    assert 'type="button"' in gallery and "Previous photo" in gallery
    assert "Next photo" in gallery
    assert 'src="/static/newszone/gallery.js" defer' in html
    assert html.index("data-gallery") < html.index('class="story-body"')


def test_a_photo_story_with_one_photo_has_no_controls(client):
    story = make_article(photos=1, article_type="photo")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "data-gallery-slide" in html and "data-gallery-controls" not in html


def test_gallery_page_queries_do_not_grow_with_its_photos(client, photo_story):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(photo_story.get_absolute_url()).status_code == 200
        return len(queries)

    before = count()
    for n in range(4, 10):
        ArticlePhoto.objects.create(article=photo_story, photo=make_photo(), position=n)
    assert count() == before


def test_a_rotated_photo_is_announced_upright(client, tmp_path):
    from tests.factories import image_bytes
    from tests.photos.tools import exiftool

    path = tmp_path / "portrait.jpg"
    path.write_bytes(image_bytes(size=(800, 600)))
    exiftool("-overwrite_original", "-n", "-Orientation=6", path)  # 90° clockwise
    photo = Photo(alt_text="A portrait")
    photo.image.save("portrait.jpg", SimpleUploadedFile("p.jpg", path.read_bytes()))
    ArticlePhoto.objects.create(article=make_article(photos=0), photo=photo)
    made = picture(photo)
    width, height = served_size(client.get(made.src))
    assert width < height  # the rendition is upright, the markup is not
    assert made.width / made.height == pytest.approx(width / height, abs=0.01)
