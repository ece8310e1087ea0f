"""One analysis pipeline for indexing and for queries, for every engine.

Korean goes through Kiwi (kiwipiepy), a word at a time, each word's result
kept: nouns, proper nouns, numbers, foreign words and verb/adjective stems are
kept; particles and endings are dropped.
Latin-script words (in either language) are NFKC-normalised, case-folded,
stripped of possessives and Snowball-stemmed (PyStemmer); codes and numbers
("K-9", "2014") stay whole. Measurements behind these choices:
shared/research/korean-search.md (§1, §6).

Besides the positional ``terms``, an analysis yields ``extras``:
- the surface of a within-word noun run (방산협력위원회 from 방산+협력+위원회),
  our stand-in for nori's ``decompound_mode=mixed``: the parts stay in
  ``terms`` so a phrase of parts (협력 위원회) matches too;
- the 2- and 3-syllable heads of longer Korean nouns (국방부 → 국방), so a
  two-syllable query finds the longer word without a costly prefix index;
- syllable bigrams of Hangul the analyser could not tag (the fallback).

Between two Korean nouns that make a compound, glued (방산협력) or spaced after
a bare noun (방산 협력을), ``terms`` holds a join token (``j_`` and a hash of
the pair, one of 16,384): a compound's parts are queried as the phrase
방산 j_… 협력, which the engines find through the join token's short list
instead of checking the positions of every story holding both nouns. A noun
followed by a particle (방산은 협력을) makes no compound, and no join.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import warnings
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# A Latin-script word or code: K-9, U.S., 2014, Turkey's, self-propelled.
LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+(?:[-.'’][0-9A-Za-z\u00c0-\u024f]+)*")
# Control characters and line separators part words; zero-width and
# direction marks are dropped, so 송영무\u200b는 is one word, 송영무는.
CONTROL = re.compile(r"[\u0000-\u001f\u007f-\u009f\u2028\u2029]")
INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
KEEP_NOUNS = {"NNG", "NNP", "NR", "XR", "SN", "SH"}
KEEP_VERBS = {"VV", "VA", "VV-R", "VA-R", "VV-I", "VA-I"}
RUN_TAGS = {"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XR", "XPN", "XSN"}
UNKNOWN_TAGS = {"SW", "UN", "W_SERIAL"}
ENGLISH_STOPWORDS = frozenset(
    (
        "a an and are as at be by for from has have he in is it its of on or that "
        "the their to was were will with this these those which who"
    ).split()
)
MAX_TERM_LENGTH = 40
# Kiwi's beam: paths scoring this far below the best are dropped (its default
# is 8). At 4 it analyses ~25-40 % more Korean per second, and 99.6 % of the
# index terms stay the same on generated news (bench/RESULTS.md, analyser).
KIWI_CUTOFF = 4.0
# Korean is analysed a word at a time, and each word's analysis is kept:
# news repeats its words (after 300 generated stories, 81 % of words had been
# seen), so most cost a lookup. About 740 bytes a word: ~75 MB when full.
WORD_CACHE_SIZE = 100_000
# Bump when a change alters the terms a text gives: documents stored by an
# older analysis are analysed again by ``rebuild_search_index``.
# 0: before versions were stored (Kiwi on whole texts); 1: word by word;
# 2: join tokens between the nouns of a compound.
ANALYSIS_VERSION = 2
JOIN_MARK = "j_"
# A mask: 16,384 join tokens. More make each token's list shorter but FTS5's
# build slower (its vocabulary per segment): 1,000,000 stories built in
# 331.9 s with 65,536, 304.5 s with 16,384 (bench/RESULTS.md).
JOIN_BUCKETS = 0x3FFF


@dataclass
class Analysis:
    """``terms`` (positional), ``extras`` (index-only), and ``groups`` for queries.

    Each group is a list of alternatives, each alternative a phrase (list of
    terms): 방산협력 → ``[["방산협력"], ["방산", "협력"]]``. A query matches a
    document when every group matches (one of its alternatives).
    """

    terms: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    groups: list[list[list[str]]] = field(default_factory=list)


_stemmer_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects are not thread-safe; one per thread.
    if not hasattr(_stemmer_local, "stemmer"):
        _stemmer_local.stemmer = Stemmer.Stemmer("english")
    return _stemmer_local.stemmer


_kiwi = None
_kiwi_lock = threading.Lock()


def kiwi():
    """The Kiwi analyser, loaded once per process (about 2 s, ~520 MiB shared)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                # No thread pool: a call is one short text, and pool threads
                # do not survive gunicorn's fork, so workers would hang on exit.
                # (0 means single-threaded since kiwipiepy 0.21; it warns so.)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    analyser = Kiwi(num_workers=0)
                analyser.global_config.cutoff_threshold = KIWI_CUTOFF
                _kiwi = analyser
    return _kiwi


def normalize(text: str) -> str:
    """NFKC, without control or zero-width characters."""
    text = unicodedata.normalize("NFKC", text or "")
    return CONTROL.sub(" ", INVISIBLE.sub("", text))


@lru_cache(maxsize=65536)
def latin_term(word: str) -> str | None:
    """One Latin-script word or code as an index term, or None for a stop word."""
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip(".'-")
    if not word or word in ENGLISH_STOPWORDS:
        return None
    if any(ch.isdigit() for ch in word) or "-" in word or "." in word:
        return word[:MAX_TERM_LENGTH]  # codes and numbers stay whole: k-9, 2014, u.s
    return _stemmer().stemWord(word)[:MAX_TERM_LENGTH]


