"""The sample page imported, its damage shown in the desk, fixed with one click."""

import io

import pytest
from django.core.management import call_command

from newszone.articles.models import Article
from newszone.demo import loader
from tests.browser.conftest import SCREENSHOTS, login
from tests.shared_files import SAMPLES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_the_sample_and_fix_a_glued_word_in_the_desk(
    browser, live_server, django_user_model
):
    loader.load_sections({"sections": 0})
    loader.load_reporters({"reporters": 0})
    call_command(
        "import-text", str(SAMPLES / "000_abd866bdb8930981.txt"), stdout=io.StringIO()
    )
    story = Article.objects.get()
    django_user_model.objects.create_superuser("editor", password="a-long-test-pass")
    context = browser.new_context(
        locale="en-US", viewport={"width": 1280, "height": 900}
    )
    try:
        page = login(context, live_server, "editor")
        page.goto(f"{live_server.url}/desk/articles/article/{story.pk}/change/")
        findings = page.locator(".copydesk-finding")
        assert findings.count() == 5
        assert page.locator(".copydesk-glued-words").count() == 2
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "desk-copydesk.png"), full_page=True)
        page.locator(".copydesk-glued-words button").first.click()
        page.wait_for_url(f"**/desk/articles/article/{story.pk}/change/")
        assert "is now “Korea–Turkey”" in page.locator(".messagelist").inner_text()
        assert page.locator(".copydesk-finding").count() == 4
    finally:
        context.close()
    story.refresh_from_db()
    assert "Republic of Korea–Turkey Summit" in story.body
    assert "KoreaTurkey" not in story.body
    assert story.revisions.count() == 2
