"""A Photo News story in headless Chromium: one photo at a time with a counter,
previous/next by button and by arrow key, every photo without JavaScript, and
no axe-core violation."""

import pytest

from newszone.articles.models import ArticlePhoto
from newszone.photos.models import Photo
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_reader_pages import axe_violations
from tests.factories import image_upload, make_article, make_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLOURS = [(180, 60, 40), (40, 120, 170), (60, 140, 80)]
SHOWN_IMAGE_LOADED = """() => {
  const image = document.querySelector("[data-gallery-slide]:not([hidden]) img");
  return image.complete && image.naturalWidth > 0;
}"""


def photo_story():
    section = make_section("photo-news", name_en="Photo News", name_ko="포토뉴스")
    story = make_article(
        section=section,
        article_type="photo",
        headline="Lanterns on the river",
        body="<p>The festival opened at dusk.</p>",
    )
    for n, colour in enumerate(COLOURS, start=1):
        photo = Photo(
            caption=f"Lantern boat {n} drifts past the bridge.",
            credit=f"Photo by Lee Ji-eun {n}",
            alt_text=f"A lantern boat, picture {n}",
        )
        photo.image.save(
            f"lantern-{n}.jpg", image_upload(size=(960, 640), colour=colour)
        )
        ArticlePhoto.objects.create(article=story, photo=photo, position=n)
    return story


def shown(page) -> list[str]:
    return page.locator("[data-gallery-slide]:visible figcaption").all_inner_texts()


def test_one_photo_at_a_time_with_buttons_keys_and_counter(browser, live_server):
    url = live_server.url + photo_story().get_absolute_url()
    context = browser.new_context(
        locale="en-US", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        assert page.goto(url).status == 200
        page.locator(".gallery.is-enhanced").wait_for()
        counter = page.locator("[data-gallery-counter]")
        previous = page.get_by_role("button", name="Previous photo")
        following = page.get_by_role("button", name="Next photo")
        assert counter.inner_text() == "Photo 1 of 3"
        assert len(shown(page)) == 1 and "Lantern boat 1" in shown(page)[0]
        assert previous.get_attribute("aria-disabled") == "true"
        page.wait_for_function(SHOWN_IMAGE_LOADED)  # the rendition is served

        following.click()
        assert counter.inner_text() == "Photo 2 of 3"
        assert len(shown(page)) == 1 and "Lantern boat 2" in shown(page)[0]
        page.wait_for_function(SHOWN_IMAGE_LOADED)  # a lazy one, once shown

        page.keyboard.press("ArrowRight")  # focus is still on "Next photo"
        assert counter.inner_text() == "Photo 3 of 3"
        assert "Lantern boat 3" in shown(page)[0]
        assert following.get_attribute("aria-disabled") == "true"
        page.keyboard.press("ArrowRight")  # the last one: stays put
        assert counter.inner_text() == "Photo 3 of 3"
        assert page.evaluate("document.activeElement.dataset.galleryNext") == ""
        page.keyboard.press("ArrowLeft")
        assert counter.inner_text() == "Photo 2 of 3"

        page.keyboard.press("Shift+Tab")  # back to "Previous photo": still in
        page.keyboard.press("Enter")
        assert counter.inner_text() == "Photo 1 of 3"
        assert counter.get_attribute("aria-live") == "polite"

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "gallery-en.png"), full_page=True)
        assert axe_violations(page) == []
    finally:
        context.close()


def test_without_javascript_every_photo_is_shown(browser, live_server):
    url = live_server.url + photo_story().get_absolute_url()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        assert page.goto(url).status == 200
        assert len(shown(page)) == 3
        assert page.locator("[data-gallery-controls]").is_hidden()
    finally:
        context.close()
