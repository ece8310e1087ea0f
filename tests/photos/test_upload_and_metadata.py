"""Photos in: IPTC/XMP read (Korean intact), bad files refused with nothing
stored, alt text required before a story with photos goes out."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from newszone.articles import services as desk
from newszone.articles.models import ArticlePhoto, Status
from newszone.photos import embed
from newszone.photos.models import Photo
from newszone.photos.services import create_photo
from tests.factories import image_bytes, make_article, make_photo, make_user
from tests.photos.tools import tagged_photo

pytestmark = pytest.mark.django_db

KOREAN = {
    "IPTC:Caption-Abstract": "송영무 국방부 장관이 훌루시 아카르 터키 국방장관과 회담하고 있다.",
    "IPTC:By-line": "맹수열",
    "IPTC:Credit": "국방일보",
    "IPTC:CopyrightNotice": "© 국방일보",
    "IPTC:DateCreated": "2018:05:03",
    "IPTC:TimeCreated": "09:30:00+09:00",
    "IPTC:City": "서울",
    "IPTC:Country-PrimaryLocationName": "대한민국",
    "XMP-iptcCore:AltTextAccessibility": "두 장관이 악수하는 모습",
    "GPSLatitude": "37.5",
    "GPSLatitudeRef": "N",
}


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type)


def media_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return [f for _, _, files in os.walk(root) for f in files] if root.exists() else []


def test_iptc_fields_fill_the_photo_korean_intact(tmp_path):
    photo = create_photo(upload(tagged_photo(tmp_path / "a.jpg", **KOREAN)))
    assert photo.caption.startswith("송영무 국방부 장관이")
    assert photo.creator == "맹수열"
    assert photo.credit == "국방일보"
    assert photo.copyright_notice == "© 국방일보"
    assert photo.alt_text == "두 장관이 악수하는 모습"
    assert (photo.city, photo.country) == ("서울", "대한민국")
    assert photo.taken_at.isoformat() == "2018-05-03T09:30:00+09:00"
    assert photo.embedded["caption"] == photo.caption


def test_xmp_wins_over_iim_and_typed_fields_win_over_both(tmp_path):
    data = tagged_photo(
        tmp_path / "b.jpg",
        **{"IPTC:Caption-Abstract": "IIM caption", "XMP-dc:Description": "XMP 캡션"},
    )
    assert create_photo(upload(data)).caption == "XMP 캡션"
    typed = create_photo(upload(data, "c.jpg"), caption="Typed by the desk")
    assert typed.caption == "Typed by the desk"


@pytest.mark.parametrize(
    ("fmt", "name", "kind"),
    [("PNG", "x.png", "image/png"), ("WEBP", "x.webp", "image/webp")],
)
def test_xmp_in_png_and_webp(tmp_path, fmt, name, kind):
    data = tagged_photo(
        tmp_path / name,
        fmt=fmt,
        **{"XMP-dc:Description": "해군 구축함", "XMP-dc:Creator": "이지은"},
    )
    photo = create_photo(upload(data, name, kind))
    assert (photo.caption, photo.creator, photo.credit) == (
        "해군 구축함",
        "이지은",
        "이지은",
    )


def test_legacy_korean_iim_without_a_charset_is_read_as_cp949():
    caption = "국방부 청사 전경".encode("cp949")
    iim = embed._dataset(2, 120, caption) + embed._dataset(
        2, 80, "김기자".encode("cp949")
    )
    resource = b"8BIM\x04\x04\x00\x00" + len(iim).to_bytes(4, "big") + iim
    payload = b"Photoshop 3.0\x00" + resource + (b"\x00" if len(iim) % 2 else b"")
    segment = b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload
    jpeg = image_bytes()
    photo = create_photo(upload(jpeg[:2] + segment + jpeg[2:]))
    assert (photo.caption, photo.creator) == ("국방부 청사 전경", "김기자")


def test_hostile_xmp_is_ignored_not_expanded(tmp_path):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'
    )
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32)).save(buffer, "JPEG", xmp=bomb)
    photo = create_photo(upload(buffer.getvalue()))
    assert photo.caption == "" and Photo.objects.count() == 1


def big_png(width, height) -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def svg() -> bytes:
    return b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (10, 10)).save(buffer, "GIF")
    return buffer.getvalue()


BAD_FILES = {
    "truncated JPEG": (
        lambda: image_bytes(size=(800, 600))[:1500],
        "photo.jpg",
        "image/jpeg",
        "damaged",
    ),
    "random bytes": (
        lambda: os.urandom(4000),
        "photo.jpg",
        "image/jpeg",
        "not a readable",
    ),
    "PNG named .jpg": (
        lambda: image_bytes("PNG"),
        "photo.jpg",
        "image/jpeg",
        "claims to be",
    ),
    "JPEG sent as PNG": (
        lambda: image_bytes(),
        "photo.png",
        "image/png",
        "claims to be",
    ),
    "SVG": (svg, "photo.svg", "image/svg+xml", "SVG"),
    "GIF": (gif, "photo.gif", "image/gif", "GIF"),
    "too many pixels": (
        lambda: big_png(10_000, 9_100),
        "huge.png",
        "image/png",
        "megapixels",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_are_refused_and_nothing_is_stored(case, settings):
    settings.LANGUAGE_CODE = "en"
    make, name, kind, reason = BAD_FILES[case]
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        create_photo(upload(make(), name, kind))
    assert reason in " ".join(refused.value.messages)
    assert not Photo.objects.exists() and not media_files(settings)


def test_files_over_the_size_limit_are_refused(settings):
    settings.NEWSZONE_MAX_UPLOAD_MB = 1
    data = image_bytes(size=(64, 48)) + b"\0" * (1024 * 1024 + 10)
    from django.utils import translation

    with (
        translation.override("en"),
        pytest.raises(ValidationError, match="limit is 1 MB"),
    ):
        create_photo(upload(data))
    assert not Photo.objects.exists() and not media_files(settings)


# -- the desk ------------------------------------------------------------------


def test_desk_upload_prefills_and_bulk_upload_reports_each_file(
    client, tmp_path, settings
):
    client.force_login(make_user("editor"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    good = tagged_photo(tmp_path / "g.jpg", **KOREAN)
    response = client.post(
        "/desk/photos/photo/upload/",
        {
            "files": [
                upload(good, "one.jpg"),
                upload(image_bytes(), "two.jpg"),
                upload(svg(), "evil.svg", "image/svg+xml"),
            ],
            "credit": "Desk credit",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200  # the page again, naming the refused file
    assert "evil.svg: svg and other vector files" in text.lower()
    assert Photo.objects.count() == 2
    one = Photo.objects.get(caption__startswith="송영무")
    two = Photo.objects.exclude(pk=one.pk).get()
    assert one.credit == "국방일보"  # the file's own credit
    assert two.credit == "Desk credit"  # the file had none


def test_single_upload_in_the_photo_form_reads_the_file(client, tmp_path):
    client.force_login(make_user("editor"))
    data = tagged_photo(tmp_path / "s.jpg", **KOREAN)
    response = client.post(
        "/desk/photos/photo/add/",
        {"image": upload(data), "caption": "", "focal_x": "0.3", "focal_y": "0.6"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = Photo.objects.get()
    assert photo.credit == "국방일보" and photo.creator == "맹수열"
    assert (photo.focal_x, photo.focal_y) == (0.3, 0.6)


def test_a_story_with_a_photo_without_alt_text_cannot_go_out():
    editor = make_user("editor")
    story = make_article(published=False)
    bare = make_photo(alt_text="", caption="Destroyers in line")
    ArticlePhoto.objects.create(article=story, photo=bare, position=0)
    with pytest.raises(ValidationError, match="Destroyers in line"):
        desk.publish_article(story, editor)
    story.refresh_from_db()
    assert story.status == Status.DRAFT
    ArticlePhoto.objects.filter(article=story).update(alt_text="Three destroyers")
    desk.publish_article(story, editor)
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
