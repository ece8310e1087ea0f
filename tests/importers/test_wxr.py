"""The WordPress WXR parser: the theme unit test export, and hand-written files."""

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from lxml import etree

from newszone.core.html import sanitize_html
from newszone.importers.items import Failure, ImportItem, ReporterRef, SectionRef
from newszone.importers.wordpress_html import body_html, strip_shortcodes, wpautop
from newszone.importers.wxr import Skipped, WxrError, read_wxr
from tests.factories import image_bytes
from tests.shared_files import STANDARDS

FIXTURE = STANDARDS / "wordpress-wxr" / "themeunittestdata.wordpress.xml"
# WordPress.org writes http; the fixture (from WordPress.com) writes https.
WP = "http://wordpress.org/export/1.2/"
NS = {"wp": "https://wordpress.org/export/1.2/"}


# --- The theme unit test data -----------------------------------------------


@pytest.fixture(scope="module")
def fixture_run():
    skipped: list[Skipped] = []
    items = list(read_wxr(FIXTURE, skipped=skipped))
    return items, skipped


def by_post_id(items) -> dict[str, ImportItem]:
    return {item.origin.rsplit("post ", 1)[1].rstrip(")"): item for item in items}


def test_fixture_yields_every_post_and_skips_the_rest(fixture_run):
    items, skipped = fixture_run
    tree = etree.parse(str(FIXTURE))
    types = [i.findtext("wp:post_type", namespaces=NS) for i in tree.iter("item")]
    statuses = [i.findtext("wp:status", namespaces=NS) for i in tree.iter("item")]
    posts = sum(
        t == "post" and s not in ("trash", "auto-draft")
        for t, s in zip(types, statuses, strict=True)
    )
    assert posts == 58
    assert len(items) == posts
    assert all(isinstance(item, ImportItem) for item in items)
    assert len(items) + len(skipped) == len(types) == 186
    reasons = Counter(s.reason.split("”")[0].split("“")[-1] for s in skipped)
    assert reasons == {"nav_menu_item": 70, "attachment": 37, "page": 21}


def test_fixture_origins_name_line_item_and_post(fixture_run):
    items, skipped = fixture_run
    first = items[0]
    assert (
        first.origin == "themeunittestdata.wordpress.xml:line 1082 (item 1, post 163)"
    )
    lines = FIXTURE.read_text().splitlines()
    assert all(
        lines[int(i.origin.split("line ")[1].split()[0]) - 1] == "<item>" for i in items
    )
    assert skipped[0].origin.startswith("themeunittestdata.wordpress.xml:line ")


def test_fixture_statuses_and_dates(fixture_run):
    items = by_post_id(fixture_run[0])
    assert Counter(item.status for item in items.values()) == {
        "published": 55,
        "draft": 3,
    }
    assert all(item.published_at.tzinfo is not None for item in items.values())
    assert items["358"].published_at == datetime(2010, 10, 5, 7, 27, 25, tzinfo=UTC)
    scheduled = items["1153"]
    assert scheduled.status == "draft"
    assert scheduled.published_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)
    assert any("scheduled" in note for note in scheduled.notes)
    assert items["1164"].status == "draft"
    protected = items["1168"]
    assert protected.status == "draft"
    assert any("password" in note for note in protected.notes)


def test_fixture_sections_tags_and_reporters(fixture_run):
    items = by_post_id(fixture_run[0])
    standard = items["358"]
    assert standard.section == SectionRef(name="Classic", parent="", slug="classic")
    assert standard.tags == ["Post Formats", "readability", "standard"]
    assert standard.reporters == [
        ReporterRef("Theme Buster", "themeshaperwp+demos@gmail.com", "en")
    ]
    assert standard.language == "en"
    assert len(items["1151"].tags) == 45
    assert items["1724"].section.name == "Uncategorized"  # WordPress's default
    # "Uncategorized" gives way to a real category, and the desk is told.
    assert items["993"].section.slug == "classic"
    assert "Uncategorized" in items["993"].notes[0]
    # Post 1730's author is ">themereviewteam" in the file.
    assert items["1730"].reporters[0].name == "Theme Reviewer"


def test_fixture_headlines_are_plain_text(fixture_run):
    items = by_post_id(fixture_run[0])
    assert items["1173"].headline == "Markup: Title With Markup"
    assert (
        items["1174"].headline
        == "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>"
    )


