"""A reporter's road through the desk in a real browser: the rich-text editor
loads, typing goes into the body, and "Save and: Publish now" puts it on the
site; the page keeps unsaved work and shows who else has the story open."""

import pytest

from newszone.articles.models import Article, Status
from tests.browser.conftest import SCREENSHOTS, login
from tests.factories import make_article, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_write_in_the_editor_and_publish(browser, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", password="a-long-test-pass")
    story = make_article(section=make_section(), published=False, body="<p>Start.</p>")
    context = browser.new_context(
        locale="en-US", viewport={"width": 1280, "height": 900}
    )
    try:
        page = login(context, live_server, "editor")
        page.goto(f"{live_server.url}/desk/articles/article/{story.pk}/change/")
        editor = page.locator('.ProseMirror[contenteditable="true"]')
        editor.wait_for(state="visible", timeout=15_000)
        editor.click()
        page.keyboard.press("End")
        page.keyboard.type(" Typed in the desk editor.")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "desk-editor.png"))
        page.click("button[name=_action][value=publish]")
        page.wait_for_url(f"**/desk/articles/article/{story.pk}/change/")
    finally:
        context.close()
    story = Article.objects.get(pk=story.pk)
    assert "Typed in the desk editor." in story.body
    assert story.status == Status.PUBLISHED


def test_autosave_and_who_else_is_here(browser, live_server, settings):
    from django.contrib.auth.models import Group

    from newszone.accounts.models import User
    from newszone.articles.models import WorkingCopy

    settings.NEWSZONE_AUTOSAVE_SECONDS = 1
    editors = Group.objects.get(name="editor")
    for name in ("kim", "lee"):
        user = User.objects.create_user(
            name, password="a-long-test-pass", is_staff=True
        )
        user.groups.add(editors)
    story = make_article(section=make_section(), published=False, body="<p>Start.</p>")
    url = f"{live_server.url}/desk/articles/article/{story.pk}/change/"
    first = browser.new_context(locale="en-US")
    second = browser.new_context(locale="en-US")
    try:
        kim = login(first, live_server, "kim")
        kim.goto(url)
        editor = kim.locator('.ProseMirror[contenteditable="true"]')
        editor.wait_for(state="visible", timeout=15_000)
        kim.fill("#id_headline", "A headline not saved yet")
        editor.click()
        kim.keyboard.press("End")
        kim.keyboard.type(" Words not saved yet.")
        kim.locator(".desk-autosave").filter(has_text=":").wait_for(timeout=10_000)

        lee = login(second, live_server, "lee")
        lee.goto(url)
        assert "kim" in lee.locator(".desk-presence").inner_text()
        kim.locator(".desk-presence").filter(has_text="lee").wait_for(timeout=10_000)
    finally:
        first.close()
        second.close()
    kept = WorkingCopy.objects.get(article=story, user__username="kim")
    assert kept.data["headline"] == "A headline not saved yet"
    assert "Words not saved yet." in kept.data["body"]
    assert Article.objects.get(pk=story.pk).headline != kept.data["headline"]
