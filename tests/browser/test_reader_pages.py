"""Home and the sample article in headless Chromium: axe-core finds no WCAG A/AA
violation, at desktop and phone widths; screenshots go to var/screenshots/."""

import json

import pytest

from newszone.articles.models import Article
from newszone.demo.loader import load_demo
from tests.browser.conftest import AXE, SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pages():
    sample_en = Article.objects.get(source_key="demo:sample-en")
    sample_ko = Article.objects.get(source_key="demo:sample-ko")
    return {
        "home-ko": "/ko/",
        "home-en": "/en/",
        "sample-en": sample_en.get_absolute_url(),
        "sample-ko": sample_ko.get_absolute_url(),
        "search-ko": "/ko/search/?q=송영무&scope=all",
        "search-en": "/en/search/?q=defense+talks&sort=newest",
    }


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pages_are_accessible_and_render(browser, live_server, viewport):
    load_demo()
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    try:
        for name, path in pages().items():
            response = page.goto(live_server.url + path)
            assert response.status == 200, (name, response.status)
            # Images must load: a broken lead photo is a broken page.
            broken = page.evaluate(
                "[...document.images].filter(i => i.complete && !i.naturalWidth)"
                ".map(i => i.src)"
            )
            assert broken == [], (name, broken)
            page.screenshot(
                path=str(SCREENSHOTS / f"{name}-{viewport}.png"), full_page=True
            )
            if violations := axe_violations(page):
                problems[name] = violations
    finally:
        context.close()
    assert problems == {}, json.dumps(problems, indent=2, ensure_ascii=False)


def test_sample_article_reads_like_the_paper(browser, live_server):
    load_demo()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(live_server.url + pages()["sample-en"])
        assert page.locator("h1").inner_text() == (
            "Republic of Korea–Turkey Defense Talks in Turkey"
        )
        crumbs = page.locator(".breadcrumb li").all_inner_texts()
        assert [c.strip() for c in crumbs][-2:] == ["News Zone", "Photo News"]
        assert "By Su-Yeol, Maeng" in page.locator(".story-meta").inner_text()
        page.get_by_role("link", name="이 기사 한국어로 읽기", exact=False).click()
        assert page.url.endswith(pages()["sample-ko"])
        assert "맹수열 기자" in page.locator(".story-meta").inner_text()
    finally:
        context.close()