def analyze(text: str, groups: bool = True) -> Analysis:
    """Analyse ``text`` (any mix of Korean and English) into index terms.

    ``groups=False`` leaves the query groups out: indexing reads only terms
    and extras, and building groups was most of the cost of a text whose
    words were all known (0.42 against 0.15 ms for a generated story)."""
    text = normalize(text)
    if not HANGUL.search(text):
        terms = [t for t in map(latin_term, LATIN.findall(text)) if t]
        return Analysis(terms=terms, groups=[[[t]] for t in terms] if groups else [])
    return _analyze_korean(text, groups)


def _analyze_korean(text: str, with_groups: bool) -> Analysis:
    """Word by word (runs of non-space): the same word always gives the same
    terms, in a story as in a query, and a word seen before costs a lookup."""
    result = Analysis()
    bare = False  # the word before is nouns alone, no particle or ending
    for word in text.split():
        terms, extras, groups, leads, ends_bare = _analyze_word(word)
        if bare and leads:
            result.terms.append(join_token(result.terms[-1], terms[0]))
        result.terms.extend(terms)
        result.extras.extend(extras)
        if with_groups:
            result.groups.extend([list(alt) for alt in group] for group in groups)
        bare = ends_bare
    return result


def join_token(left: str, right: str) -> str:
    """The token between two nouns of a compound: one of JOIN_BUCKETS, by hash."""
    digest = zlib.crc32(f"{left} {right}".encode()) & JOIN_BUCKETS
    return f"{JOIN_MARK}{digest:04x}"


def is_join(term: str) -> bool:
    return term.startswith(JOIN_MARK)


def _joins(term: str) -> bool:
    """Whether ``term`` may be one side of a join: a Korean noun's (a join
    token, ``j_…``, never begins with Hangul)."""
    return HANGUL.match(term) is not None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _analyze_word(word: str) -> tuple[tuple, tuple, tuple, bool, bool]:
    """One word's (terms, extras, groups), frozen for the cache, and whether
    it may join the word before (it begins with a Korean noun) and the word
    after (it is nouns alone and ends with a Korean noun)."""
    spans = [(m.start(), m.end(), "SL") for m in LATIN.finditer(word)]
    tokens = kiwi().tokenize(word, pretokenized=spans)
    result = Analysis()
    run: list = []
    for token in tokens:
        if run and not (token.tag in RUN_TAGS and token.start == run[-1].end):
            _close_run(run, word, result)
            run = []
        if token.tag in RUN_TAGS:
            run.append(token)
        _add_token(token, word, result)
    _close_run(run, word, result)
    groups = tuple(tuple(tuple(alt) for alt in group) for group in result.groups)
    terms = result.terms
    nouns = [t.tag in RUN_TAGS for t in tokens]
    leads = bool(terms) and nouns[0] and _joins(terms[0])
    ends_bare = bool(terms) and all(nouns) and _joins(terms[-1])
    return tuple(terms), tuple(result.extras), groups, leads, ends_bare


def _add_token(token, text: str, result: Analysis) -> None:
    tag, form = token.tag, token.form
    term = None
    if tag == "SL":
        term = latin_term(text[token.start : token.end])
    elif tag in KEEP_NOUNS:
        term = form.casefold()[:MAX_TERM_LENGTH]
        if tag in {"NNG", "NNP"} and HANGUL.match(form):
            result.extras.extend(_heads(form))
    elif tag in KEEP_VERBS:
        term = form + "다"
    if term:
        result.terms.append(term)
        result.groups.append([[term]])
    elif tag in UNKNOWN_TAGS or (tag.startswith("W_") and HANGUL.search(form)):
        hangul = "".join(HANGUL.findall(form))
        result.extras.extend(hangul[i : i + 2] for i in range(len(hangul) - 1))


def _heads(noun: str) -> list[str]:
    """국방부 → [국방]; 방위사업청 → [방위, 방위사], for two-syllable queries."""
    return [noun[:n] for n in (2, 3) if len(noun) > n]


def _close_run(run: list, text: str, result: Analysis) -> None:
    """A run of glued nouns: index its surface; query it as surface OR parts."""
    if len(run) < 2:
        return
    surface = text[run[0].start : run[-1].end].casefold()
    if surface.endswith("들"):
        surface = surface[:-1]
    surface = surface[:MAX_TERM_LENGTH]
    if len(surface) < 2:
        return
    result.extras.append(surface)
    kept = sum(1 for token in run if _is_kept(token))
    parts = result.terms[len(result.terms) - kept :] if kept else []
    if kept:
        del result.groups[-kept:]  # the parts' own groups fold into this one
        parts = _joined(parts)
        result.terms[len(result.terms) - kept :] = parts
    alternatives = [[surface]]
    if parts and parts != [surface]:
        alternatives.append(parts)
    result.groups.append(alternatives)


def _joined(parts: list[str]) -> list[str]:
    """A compound's parts with a join token between each two Korean nouns."""
    out = parts[:1]
    for left, right in zip(parts, parts[1:], strict=False):
        if _joins(left) and _joins(right):
            out.append(join_token(left, right))
        out.append(right)
    return out


def _is_kept(token) -> bool:
    return token.tag in KEEP_NOUNS or (
        token.tag == "SL" and latin_term(token.form) is not None
    )


def warm_up() -> None:
    """Load Kiwi now (e.g. in gunicorn's master with --preload, shared by workers)."""
    analyze("국방부는 준비를 마쳤다.")
