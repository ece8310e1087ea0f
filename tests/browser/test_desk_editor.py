"""A reporter's road through the desk in a real browser: the rich-text editor
loads, typing goes into the body, and "Save and publish" puts it on the site."""

import pytest

from newszone.articles.models import Article, Status
from tests.browser.conftest import SCREENSHOTS
from tests.factories import make_article, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_write_in_the_editor_and_publish(browser, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", password="a-long-test-pass")
    story = make_article(section=make_section(), published=False, body="<p>Start.</p>")
    context = browser.new_context(
        locale="en-US", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/desk/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "a-long-test-pass")
        page.click("input[type=submit]")
        page.goto(f"{live_server.url}/desk/articles/article/{story.pk}/change/")
        editor = page.locator('.ProseMirror[contenteditable="true"]')
        editor.wait_for(state="visible", timeout=15_000)
        editor.click()
        page.keyboard.press("End")
        page.keyboard.type(" Typed in the desk editor.")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "desk-editor.png"))
        page.click("input[name=_publish]")
        page.wait_for_url(f"**/desk/articles/article/{story.pk}/change/")
    finally:
        context.close()
    story = Article.objects.get(pk=story.pk)
    assert "Typed in the desk editor." in story.body
    assert story.status == Status.PUBLISHED
