"""Markdown from sources turned into HTML that cannot carry markup or script of its own.

Protocol texts are Markdown (lists, tables, emphasis, sub-headings). Raw HTML in them is shown as
text, never passed through; links keep only safe schemes; headings are moved below the page's own
so the outline stays right for screen readers.
"""

from __future__ import annotations

import difflib
import json
import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")


class _Sanitise(Treeprocessor):
    def __init__(self, md: markdown.Markdown, heading_offset: int) -> None:
        super().__init__(md)
        self.offset = heading_offset

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                element.tag = f"h{min(6, int(element.tag[1]) + self.offset)}"
            elif element.tag == "a":
                href = (element.get("href") or "").strip()
                if not href.lower().startswith(_SAFE_SCHEMES):
                    # An unsafe or relative link keeps its text and loses its target.
                    element.tag = "span"
                    element.attrib.clear()
                else:
                    element.attrib = {"href": href}
            elif element.tag == "img":
                # Sources may not pull in images from elsewhere; keep the description.
                alt = element.get("alt", "")
                element.tag = "span"
                element.attrib.clear()
                element.text = alt


@lru_cache(maxsize=8)
def _converter(heading_offset: int) -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # Without these, Python-Markdown leaves raw HTML in place; removed, it is escaped as text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_Sanitise(md, heading_offset), "arkiv_sanitise", 0)
    return md


# One line with nothing Markdown would act on, as most decisions are: no parser needed.
_PLAIN = re.compile(r"^(?![-+>\s]|\d+[.)]\s)[^*_`\[\]|#<>&!\\=~\n]*$")


@lru_cache(maxsize=65536)
def to_html(text: str, heading_offset: int = 3) -> Markup:
    """Safe HTML for source Markdown; its ``#`` headings start ``heading_offset`` levels down.

    Cached: a decision is shown on its meeting page and again on its case page.
    """
    if _PLAIN.match(text):
        stripped = text.strip()
        return Markup("<p>") + escape(stripped) + Markup("</p>") if stripped else Markup("")
    md = _converter(heading_offset)
    md.reset()
    return Markup(md.convert(text))  # the parser escaped raw HTML and the tree was sanitised


def word_diff(before: str, after: str) -> Markup:
    """``after`` with the words it adds to ``before`` in <ins> and those it drops in <del>: what a
    body changed in the proposal it decided on. Every word is escaped."""
    old, new = before.split(), after.split()
    out: list[Markup] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(Markup("<del>") + escape(" ".join(old[i1:i2])) + Markup("</del>"))
        if op in ("insert", "replace"):
            out.append(Markup("<ins>") + escape(" ".join(new[j1:j2])) + Markup("</ins>"))
        if op == "equal":
            out.append(escape(" ".join(new[j1:j2])))
    return Markup(" ").join(out)


def json_ld(data: object) -> Markup:
    """JSON for a <script type="application/ld+json">: nothing in it can close the script."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# Where a sentence ends: its stop before the next one's capital or an att-clause on a new line.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])|\n\s*\n")
_MARKS = re.compile(r"[*_`#>]+|^\s*(?:[-+]|\d+[.)])\s+", re.MULTILINE)
FIRST_SENTENCE_AT_MOST = 240  # characters: a summary line, the rest is one click away


def first_sentence(text: str) -> str:
    """The decision's first sentence as published, without Markdown's marks, for a summary
    line; cut at a word with "…" when it runs on."""
    plain = _MARKS.sub("", text).strip()
    sentence = " ".join(_SENTENCE_END.split(plain, maxsplit=1)[0].split())
    if len(sentence) <= FIRST_SENTENCE_AT_MOST:
        return sentence
    return sentence[:FIRST_SENTENCE_AT_MOST].rsplit(" ", 1)[0] + " …"
