import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from newszone.articles.models import Article, Status
from newszone.articles.services import (
    link_translations,
    publish_article,
    unpublish_article,
)
from newszone.core.html import sanitize_html
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db

DIRTY = (
    '<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a>'
    '<script>bad()</script><iframe src="https://evil"></iframe>'
    '<img src=x onerror=alert(1)><a href="https://ok.example/">ok</a></p>'
)


def test_sanitizer_removes_everything_dangerous():
    clean = sanitize_html(DIRTY)
    for bad in (
        "script",
        "iframe",
        "onclick",
        "onerror",
        "javascript:",
        "<img",
        "bad()",
    ):
        assert bad not in clean
    assert (
        '<a href="https://ok.example/" rel="noopener noreferrer nofollow">ok</a>'
        in clean
    )


def test_body_is_sanitised_on_every_save():
    story = make_article(body=DIRTY)
    story.refresh_from_db()
    assert "script" not in story.body and "javascript:" not in story.body
    story.body = "<p>x</p><script>y</script>"
    story.save()
    story.refresh_from_db()
    assert story.body == "<p>x</p>"


def test_publish_sets_time_once_and_unpublish_returns_to_draft():
    story = make_article(published=False)
    published = publish_article(story)
    assert published.status == Status.PUBLISHED and published.published_at
    first_time = published.published_at
    unpublish_article(published)
    again = publish_article(published)
    assert again.published_at == first_time
    assert Article.objects.get(pk=story.pk).status == Status.PUBLISHED


def test_publish_needs_a_headline():
    story = make_article(published=False, headline="   ")
    with pytest.raises(ValidationError):
        publish_article(story)


def test_published_without_date_is_refused_by_the_database():
    story = make_article(published=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(status=Status.PUBLISHED)


def test_link_translations_is_symmetric_and_exclusive():
    en, ko, other = (
        make_article(),
        make_article(language="ko"),
        make_article(language="ko"),
    )
    link_translations(en, ko)
    link_translations(en, other)
    assert Article.objects.get(pk=en.pk).translation_id == other.pk
    assert Article.objects.get(pk=other.pk).translation_id == en.pk
    assert Article.objects.get(pk=ko.pk).translation_id is None
    with pytest.raises(ValidationError):
        link_translations(ko, other)


def test_section_cannot_sit_inside_itself():
    parent = make_section()
    child = make_section(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError):
        parent.full_clean()
