import pytest
from django.core.exceptions import ImproperlyConfigured

from newszone.core import env
from newszone.core.text import unicode_slug


def test_env_bool(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env.env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "0")
    assert env.env_bool("X_FLAG", default=True) is False
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env.env_bool("X_FLAG")


def test_env_list_and_int(monkeypatch):
    monkeypatch.setenv("X_HOSTS", " a.example, b.example ,")
    assert env.env_list("X_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("X_NUM", "abc")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env.env_int("X_NUM", 1)


def test_secret_key_required_outside_debug(monkeypatch):
    monkeypatch.delenv("NEWSZONE_SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="NEWSZONE_SECRET_KEY"):
        env.secret_key(debug=False)
    assert env.secret_key(debug=True)


def test_unicode_slug_keeps_hangul():
    assert unicode_slug("국방 외교") == "국방-외교"
    assert unicode_slug("  K-9 Thunder ") == "k-9-thunder"


@pytest.mark.parametrize(
    "url",
    [
        "/en/tag/a%00b/",
        "/en/feeds/tag/a%00/rss.xml",
        "/en/search/?q=a%00b",
        "/api/v1/articles/?tag=a%00",
        "/api/v1/tags/a%00/",
        "/en/?x%00=1",
        "/en/?page=%00",
    ],
)
def test_a_nul_character_in_an_address_is_a_400(client, db, url):
    """PostgreSQL refuses NUL in text: these were 500s there (schemathesis)."""
    answer = client.get(url)
    assert answer.status_code == 400
    if url.startswith("/api/"):
        assert answer["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("value", "ok"), [("0", True), ("32", True), ("-1", False)])
def test_search_prefetch_setting_is_checked_at_start(value, ok):
    import os
    import subprocess
    import sys

    env = os.environ | {"NEWSZONE_SEARCH_PREFETCH": value}
    done = subprocess.run(
        [sys.executable, "-c", "import newszone.settings"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode == 0) is ok
    if not ok:
        assert "NEWSZONE_SEARCH_PREFETCH=-1 is not from 0 to 1000" in done.stderr
