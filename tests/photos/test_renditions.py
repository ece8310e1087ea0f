"""Serving renditions: made once, cropped around the focal point, stripped of
GPS and serials but carrying the credit, and only for stories readers can see."""

import io
import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from newszone.articles.models import Article, ArticlePhoto
from newszone.frontend.pictures import rendition_url
from newszone.photos import renditions
from newszone.photos.models import Photo, Rendition
from newszone.photos.renditions import Spec, full_set
from newszone.photos.tasks import make_renditions
from tests.factories import make_article, make_photo, make_user
from tests.photos.tools import exiftool, read_tags

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=31536000, immutable"
PRIVATE = "private, no-store"


def photo_from(image: Image.Image, fmt="JPEG", **fields) -> Photo:
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    photo = Photo(**fields)
    photo.image.save(
        "source.jpg", SimpleUploadedFile("source.jpg", buffer.getvalue()), save=False
    )
    photo.save()
    return photo


def use_in(photo, published=True, **fields):
    story = make_article(published=published, **fields)
    ArticlePhoto.objects.create(article=story, photo=photo)
    return story


def url(photo, name="orig-640.webp"):
    return rendition_url(photo, Spec.parse(name))


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def files_under(settings, photo) -> list:
    folder = settings.MEDIA_ROOT / "renditions" / str(photo.pk)
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def public_photo():
    photo = make_photo()
    use_in(photo)
    return photo


def test_a_rendition_is_made_once_per_spec(client, settings, monkeypatch, public_photo):
    calls = []
    real_render = renditions.render
    monkeypatch.setattr(
        renditions, "render", lambda *a, **k: calls.append(a[1]) or real_render(*a, **k)
    )
    for _ in range(2):
        response = client.get(url(public_photo, "orig-320.jpg"))
        assert response.status_code == 200
        assert Image.open(io.BytesIO(body(response))).format == "JPEG"
    assert calls == [Spec("orig", 320, "jpg")]
    assert Rendition.objects.filter(photo=public_photo).count() == 1
    assert len(files_under(settings, public_photo)) == 1
    assert client.get(url(public_photo, "orig-320.webp")).status_code == 200
    assert Rendition.objects.filter(photo=public_photo).count() == 2
    assert len(files_under(settings, public_photo)) == 2


def _half_red(focal_x):
    """300×100: the right third red, the rest blue."""
    image = Image.new("RGB", (300, 100), (0, 0, 255))
    image.paste((255, 0, 0), (200, 0, 300, 100))
    return photo_from(image, focal_x=focal_x)


def _red_share(data: bytes) -> float:
    raw = Image.open(io.BytesIO(data)).convert("RGB").tobytes()
    pixels = [raw[i : i + 3] for i in range(0, len(raw), 3)]
    return sum(1 for r, g, b in pixels if r > 128 and b < 128) / len(pixels)


@pytest.mark.parametrize(("focal_x", "red"), [(0.9, True), (0.1, False)])
def test_the_focal_point_drives_the_crop(client, focal_x, red):
    photo = _half_red(focal_x)
    use_in(photo)
    response = client.get(url(photo, "1x1-320.jpg"))
    assert response.status_code == 200
    data = body(response)
    assert Image.open(io.BytesIO(data)).size == (100, 100)  # never upscaled
    share = _red_share(data)
    assert share > 0.9 if red else share < 0.1


@pytest.fixture
def tagged_photo():
    photo = photo_from(
        Image.new("RGB", (800, 600), (90, 120, 60)),
        caption="국방부 청사 앞에서 열린 기자회견",
        creator="이지은",
        credit="뉴스존 사진부",
        copyright_notice="© 뉴스존",
        alt_text="연단에 선 대변인",
    )
    exiftool(
        "-overwrite_original",
        "-GPSLatitude=37.5",
        "-GPSLatitudeRef=N",
        "-GPSLongitude=127.0",
        "-GPSLongitudeRef=E",
        "-SerialNumber=ABC123",
        "-BodySerialNumber=ABC123",
        photo.image.path,
    )
    original = read_tags(photo.image.path)
    assert original["GPS:GPSLatitude"] and original["ExifIFD:SerialNumber"] == "ABC123"
    use_in(photo)
    return photo