def test_fixture_untitled_post_gets_its_first_sentence(fixture_run):
    untitled = by_post_id(fixture_run[0])["1169"]
    assert untitled.headline == (
        "This post has no title, but it still must link to the single post view somehow."
    )
    assert any("untitled" in note for note in untitled.notes)


def test_fixture_source_keys_are_unique(fixture_run):
    items = by_post_id(fixture_run[0])
    keys = [item.source_key for item in items.values()]
    assert len(set(keys)) == len(keys)
    assert items["358"].source_key == "wxr:https://wpthemetestdata.wordpress.com/?p=358"
    # Posts 568 and 1158 share a guid: both fall back to the post id.
    assert items["568"].source_key == "wxr:https://wpthemetestdata.wordpress.com:568"
    assert items["1158"].source_key == "wxr:https://wpthemetestdata.wordpress.com:1158"


def test_fixture_bodies_get_paragraphs_and_lose_shortcodes(fixture_run):
    items = by_post_id(fixture_run[0])
    standard = sanitize_html(items["358"].body_html)
    assert standard.startswith("<p>All children, except one, grow up.")
    assert standard.count("<p>") >= 5
    assert "more" not in standard.split("</p>")[0][-10:]  # <!--more--> is gone
    caption = sanitize_html(items["1163"].body_html)
    assert "[caption" not in caption and "Bell on wharf in San Francisco" in caption
    assert "[gallery" not in items["555"].body_html
    assert "<pre>-ms-word-wrap: break-word;\nword-wrap" in items["1175"].body_html
    assert items["993"].deck.startswith(
        "This is a user-defined post excerpt. It should"
    )


def test_fixture_photos_from_the_media_folder(tmp_path):
    media = tmp_path / "uploads"
    (media / "2010/08").mkdir(parents=True)
    (media / "2010/08/triforce-wallpaper.jpg").write_bytes(image_bytes())
    (media / "100_5478.jpg").write_bytes(image_bytes())  # by its name only
    items = by_post_id(read_wxr(FIXTURE, media_dir=media))
    caption_post = items["1163"]
    # The featured image first, then the one in the body.
    assert [p.path for p in caption_post.photos] == [
        (media / "2010/08/triforce-wallpaper.jpg").resolve(),
        (media / "100_5478.jpg").resolve(),
    ]
    featured = caption_post.photos[0]
    assert featured.source_key == (
        "wxr-media:https://wpthemetestdata.files.wordpress.com/2010/08/triforce-wallpaper.jpg"
    )
    assert featured.caption == "It’s dangerous to go alone! Take this."
    assert caption_post.photos[1].alt_text == "Bell on Wharf"
    horizontal = items["1011"]
    assert horizontal.photos == []
    assert horizontal.notes[-1] == (
        "photo not found: 2013/03/featured-image-horizontal.jpg"
    )
    audio = items["587"]
    assert any("not a picture" in note and ".mp3" in note for note in audio.notes)


def test_fixture_without_media_folder_has_no_photos_and_no_notes(fixture_run):
    items = fixture_run[0]
    assert all(item.photos == [] for item in items)
    assert not any("photo" in note for item in items for note in item.notes)


# --- Hand-written exports ---------------------------------------------------

AUTHORS = """
<wp:author><wp:author_login>maeng</wp:author_login>
 <wp:author_email>maeng@example.kr</wp:author_email>
 <wp:author_display_name><![CDATA[맹수열]]></wp:author_display_name></wp:author>
<wp:author><wp:author_login>kim</wp:author_login>
 <wp:author_email>kim@example.kr</wp:author_email>
 <wp:author_display_name/><wp:author_first_name>Min-Ji</wp:author_first_name>
 <wp:author_last_name>Kim</wp:author_last_name></wp:author>
<wp:category><wp:category_nicename>defence</wp:category_nicename>
 <wp:category_parent/><wp:cat_name><![CDATA[국방]]></wp:cat_name></wp:category>
<wp:category><wp:category_nicename>army</wp:category_nicename>
 <wp:category_parent>defence</wp:category_parent>
 <wp:cat_name><![CDATA[육군]]></wp:cat_name></wp:category>
"""


