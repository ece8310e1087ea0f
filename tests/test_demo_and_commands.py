import re
import subprocess
import sys
from html import unescape

import pytest
from django.core.management import call_command

from newszone.accounts.models import User
from newszone.articles.models import Article, ArticleType
from newszone.demo import sample
from newszone.demo.loader import load_demo
from newszone.taxonomy.models import Section

pytestmark = pytest.mark.django_db


def test_demo_loads_once(capsys):
    first = load_demo()
    assert first["articles"] >= 26
    assert load_demo() == {"sections": 0, "reporters": 0, "articles": 0, "photos": 0}
    call_command("load_demo")
    assert "already loaded" in capsys.readouterr().out


def test_demo_covers_every_section_in_both_languages():
    load_demo()
    for section in Section.objects.filter(children__isnull=True):
        for language in ("ko", "en"):
            assert (
                Article.objects.published()
                .filter(section=section, language=language)
                .exists()
            ), (section.slug, language)
    assert Article.objects.filter(translation__isnull=True).count() == 0
    assert Article.objects.filter(article_type=ArticleType.PHOTO).count() >= 6
    for body in Article.objects.values_list("body", flat=True):
        assert "lorem" not in body.lower()


def test_sample_article_is_faithful(client):
    load_demo()
    story = Article.objects.get(source_key="demo:sample-en")
    html = client.get(story.get_absolute_url()).content.decode()
    assert (
        '<h1 class="headline">Republic of Korea–Turkey Defense Talks in Turkey</h1>'
        in html
    )
    text = unescape(html)
    for paragraph in sample.SAMPLE_EN["body"]:
        assert f"<p>{paragraph}</p>" in text
    assert "Su-Yeol, Maeng" in html
    assert "&lt;Copyright The Korea Defense Daily, All rights reserved&gt;" in html
    assert "South Korea–Turkey Defense Talks in Turkey" in html
    trail = html[html.index('<nav class="breadcrumb"') :]
    trail = trail[: trail.index("</nav>")]
    crumbs = re.findall(r'<a href="/en/section/[^"]+/">([^<]+)</a>', trail)
    assert crumbs == ["News Zone", "Photo News"]
    korean = Article.objects.get(source_key="demo:sample-ko")
    assert story.translation_id == korean.pk
    assert f'href="{korean.get_absolute_url()}"' in html
    ko_html = client.get(korean.get_absolute_url()).content.decode()
    assert "맹수열</span> 기자" in ko_html
    assert f'href="{story.get_absolute_url()}"' in ko_html


def test_sample_matches_the_reference_page():
    """The demo's English text is the reference page's text, word for word."""
    from tests.shared_files import SAMPLES as reference

    files = sorted(reference.glob("000_*.txt"))
    if not files:
        pytest.fail(f"the reference sample is missing from {reference}")
    text = files[0].read_text(encoding="utf-8")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    for paragraph in sample.SAMPLE_EN["body"]:
        assert paragraph in blocks
    assert sample.SAMPLE_EN["headline"] in blocks
    assert "<" + sample.SAMPLE_EN["copyright_line"] + ">" in text
    assert sample.SAMPLE_EN["alternate_headline"] in text


def test_ensure_admin_prints_password_once(capsys):
    call_command("ensure_admin")
    out = capsys.readouterr().out
    password = re.search(r"password:\s+(\S+)", out).group(1)
    assert len(password) >= 16
    user = User.objects.get(username="desk-admin")
    assert user.is_superuser and user.check_password(password)
    call_command("ensure_admin")
    assert "already exists" in capsys.readouterr().out
    assert User.objects.count() == 1


def test_console_script_is_manage_py():
    result = subprocess.run(
        [sys.executable, "-m", "newszone", "help", "load_demo"],
        capture_output=True,
        text=True,
        env={"NEWSZONE_SECRET_KEY": "x", "PATH": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "idempotent" in result.stdout


def test_missing_secret_key_is_a_clear_error():
    result = subprocess.run(
        [sys.executable, "-m", "newszone", "check"],
        capture_output=True,
        text=True,
        env={"PATH": ""},
        check=False,
    )
    assert result.returncode != 0
    assert "NEWSZONE_SECRET_KEY is not set" in result.stderr