@pytest.mark.parametrize("name", ["orig-640.jpg", "4x3-320.webp", "1x1-1200.jpg"])
def test_served_renditions_carry_credit_but_no_gps_or_serial(
    client, tmp_path, tagged_photo, name
):
    response = client.get(url(tagged_photo, name))
    assert response.status_code == 200
    served = tmp_path / name
    served.write_bytes(body(response))
    tags = read_tags(served)
    dump = json.dumps(tags, ensure_ascii=False)
    assert not [key for key in tags if "GPS" in key], dump
    assert "ABC123" not in dump and "SerialNumber" not in dump
    # XMP in every format, Korean intact.
    assert tags["XMP-dc:Description"] == "국방부 청사 앞에서 열린 기자회견"
    assert tags["XMP-dc:Creator"] == "이지은"
    assert tags["XMP-photoshop:Credit"] == "뉴스존 사진부"
    assert tags["XMP-dc:Rights"] == "© 뉴스존"
    if name.endswith(".jpg"):  # and IPTC IIM, which only JPEG has
        assert tags["IPTC:Caption-Abstract"] == "국방부 청사 앞에서 열린 기자회견"
        assert tags["IPTC:By-line"] == "이지은"
        assert tags["IPTC:Credit"] == "뉴스존 사진부"
        assert tags["IPTC:CopyrightNotice"] == "© 뉴스존"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("orig-960.webp", "image/webp"), ("4x3-640.jpg", "image/jpeg")],
)
def test_content_type_and_cache_headers(client, public_photo, name, content_type):
    response = client.get(url(public_photo, name))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Cache-Control"] == PUBLIC
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] and response["Last-Modified"]
    assert "Cookie" not in response.get("Vary", "")
    again = client.get(url(public_photo, name), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == PUBLIC


@pytest.fixture
def hidden_photos():
    """A draft's, an embargoed story's and an unused photo."""
    draft, embargoed, unused = make_photo(), make_photo(), make_photo()
    use_in(draft, published=False)
    use_in(embargoed, embargo_until=timezone.now() + timedelta(hours=3))
    return {"draft": draft, "embargoed": embargoed, "unused": unused}


@pytest.mark.parametrize("which", ["draft", "embargoed", "unused"])
def test_unpublished_photos_are_the_desks_only(client, hidden_photos, which):
    photo = hidden_photos[which]
    response = client.get(url(photo))
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]  # public at the embargo
    assert not Rendition.objects.filter(photo=photo).exists()
    not_staff = make_user("editor")
    not_staff.is_staff = False
    not_staff.save()
    # No role, a role that does not write stories, no longer staff.
    for outsider in (make_user(), make_user("admin"), not_staff):
        client.force_login(outsider)
        assert client.get(url(photo)).status_code == 404
    client.force_login(make_user("editor"))
    response = client.get(url(photo))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE
    assert response["Content-Type"] == "image/webp"


def test_a_photo_turns_public_with_its_story(client, hidden_photos):
    photo = hidden_photos["draft"]
    assert client.get(url(photo)).status_code == 404
    Article.objects.filter(article_photos__photo=photo).update(
        status="published", published_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(url(photo))
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC


def test_a_superuser_sees_unpublished_photos(client, admin_user, hidden_photos):
    client.force_login(admin_user)
    assert client.get(url(hidden_photos["embargoed"])).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "orig-961.webp",  # not one of our widths
        "orig-960.png",
        "5x4-320.jpg",
        "ORIG-960.webp",
        "orig-0960.webp",  # parses, but is not the canonical name
        "orig-960.webp.jpg",
        "orig-960",
        "-",
    ],
)
def test_bad_spec_names_are_404(client, public_photo, name):
    response = client.get(f"/photos/{public_photo.pk}/{public_photo.version}-{name}")
    assert response.status_code == 404
    assert not Rendition.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/photos/999999/0123abcd-orig-320.jpg",
        "/photos/99999999999999999999/0123abcd-orig-320.jpg",
    ],
)
def test_unknown_photo_is_404(client, path):
    assert client.get(path).status_code == 404