def export(tmp_path, items: str, language: str = "en-US", name="export.xml") -> Path:
    path = tmp_path / name
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{WP}excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{WP}">
<channel>
<title>Test paper</title><link>https://paper.example</link>
<language>{language}</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://paper.example</wp:base_blog_url>
{AUTHORS}{items}
</channel>
</rss>
""",
        encoding="utf-8",
    )
    return path


def item(
    post_id=10,
    title="A headline",
    content="Body.",
    excerpt="",
    post_type="post",
    status="publish",
    date="2024-03-01 09:30:00",
    date_gmt="2024-03-01 00:30:00",
    creator="maeng",
    guid=None,
    extra="",
) -> str:
    guid = f"https://paper.example/?p={post_id}" if guid is None else guid
    return f"""<item>
<title>{title}</title>
<dc:creator>{creator}</dc:creator>
<guid isPermaLink="false">{guid}</guid>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{date}</wp:post_date>
<wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>
<wp:status>{status}</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type>{post_type}</wp:post_type>
<wp:post_password/>
{extra}
</item>
"""


def attachment(post_id, parent, url, caption="", alt="", attached_file="") -> str:
    meta = f"""<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
<wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta>"""
    if attached_file:
        meta += f"""<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>
<wp:meta_value><![CDATA[{attached_file}]]></wp:meta_value></wp:postmeta>"""
    return f"""<item><title>picture</title><guid isPermaLink="false">{url}</guid>
<excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_parent>{parent}</wp:post_parent>
<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>{url}</wp:attachment_url>{meta}</item>"""


def read_one(path: Path, **kwargs) -> ImportItem | Failure:
    (only,) = list(read_wxr(path, **kwargs))
    return only


def test_korean_channel(tmp_path):
    categories = """<category domain="category" nicename="army"><![CDATA[육군]]></category>
