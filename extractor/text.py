"""Input text hygiene: HTML reduced to its visible text (BeautifulSoup), other checks.

``--html auto`` treats a text as HTML when it looks like markup (a tag such as
``<p>``, ``<div>``, ``<br>`` or ``<html>`` near the start or several tags in all);
``--html yes`` always converts, ``--html no`` never does.
"""

from __future__ import annotations

import re

_TAG = re.compile(
    r"<\s*/?\s*(?:html|body|head|p|div|br|span|a|article|section|h[1-6]|li|ul|ol|table|tr|td|script|style|strong|em|b|i)\b[^<>]{0,200}>",
    re.IGNORECASE,
)
_BLOCK = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
)


def looks_like_html(text: str) -> bool:
    """True for markup: "<p>De douane ...</p>"; False for prose that mentions a "<" sign."""
    if "<" not in text:
        return False
    head = text[:2000]
    return bool(_TAG.search(head)) and len(_TAG.findall(text[:20000])) >= 2


_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:" + "|".join(_BLOCK) + r")\b[^<>]{0,500}>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]{0,500}>")
HTML_FACTOR = 8  # markup read per character of text kept (--max-chars): generous for real pages


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, blocks on their own lines (scripts and styles dropped).

    Block tags become line breaks before parsing (one linear pass: inserting them into the parsed
    tree costs a pass over a parent's children per tag); markup the parser rejects ("<![foo")
    falls back to the text with its tags removed.

    >>> html_to_text("<p>De douane vond <b>5 kilo</b> coke.</p><script>x()</script>")
    'De douane vond 5 kilo coke.'
    """
    from bs4 import BeautifulSoup

    marked = _BLOCK_TAG.sub("\n", html)
    try:
        soup = BeautifulSoup(marked, "html.parser")
        for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "head"]):
            tag.decompose()
        text = soup.get_text()
    except Exception:  # the parser's own errors (ParserRejectedMarkup and what it wraps)
        text = _ANY_TAG.sub(" ", marked)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def clean_record(rec: dict, html: str = "auto", max_chars: int | None = None) -> dict:
    """The record with HTML text reduced to visible text (``html``: auto, yes, no).

    With ``max_chars`` the markup is cut to ``HTML_FACTOR`` times it first, so a huge page costs
    no more than the text the extractor will read from it. Never raises: a failure is the
    record's error.
    """
    if not isinstance(rec, dict) or rec.get("error") or html == "no":
        return rec
    try:
        text = rec.get("text")
        if isinstance(text, str) and (html == "yes" or looks_like_html(text)):
            if max_chars is not None:
                text = text[: HTML_FACTOR * max_chars]
            rec = dict(rec, text=html_to_text(text), html=True)
            title = rec.get("title")
            if isinstance(title, str) and "<" in title:
                rec["title"] = html_to_text(title[: HTML_FACTOR * (max_chars or len(title))])
        return rec
    except Exception as e:  # one record's markup never stops a run
        return {**rec, "error": {"type": type(e).__name__, "message": f"HTML could not be read ({e})"}}


_LONG_RUN = re.compile(r"\S{120,}")
# whether there is one: a run at the start, or after a space (the engine skips to each space; the
# pattern above is tried at every character and counts each word's characters again from each)
_RUN_AFTER_SPACE = re.compile(r"\s\S{120}")
PIECE = 60


def make_doc_safely(nlp, text: str):
    """``nlp.make_doc`` that stays linear on whitespace-free runs.

    spaCy's tokenizer strips prefixes and suffixes one at a time, so a run like "((((...))))"
    of 20,000 characters costs seconds to minutes. Such runs (120+ characters without a space)
    are cut into pieces of 60 characters instead; everything else is tokenised as usual, and
    ``doc.text`` equals ``text``.
    """
    if _LONG_RUN.match(text) is None and _RUN_AFTER_SPACE.search(text) is None:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos = 0

    def add_segment(seg: str) -> None:
        if not seg:
            return
        for tok in nlp.tokenizer(seg):
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))

    for m in _LONG_RUN.finditer(text):
        add_segment(text[pos : m.start()])
        run = m.group()
        for i in range(0, len(run), PIECE):
            words.append(run[i : i + PIECE])
            spaces.append(False)
        pos = m.end()
        # a single space after the run belongs to its last piece
        if pos < len(text) and text[pos] == " " and (pos + 1 >= len(text) or not text[pos + 1].isspace()):
            spaces[-1] = True
            pos += 1
    add_segment(text[pos:])
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    return doc


# zero-width and other invisible format characters (soft hyphen, zero-width space and joiners,
# direction marks, word joiner, BOM): copied from web pages into "5\u200b kilo" or "coca\u00adïne"
FORMAT_CHARS = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def strip_format(text: str) -> tuple[str, list[int] | None]:
    """The text without invisible format characters, and where each remaining character (and the
    end) stood in the original (None when there was nothing to strip), so offsets found in the
    clean text index the original: "5\u200b kilo" -> ("5 kilo", [0, 2, 3, 4, 5, 6, 7])."""
    if not FORMAT_CHARS.search(text):
        return text, None
    offsets = [i for i, ch in enumerate(text) if not FORMAT_CHARS.match(ch)]
    offsets.append(len(text))
    return "".join(text[i] for i in offsets[:-1]), offsets


def max_line_bytes(max_chars: int) -> int:
    """The most one input record may take before it is parsed: HTML keeps ``HTML_FACTOR``
    characters per character of text, JSON escaping up to twice that, and a megabyte of room
    (17 MB at the default ``--max-chars``, 1 MB at 1,000): a 100 MB line never enters memory whole."""
    return 2 * HTML_FACTOR * max_chars + (1 << 20)
