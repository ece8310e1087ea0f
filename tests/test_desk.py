"""The desk (Django admin) as a journalist uses it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newszone.articles.models import Article, Status
from newszone.photos.models import Photo
from tests.factories import image_upload, make_article, make_reporter, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return admin_client


def article_form(section, reporter=None, **overrides):
    data = {
        "language": "en",
        "section": section.pk,
        "article_type": "news",
        "headline": "Desk headline",
        "alternate_headline": "",
        "deck": "",
        "body": "<p>Body</p>",
        "published_at_0": "",
        "published_at_1": "",
        "copyright_line": "",
        "article_reporters-TOTAL_FORMS": "1",
        "article_reporters-INITIAL_FORMS": "0",
        "article_reporters-0-reporter": reporter.pk if reporter else "",
        "article_reporters-0-position": "0",
        "article_photos-TOTAL_FORMS": "1",
        "article_photos-INITIAL_FORMS": "0",
        "article_photos-0-position": "0",
        "article_photos-0-caption": "",
        "article_photos-0-credit": "",
        "article_photos-0-alt_text": "",
    }
    data.update(overrides)
    return data


def test_desk_needs_a_login(client):
    response = client.get("/desk/articles/article/")
    assert response.status_code == 302 and "/desk/login/" in response["Location"]


def test_new_story_is_sanitised_and_stays_draft(admin_client):
    section = make_section()
    body = (
        '<p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:y()">l</a>'
    )
    response = admin_client.post(
        "/desk/articles/article/add/",
        article_form(section, make_reporter(), body=body, status="published"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    story = Article.objects.get()
    assert story.status == Status.DRAFT  # the form cannot publish by itself
    assert "script" not in story.body and "onclick" not in story.body
    assert "javascript" not in story.body
    assert story.ordered_reporters[0].name_en.startswith("Reporter")


def test_save_and_publish_button(admin_client, client):
    section = make_section()
    data = article_form(section, _action="publish")
    admin_client.post("/desk/articles/article/add/", data)
    story = Article.objects.get()
    assert story.status == Status.PUBLISHED and story.published_at
    assert client.get(story.get_absolute_url()).status_code == 200
    change = f"/desk/articles/article/{story.pk}/change/"
    data = article_form(section, _action="unpublish", base_version=story.version)
    admin_client.post(change, data)
    story.refresh_from_db()
    assert story.status == Status.UNPUBLISHED
    assert client.get(story.get_absolute_url()).status_code == 404


def test_photo_uploaded_inline_with_caption(admin_client):
    section = make_section()
    data = article_form(
        section,
        **{
            "article_photos-0-upload": image_upload("lead.jpg"),
            "article_photos-0-caption": "Soldiers at dawn",
            "article_photos-0-credit": "Photo by Ji-eun, Lee",
            "article_photos-0-alt_text": "Soldiers walking in a line at dawn",
        },
    )
    response = admin_client.post("/desk/articles/article/add/", data)
    assert response.status_code == 302
    lead = Article.objects.get().lead_photo
    assert lead.photo.caption == "Soldiers at dawn"
    assert lead.photo.width == 64 and lead.photo.height == 48


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "x.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
            "Upload a valid image",
        ),
        ("x.jpg", b"not an image at all", "Upload a valid image"),
        ("x.gif", None, "GIF images are not accepted"),
    ],
)
def test_bad_photo_upload_is_refused_and_nothing_stored(
    admin_client, name, content, message
):
    if content is None:
        upload = image_upload(name, fmt="GIF")
    else:
        upload = SimpleUploadedFile(name, content, "image/jpeg")
    data = article_form(make_section(), **{"article_photos-0-upload": upload})
    response = admin_client.post("/desk/articles/article/add/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists() and not Photo.objects.exists()


def test_list_filters_and_search(admin_client):
    reporter = make_reporter(name_en="Su-Yeol, Maeng")
    make_article(headline="Findable story", reporters=[reporter])
    make_article(headline="Other story", published=False)
    response = admin_client.get("/desk/articles/article/?q=Maeng")
    assert "Findable story" in response.content.decode()
    assert "Other story" not in response.content.decode()
    response = admin_client.get("/desk/articles/article/?status__exact=draft")
    assert "Other story" in response.content.decode()
    assert "Findable story" not in response.content.decode()


def test_publish_action(admin_client):
    story = make_article(published=False)
    admin_client.post(
        "/desk/articles/article/",
        {"action": "publish_selected", "_selected_action": [story.pk]},
    )
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED


def test_change_form_offers_preview(admin_client):
    story = make_article(published=False, language="ko")
    html = admin_client.get(
        f"/desk/articles/article/{story.pk}/change/"
    ).content.decode()
    assert f"/ko/preview/{story.pk}/" in html
    assert "prose-editor" in html  # the rich-text editor is on the body field