<category domain="post_tag" nicename="k9"><![CDATA[K9 자주포]]></category>"""
    path = export(
        tmp_path,
        item(
            title="국방부, 신형 자주포 공개",
            date_gmt="0000-00-00 00:00:00",
            extra=categories,
        ),
        language="ko-KR",
    )
    story = read_one(path)
    assert story.language == "ko"
    assert story.headline == "국방부, 신형 자주포 공개"
    assert story.reporters == [ReporterRef("맹수열", "maeng@example.kr", "ko")]
    assert story.section == SectionRef(name="육군", parent="국방", slug="army")
    assert story.tags == ["K9 자주포"]
    # No GMT date: the local date, in the paper's zone.
    assert story.published_at == datetime(
        2024, 3, 1, 9, 30, tzinfo=ZoneInfo("Asia/Seoul")
    )
    assert story.source_key == "wxr:https://paper.example/?p=10"


def test_author_without_display_name_and_unknown_author(tmp_path):
    path = export(tmp_path, item(creator="kim") + item(post_id=11, creator="ghost"))
    kim, ghost = read_wxr(path)
    assert kim.reporters == [ReporterRef("Min-Ji Kim", "kim@example.kr", "en")]
    assert ghost.reporters == []
    assert "“ghost” not in the export's authors" in ghost.notes[0]


@pytest.mark.parametrize(
    ("language", "expected"), [("en-US", "en"), ("ko", "ko"), ("ja-JP", "")]
)
def test_channel_language(tmp_path, language, expected):
    assert read_one(export(tmp_path, item(), language=language)).language == expected


def test_pages_attachments_trash_and_auto_drafts_are_skipped(tmp_path):
    path = export(
        tmp_path,
        item(post_id=1)
        + item(post_id=2, post_type="page")
        + item(post_id=3, status="trash")
        + item(post_id=4, status="auto-draft")
        + attachment(5, 1, "https://paper.example/wp-content/uploads/a.jpg"),
    )
    skipped: list[Skipped] = []
    items = list(read_wxr(path, skipped=skipped))
    assert [i.source_key for i in items] == ["wxr:https://paper.example/?p=1"]
    assert [s.origin.split("(")[1] for s in skipped] == [
        "item 2, post 2)",
        "item 3, post 3)",
        "item 4, post 4)",
        "item 5, post 5)",
    ]
    assert "page" in skipped[0].reason and "trash" in skipped[1].reason
    assert "auto-draft" in skipped[2].reason and "attachment" in skipped[3].reason


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("publish", "published"),
        ("draft", "draft"),
        ("pending", "draft"),
        ("future", "draft"),
        ("private", "draft"),
        ("odd", "draft"),
    ],
)
def test_status_mapping(tmp_path, status, expected):
    story = read_one(export(tmp_path, item(status=status)))
    assert story.status == expected
    assert bool(story.notes) == (status not in ("publish", "draft"))


def test_draft_without_any_date(tmp_path):
    path = export(
        tmp_path,
        item(
            status="draft", date="0000-00-00 00:00:00", date_gmt="0000-00-00 00:00:00"
        ),
    )
    assert read_one(path).published_at is None


def test_unreadable_date_is_a_failure_with_its_origin(tmp_path):
    path = export(tmp_path, item(post_id=77, date_gmt="2024-13-45 99:00:00"))
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.origin.startswith("export.xml:line ")
    assert failure.origin.endswith("(item 1, post 77)")
    assert "2024-13-45" in failure.reason


def test_untitled_posts(tmp_path):
    long_text = "word " * 60
    path = export(
        tmp_path,
        item(post_id=1, title="", excerpt="From the excerpt. Second sentence.")
        + item(post_id=2, title="", content=f"[gallery]\n\n{long_text}")
        + item(post_id=3, title="", content='[gallery ids="1,2"]'),
    )
    from_excerpt, from_body, nothing = read_wxr(path)
    assert from_excerpt.headline == "From the excerpt."
    assert from_body.headline.endswith("word…") and len(from_body.headline) <= 101
    assert isinstance(nothing, Failure) and "no title" in nothing.reason


def test_duplicate_and_missing_guids_fall_back_to_the_post_id(tmp_path):
    path = export(
        tmp_path,
        item(post_id=1, guid="https://paper.example/?p=1")
        + item(post_id=2, guid="https://paper.example/?p=1")
        + item(post_id=3, guid=""),
    )
    keys = [i.source_key for i in read_wxr(path)]
    assert keys == [
        "wxr:https://paper.example:1",
        "wxr:https://paper.example:2",
        "wxr:https://paper.example:3",
    ]


def test_script_in_a_body_does_not_survive_sanitising(tmp_path):
    content = (
        'Hello <b>world</b>.\n\n<script>alert("x")</script>\n\n<p onclick="x()">Bye</p>'
    )
    story = read_one(export(tmp_path, item(content=content)))
    clean = sanitize_html(story.body_html)
    assert "script" not in clean and "alert" not in clean and "onclick" not in clean
    assert clean.startswith("<p>Hello <b>world</b>.</p>")
    assert clean.endswith("<p>Bye</p>")


def test_attachments_before_and_after_their_post(tmp_path):
    media = tmp_path / "media"
    (media / "2024/03").mkdir(parents=True)
    (media / "2024/03/lead.jpg").write_bytes(image_bytes())
    (media / "2024/03/later.png").write_bytes(image_bytes("PNG"))
    uploads = "https://paper.example/wp-content/uploads/2024/03"
    thumb = """<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>
<wp:meta_value>21</wp:meta_value></wp:postmeta>"""
    path = export(
        tmp_path,
        attachment(20, 10, f"{uploads}/later.png", caption="<b>Later</b> caption")
        + item(post_id=10, extra=thumb)
        + attachment(21, 0, f"{uploads}/lead.jpg", alt="The lead", caption="Lead")
        + attachment(22, 10, f"{uploads}/gone.jpg"),
    )
    story = read_one(path, media_dir=media)
    assert [(p.path.name, p.caption, p.alt_text) for p in story.photos] == [
        ("lead.jpg", "Lead", "The lead"),
        ("later.png", "Later caption", ""),
    ]
    assert story.photos[0].source_key == f"wxr-media:{uploads}/lead.jpg"
    assert story.notes == ["photo not found: 2024/03/gone.jpg"]


def test_attached_file_path_cannot_leave_the_media_folder(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    (tmp_path / "secret.jpg").write_bytes(image_bytes())
    path = export(
        tmp_path,
        item(post_id=10)
        + attachment(
            20, 10, "https://x.example/secret.jpg", attached_file="../secret.jpg"
        ),
    )
    story = read_one(path, media_dir=media)
    assert story.photos == []
    assert story.notes == ["photo not found: ../secret.jpg"]


def test_block_content_is_not_autop_ed(tmp_path):
    content = "<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->"
    story = read_one(export(tmp_path, item(content=content)))
    assert story.body_html == "<p>One\ntwo</p>"


# --- Unsafe and broken files -------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss><channel><title>&lol4;</title></channel></rss>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&xxe;</title></channel></rss>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd">
<rss><channel><title>x</title></channel></rss>
"""


