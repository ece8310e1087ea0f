"""Both catalogs complete, compiled, and in step with their sources."""

import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "newszone" / "locale"
ENTRY = re.compile(r'^msgid "(.*)"$((?:\n".*")*)', re.MULTILINE)


def entries(po_text: str) -> list[str]:
    found = []
    for head, rest in ENTRY.findall(po_text):
        msgid = head + "".join(re.findall(r'^"(.*)"$', rest, re.MULTILINE))
        if msgid:
            found.append(
                msgid.encode().decode("unicode_escape").encode("latin-1").decode()
            )
    return found


@pytest.mark.parametrize("language", ["ko", "en"])
def test_catalog_is_complete_and_compiled(language):
    po = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in po
    assert not re.search(r'^msgstr(\[0\])? ""\n\n', po + "\n", re.MULTILINE), (
        "untranslated entries"
    )
    mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    ids = entries(po)
    assert len(ids) > 100
    missing = [
        i for i in ids if i not in catalog._catalog and (i, 0) not in catalog._catalog
    ]
    assert missing == [], "django.mo is stale: run `make messages`"


def test_korean_ui(client, db):
    html = client.get("/ko/no-such-page/").content.decode()
    assert "본문 바로가기" in html and "페이지를 찾을 수 없습니다" in html
    html = client.get("/en/no-such-page/").content.decode()
    assert "Skip to main content" in html
