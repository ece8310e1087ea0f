"""WordPress bodies as HTML: shortcodes out, paragraphs in (wpautop)."""

import re
from html import unescape

# --- Bodies -----------------------------------------------------------------

# WordPress core's media shortcodes and the common WordPress.com embeds. Only
# these: square brackets in a story ("[sic]", "[1]") are text.
_SHORTCODE_NAMES = (
    "caption|wp_caption|gallery|embed|audio|video|playlist|youtube|vimeo|"
    "soundcloud|tweet|twitter|instagram|googlemaps|slideshow|wpvideo|videopress"
)
_SHORTCODE = re.compile(
    rf"\[(\[?)/?({_SHORTCODE_NAMES})(?![\w-])((?:[^\]\"']|\"[^\"]*\"|'[^']*')*)\](\]?)",
    re.IGNORECASE,
)
_CAPTION_ATTR = re.compile(r"\bcaption=(?:\"([^\"]*)\"|'([^']*)')")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def strip_shortcodes(content: str) -> str:
    """Drop shortcode tags, keeping what they enclose ([caption]'s text).

    "[[gallery]]" is WordPress's escape for the literal text "[gallery]".
    Old captions carry their text in an attribute: it is kept too.
    """

    def replace(match: re.Match) -> str:
        if match.group(1) and match.group(4):
            return match.group(0)[1:-1]
        caption = _CAPTION_ATTR.search(match.group(3))
        if match.group(2).lower() == "caption" and caption:
            return " " + unescape(caption.group(1) or caption.group(2) or "") + " "
        return match.group(1) + match.group(4)

    return _SHORTCODE.sub(replace, content)


def body_html(content: str) -> str:
    """A WordPress body as HTML with its paragraphs (the writer sanitises it)."""
    # WordPress renders block content without wpautop; blocks carry their <p>.
    blocks = "<!-- wp:" in content
    content = strip_shortcodes(_COMMENT.sub("", content))
    return content.strip() if blocks else wpautop(content)


_BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|"
    "li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|"
    "legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|"
    "details|menu|summary"
)
_OPEN_BLOCK = re.compile(rf"(<(?:{_BLOCK_TAGS})[\s/>])", re.IGNORECASE)
_CLOSE_BLOCK = re.compile(rf"(</(?:{_BLOCK_TAGS})>)", re.IGNORECASE)
_ANY_BLOCK = rf"</?(?:{_BLOCK_TAGS})[^>]*>"
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
# The order of wpautop()'s clean-up (wp-includes/formatting.php).
_UNWRAP = (
    (re.compile(r"<p>\s*</p>"), ""),
    (re.compile(r"<p>([^<]+)</(div|address|form)>"), r"<p>\1</p></\2>"),
    (re.compile(rf"<p>\s*({_ANY_BLOCK})\s*</p>", re.I), r"\1"),
    (re.compile(r"<p>(<li.+?)</p>", re.I), r"\1"),
    (re.compile(r"<p><blockquote([^>]*)>", re.I), r"<blockquote\1><p>"),
    (re.compile(r"</blockquote></p>", re.I), "</p></blockquote>"),
    (re.compile(rf"<p>\s*({_ANY_BLOCK})", re.I), r"\1"),
    (re.compile(rf"({_ANY_BLOCK})\s*</p>", re.I), r"\1"),
    (re.compile(r"(?<!<br />)\s*\n"), "<br />\n"),
    (re.compile(rf"({_ANY_BLOCK})\s*<br />", re.I), r"\1"),
    (re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)"), r"\1"),
)


def wpautop(text: str) -> str:
    """WordPress's wpautop(), for bodies stored without <p>: blank lines make
    paragraphs, single newlines <br />, block tags stand alone, <pre> is kept
    as it is."""
    pres = _PRE.findall(text)
    for number, pre in enumerate(pres):
        text = text.replace(pre, f"<pre wp-pre-tag-{number}></pre>", 1)
    text = re.sub(r"<[^>]*>", lambda tag: tag.group(0).replace("\n", " "), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.IGNORECASE)
    text = _CLOSE_BLOCK.sub(r"\1\n\n", _OPEN_BLOCK.sub(r"\n\n\1", text))
    chunks = (chunk.strip() for chunk in re.split(r"\n\s*\n", text))
    html = "".join(f"<p>{chunk}</p>\n" for chunk in chunks if chunk)
    for pattern, replacement in _UNWRAP:
        html = pattern.sub(replacement, html)
    for number, pre in enumerate(pres):
        html = html.replace(f"<pre wp-pre-tag-{number}></pre>", pre)
    return html.strip()