@pytest.mark.parametrize(
    ("text", "doctype"),
    [(BILLION_LAUGHS, "lolz"), (XXE, "rss"), (EXTERNAL_DTD, "rss")],
    ids=["billion-laughs", "xxe", "dtd"],
)
def test_doctypes_are_refused(tmp_path, text, doctype):
    path = tmp_path / "evil.xml"
    path.write_text(text)
    with pytest.raises(WxrError) as caught:
        list(read_wxr(path))
    message = str(caught.value)
    assert message.startswith("evil.xml: line 2: refused for safety")
    assert f"<!DOCTYPE {doctype} …>" in message


def test_malformed_xml_names_the_line(tmp_path):
    path = export(tmp_path, item(post_id=1) + "<item><title>x</wrong></item>")
    line = path.read_text().splitlines().index("<item><title>x</wrong></item>") + 1
    with pytest.raises(
        WxrError, match=rf"line {line}, column \d+: not well-formed XML: mismatched tag"
    ):
        list(read_wxr(path))


def test_undefined_entity_is_malformed(tmp_path):
    path = export(tmp_path, item(title="Caf&eacute;"))
    with pytest.raises(WxrError, match="undefined entity"):
        list(read_wxr(path))


def test_truncated_file_yields_nothing(tmp_path):
    path = tmp_path / "cut.xml"
    data = FIXTURE.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    items = read_wxr(path)
    with pytest.raises(WxrError, match="cut short"):
        next(items)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<html><body/></html>", "<html> where <rss> should be"),
        ("<rss><item/></rss>", "<item> where <channel> should be"),
        (
            "<rss><channel><title>Plain RSS</title></channel></rss>",
            "no <wp:wxr_version>",
        ),
        ("", "no element found"),
    ],
)
def test_not_a_wordpress_export(tmp_path, text, message):
    path = tmp_path / "other.xml"
    path.write_text(text)
    with pytest.raises(WxrError, match=message):
        list(read_wxr(path))


def test_missing_file(tmp_path):
    with pytest.raises(WxrError, match="No such file"):
        list(read_wxr(tmp_path / "nope.xml"))


# --- Bodies -------------------------------------------------------------------


def test_wpautop_paragraphs_and_line_breaks():
    assert wpautop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>"
    assert (
        wpautop("Intro\n<h2>Head</h2>\nText")
        == "<p>Intro</p>\n<h2>Head</h2>\n<p>Text</p>"
    )
    assert wpautop("a<br><br>b") == "<p>a</p>\n<p>b</p>"
    assert (
        wpautop("<blockquote>Quote</blockquote>")
        == "<blockquote><p>Quote</p></blockquote>"
    )
    assert wpautop("") == ""


def test_wpautop_leaves_pre_and_lists_alone():
    pre = "<pre>line 1\n\nline 3</pre>"
    assert wpautop(f"Code:\n\n{pre}\n\nDone") == f"<p>Code:</p>\n{pre}\n<p>Done</p>"
    assert wpautop("<ul>\n<li>a</li>\n<li>b</li>\n</ul>") == (
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    )


def test_strip_shortcodes():
    caption = (
        '[caption id="attachment_1" align="alignleft" width="300"]'
        '<img src="x.jpg" /> The caption[/caption]'
    )
    assert strip_shortcodes(caption) == '<img src="x.jpg" /> The caption'
    assert strip_shortcodes(
        '[gallery ids="1,2"] and [embed]https://v.example/1[/embed]'
    ) == (" and https://v.example/1")
    assert strip_shortcodes(
        '[caption caption="Old style"]<img />[/caption]'
    ).strip() == ("Old style <img />")
    assert strip_shortcodes("Use [[gallery]] to show pictures [sic] [1].") == (
        "Use [gallery] to show pictures [sic] [1]."
    )
    assert strip_shortcodes('[audio src="a.mp3" title="A ] B"]x') == "x"


def test_body_html_strips_comments_and_shortcodes():
    body = "First.\n\n<!--more-->\n\n[gallery]\n\nLast."
    assert body_html(body) == "<p>First.</p>\n<p>Last.</p>"