def test_a_stale_version_redirects_to_the_current_one(client, public_photo):
    stale = url(public_photo, "4x3-320.jpg")
    Photo.objects.filter(pk=public_photo.pk).update(focal_x=0.2)
    public_photo.refresh_from_db()
    current = url(public_photo, "4x3-320.jpg")
    assert stale != current
    response = client.get(stale)
    assert response.status_code == 301
    assert response["Location"] == current
    assert not Rendition.objects.exists()
    assert client.get(current).status_code == 200


def test_a_stale_version_of_a_hidden_photo_does_not_redirect(client, hidden_photos):
    photo = hidden_photos["draft"]
    assert client.get(f"/photos/{photo.pk}/0123abcd-orig-320.jpg").status_code == 404


def test_only_get_and_head(client, public_photo):
    assert client.head(url(public_photo)).status_code == 200
    assert client.post(url(public_photo)).status_code == 405


def test_originals_and_rendition_files_are_not_public_media(client, public_photo):
    original = public_photo.image.url
    assert original.startswith("/media/photos/")
    client.get(url(public_photo))
    made = Rendition.objects.get(photo=public_photo).file.url
    sneaky = original.replace("/media/photos/", "/media/reporters/../photos/")
    for path in (original, made, sneaky, original.replace("/media/", "/media//")):
        assert client.get(path).status_code == 404, path
    client.force_login(make_user("reporter"))
    response = client.get(original)
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_the_task_makes_the_full_set_once(settings, monkeypatch):
    photo = make_photo()
    made = make_renditions.enqueue(photo.pk)
    assert made.return_value == len(full_set())
    specs = set(Rendition.objects.filter(photo=photo).values_list("spec", flat=True))
    assert specs == {spec.name for spec in full_set()}
    assert len(files_under(settings, photo)) == len(full_set())
    monkeypatch.setattr(renditions, "render", pytest.fail)
    assert make_renditions.enqueue(photo.pk).return_value == len(full_set())
    assert Rendition.objects.filter(photo=photo).count() == len(full_set())
    assert make_renditions.enqueue(photo.pk + 1000).return_value == 0


# -- sizes of renditions made alone, rotation, colour profile ------------------


def stored_photo(data: bytes, name="p.jpg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newszone.photos.models import Photo as PhotoModel

    photo = PhotoModel(caption="Sizes")
    photo.image.save(name, SimpleUploadedFile(name, data))
    return photo


def jpeg(size, **save) -> bytes:
    from io import BytesIO

    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", size, (40, 90, 140)).save(buffer, "JPEG", **save)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("size", "spec", "expected"),
    [
        ((6000, 4000), "1x1-1200.jpg", (1200, 1200)),  # a crop made on its own
        ((8000, 2000), "1x1-1200.jpg", (1200, 1200)),  # a panorama's square
        ((4000, 1000), "4x3-640.webp", (640, 480)),
    ],
)
def test_a_rendition_made_alone_has_its_full_size(size, spec, expected):
    from io import BytesIO

    from PIL import Image as PILImage

    from newszone.photos.renditions import Spec, get_rendition

    made = get_rendition(stored_photo(jpeg(size)), Spec.parse(spec))
    assert (made.width, made.height) == expected
    with made.file.open("rb") as file:
        assert PILImage.open(BytesIO(file.read())).size == expected


def test_a_rotated_portrait_is_stored_and_rendered_upright(tmp_path):
    from newszone.photos.renditions import Spec, get_rendition
    from tests.photos.tools import exiftool

    path = tmp_path / "portrait.jpg"
    path.write_bytes(jpeg((3000, 2000)))
    exiftool("-q", "-overwrite_original", "-n", "-Orientation=6", path)
    photo = stored_photo(path.read_bytes())
    assert (photo.width, photo.height) == (2000, 3000)
    made = get_rendition(photo, Spec.parse("orig-1280.jpg"))
    assert (made.width, made.height) == (1280, 1920)


def test_the_colour_profile_is_kept():
    from io import BytesIO

    from PIL import Image as PILImage
    from PIL import ImageCms

    from newszone.photos.renditions import Spec, get_renditions

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photo = stored_photo(jpeg((900, 600), icc_profile=profile))
    specs = [Spec.parse("orig-640.webp"), Spec.parse("orig-640.jpg")]
    for made in get_renditions(photo, specs).values():
        with made.file.open("rb") as file:
            assert (
                PILImage.open(BytesIO(file.read())).info.get("icc_profile") == profile
            )
