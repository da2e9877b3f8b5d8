"""The layout vocabulary: every label, heading, marker and furniture pattern the Markdown reader
knows, read from ``vocabulary.yaml`` (shipped with the package) plus what an organisation adds
under ``ordlista:`` in ``organisation.yaml``. Layout knowledge is data; this module only looks up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from generator.readers.yaml_source import load

FILE = "vocabulary.yaml"
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_RULE_CHARACTERS = frozenset("-_–— \t")
_RULES = ("---", "___", "–––", "———")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_SPACES = re.compile(r"\s+")
_AROUND_SLASH = re.compile(r"\s*/\s*")
Additions = tuple[tuple[str, tuple[str, ...]], ...]  # ("huvud.beslutande", ("Ledamöter närvarande",))


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """A line or cell as labels are compared: no Markdown emphasis or heading marks, no trailing
    colon or semicolon, single spaces, case folded."""
    text = _HEADING_MARK.sub("", text.strip())
    if "/" in text:
        text = _AROUND_SLASH.sub("/", text)  # "Bevis / Anslag" is "Bevis/Anslag"
    text = text.replace("**", "").replace("__", "").strip(" *_\t")
    text = _SPACES.sub(" ", text).rstrip(":; .").strip()
    return text.casefold()


# "Utses att justeraJonas Åkerlund", "Paragrafer41 – 48": a web page's label run into its value,
# told apart by a lower-case letter before a capital or a digit.
_GLUED = re.compile(r"[a-zåäö][A-ZÅÄÖ0-9]")


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    text = resources.files("generator.readers").joinpath(FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = load(text, FILE).data
    return data


def _with_additions(additions: Additions) -> dict[str, Any]:
    data: dict[str, Any] = {
        key: (dict(value) if isinstance(value, dict) else list(value)) for key, value in _shipped().items()
    }
    for dotted, words in additions:
        top, _, sub = dotted.partition(".")
        if sub:
            group: dict[str, list[str]] = data.setdefault(top, {})
            group[sub] = [*group.get(sub, []), *words]
        else:
            data[top] = [*data.get(top, []), *words]
    return data


_PARAGRAPH_AFTER = re.compile(r",?\s+(?:(?:till|för|vid|i)\s+)?(?:[a-zåäö]{1,5}\s*)?§\s*\d{1,6}$")
_ANNEX_NUMBER = re.compile(r"^bilaga\s+(?:\d{1,2}|[a-z])\b[\s:.–-]*")
_TITLE_JOINS = re.compile(r"\s*(?:/|,|\boch\b)\s*")
_CUT_AT_LEAST = 8  # characters of a cut furniture word: shorter starts are too common
_LABEL_TAIL_WORDS = 3  # words after a known label that can still be part of the label ("Organ och §§:")
_REGEX_SPECIAL = frozenset(".^$*+?{}[]\\|()")
MAX_FURNITURE = 120  # characters: no running header or page number is longer


def _first_characters(patterns: list[str]) -> frozenset[str] | None:
    """The characters the patterns can begin with, when each begins with a letter, a digit class or
    a group of alternatives that do; None when any may begin otherwise (then every line is tried)."""
    found: set[str] = set()
    for pattern in patterns:
        group = re.match(r"\(([^()]*)\)\??", pattern)
        starts = [alternative[:1] for alternative in group[1].split("|")] if group else [pattern[:1]]
        if group and group.group(0).endswith("?"):
            rest = pattern[group.end() :]
            starts.append(rest[:1])
            if rest.startswith("\\d") or rest.startswith(" ?\\d"):
                starts.append("\\")
        for start in starts:
            if start.isalpha():
                found.add(start.lower())
            elif start == "\\":
                found.update("0123456789")
            elif start and start not in _REGEX_SPECIAL:
                found.add(start)  # a literal mark: "<!--", "!["
            else:
                return None
    return frozenset(found)


def _first_words(patterns: list[str]) -> re.Pattern[str]:
    """A line that opens with one of the patterns' first words, after any Markdown marks."""
    words = sorted({_first_word(pattern) for pattern in patterns} - {""}) or ["(?!)"]
    return re.compile(r"[#*_ \t]*(?:" + "|".join(words) + r")(?: |$)", re.IGNORECASE)


def _first_word(pattern: str) -> str:
    """The word a marker pattern begins with ("signaturerna i detta dokument.*" -> "signaturerna")."""
    found = re.match(r"[a-zåäöé]+", pattern)
    return found.group(0) if found else ""


def _patterns(values: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{value})" for value in values) or r"(?!x)x", re.IGNORECASE)


_FIRST_WORD = re.compile(r"[^\W\d_]*")  # letters: "Paragrafer41" is looked up by "paragrafer"


class LabelTable(dict[str, str]):
    """label (normalised) -> field, longest label first, indexed by the label's first word:
    a line is only compared with the labels that begin as it does (the reader asks for every
    header line, so a scan of every label per line was a measurable part of reading)."""

    def __init__(self, pairs: dict[str, str], inflected: bool = False) -> None:
        super().__init__(sorted(pairs.items(), key=lambda pair: -len(pair[0])))
        self.inflected = inflected  # its labels are also read in other forms of their words
        self.by_first_word: dict[str, list[str]] = {}
        self.by_first_form: dict[str, list[str]] = {}  # the same, by every form of the first word
        self.answers: dict[str, tuple[str, str, str] | None] = {}  # see ``Vocabulary.label``
        self.by_first_unaccented: dict[str, list[str]] = {}  # by the first word without å, ä, ö
        for label in self:
            self.by_first_word.setdefault(_label_word(label), []).append(label)
            for form in word_forms(_label_word(label)):
                self.by_first_form.setdefault(form, []).append(label)
            if (plain := unaccented(label)) != label:
                self.by_first_unaccented.setdefault(_label_word(plain), []).append(label)


_ACCENTS = str.maketrans("åäöéü", "aaoeu")


def unaccented(text: str) -> str:
    """``text`` without the marks a scan may lose ("Ovriga" for "Övriga", "Sammantradesdatum")."""
    return text.translate(_ACCENTS)


# Endings that make a label's word definite or genitive ("anslaget", "justeringen",
# "anslagets", "ersättaren"): a label is the same whichever form the protocol writes it in.
_ENDINGS = ("ets", "ens", "et", "en", "ns", "ts", "s", "n", "t")
_STEM_AT_LEAST = 3  # letters left: "tas" is no form of "ta"


def same_word(a: str, b: str) -> bool:
    """One label's word: the same, or both one word with its endings ("anslag"/"anslaget",
    "ersättare"/"ersättaren", "anslags"/"anslagets"; not "beslut"/"beslutande", nor the verb's
    "justeras"/"justerat")."""
    if a == b or a in word_forms(b) or b in word_forms(a):
        return True
    common = (word_forms(a) & word_forms(b)) - {a, b}
    return any({a[len(base) :], b[len(base) :]} != {"s", "t"} for base in common)


@lru_cache(maxsize=8192)
def word_forms(word: str) -> frozenset[str]:
    """A word and what it is without a definite or genitive ending."""
    return frozenset(
        {word, *(word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= _STEM_AT_LEAST)}
    )


_ANSWERS_KEPT = 65536


def _label_word(folded: str) -> str:
    found = _FIRST_WORD.match(folded)
    return found[0] if found else ""


def _table(groups: dict[str, list[str]], inflected: bool = False) -> LabelTable:
    return LabelTable({normalise(word): field for field, words in groups.items() for word in words}, inflected)


def _with_place_and_time(groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """A place label and a time label joined by "och", in either order ("Plats och
    sammanträdestid", "Sammanträdestid och lokal"), label the place and the time together."""
    joined = [f"{a} och {b}" for p in groups["plats"] for t in groups["tid"] for a, b in ((p, t), (t, p))]
    return {**groups, "plats_och_tid": [*groups["plats_och_tid"], *joined]}


@dataclass(frozen=True)
class Vocabulary:
    header: LabelTable
    signature_roles: LabelTable
    posting_heading: frozenset[str]
    posting: LabelTable
    agenda_heading: frozenset[str]
    decision: frozenset[str]
    lists: LabelTable
    sections: frozenset[str]
    facts: LabelTable
    adjustment_sentence: re.Pattern[str]
    attendance: dict[str, tuple[str, ...]]
    title: re.Pattern[str]
    signing: re.Pattern[str]
    decision_intro: re.Pattern[str]
    proposal: re.Pattern[str]
    furniture: re.Pattern[str]
    furniture_first: frozenset[str] | None  # the characters a furniture line can begin with (None: any)
    own_furniture: re.Pattern[str] | None  # the organisation's own furniture patterns, if it has any
    role_labels: frozenset[str]  # attendance labels that are the role of those under them
    furniture_words: tuple[str, ...]  # furniture that is one plain word ("utdragsbestyrkande")
    date_in_words: re.Pattern[str]
    weekday_at_end: re.Pattern[str]  # "Tisdag" before a date written in digits
    signing_prefixes: re.Pattern[str]  # a marker's first word, after any Markdown marks
    annex: re.Pattern[str]
    posting_heading_words: tuple[str, ...]
    posted_said: re.Pattern[str]
    taken_down_said: re.Pattern[str]
    refers_elsewhere: re.Pattern[str]
    attendance_absent: re.Pattern[str]
    facts_in_text: dict[str, re.Pattern[str]]
    adjusters_chosen: re.Pattern[str]
    attachment_link: re.Pattern[str]  # "Närvaro.pdf (81 kb)" on a saved web page
    attached_file: re.Pattern[str]  # "Närvaro.pdf" alone: an attached file's text follows
    letterhead: re.Pattern[str]  # "www.…", "Telefon …", "Org.nr …": a cell of the letterhead or footer
    present_during: re.Pattern[str]  # "deltar under punkt 29" after an attendance label
    adjuster_substitute: re.Pattern[str]  # "… med Per Gren (M) som ersättare" after the justerare
    signing_for: re.Pattern[str]  # "ersätter Åke Berglund (L) som justerare": whom a signer stands in for
    beside_chair: re.Pattern[str]
    annex_titles: frozenset[str]
    annex_columns: LabelTable
    body_nouns: tuple[str, ...] = ()
    not_decision_verbs: frozenset[str] = frozenset()
    decision_infinitives: frozenset[str] = frozenset()  # "Godkänna redovisningen.": a bare decision
    decision_passives: frozenset[str] = frozenset()  # "Dagordningen godkändes.": a decision in the passive

    @staticmethod
    def label(table: LabelTable, text: str) -> tuple[str, str, str] | None:
        """(field, label as written, rest of the text) when ``text`` starts with a known label."""
        # Asked of the same lines in file after file (every header's labels): answered once each.
        if text in table.answers:
            return table.answers[text]
        found = Vocabulary._label(table, text)
        if len(table.answers) > _ANSWERS_KEPT:
            table.answers.clear()
        table.answers[text] = found
        return found

    @staticmethod
    def _label(table: LabelTable, text: str) -> tuple[str, str, str] | None:
        folded = normalise(text.replace(",", " ") if "," in text else text)  # "Närvarande, ej tjg ers"
        for label in table.by_first_word.get(_label_word(folded), ()):  # longest first
            glued = folded.startswith(label) and folded[len(label) : len(label) + 1].isalnum()
            if folded.startswith(label):
                bare = _HEADING_MARK.sub("", text.strip()).replace("**", "").replace("__", "")
                words = r"[\s,]+".join(map(re.escape, label.split()))
                found = re.match(rf"[\s*_]*({words})[\s*_]*[:;]?", bare, re.IGNORECASE)
                if found and glued and not _GLUED.match(bare, found.end() - 1):
                    continue  # "Beslutandena": a longer word, no label
                if found:
                    rest = bare[found.end() :].strip()
                    if rest.endswith(":") and len(rest.split()) <= _LABEL_TAIL_WORDS:
                        # "Organ och §§:": a longer label that starts with a known one, no value.
                        return table[label], bare.strip(" *_:"), ""
                    return table[label], found[1], rest
        inflected = Vocabulary._inflected_label(table, text, folded) if table.inflected else None
        return inflected or Vocabulary._unaccented_label(table, text, folded)

    @staticmethod
    def _unaccented_label(table: LabelTable, text: str, folded: str) -> tuple[str, str, str] | None:
        """A label a scan read without its å, ä or ö ("Ovriga deltagande"): asked only when no
        label matched as written, of a line whose first word has none of them."""
        first = _label_word(folded)
        if not first or first != unaccented(first):
            return None
        for label in table.by_first_unaccented.get(first, ()):  # longest first
            plain = unaccented(label)
            if folded != plain and not (folded.startswith(plain) and not folded[len(plain)].isalnum()):
                continue
            bare = _HEADING_MARK.sub("", text.strip()).replace("**", "").replace("__", "")
            pattern = r"[\s,]+".join([r"[^\s,:;]+"] * len(label.split()))
            found = re.match(rf"[\s*_]*({pattern})[\s*_]*[:;]?", bare)
            if found:
                return table[label], found[1], bare[found.end() :].strip()
        return None

    @staticmethod
    def _inflected_label(table: LabelTable, text: str, folded: str) -> tuple[str, str, str] | None:
        """A known label in another form of its words ("Datum då anslag sätts upp", "Justering har
        tillkännagivits"): asked only when no label matched as written."""
        words = [w.strip(":;.") for w in folded.split()]
        if not words:
            return None
        candidates = {found for form in word_forms(words[0]) for found in table.by_first_form.get(form, ())}
        for label in sorted(candidates, key=lambda label: (-len(label), label)):  # longest first
            wanted = label.split()
            if len(wanted) > len(words) or not all(same_word(a, b) for a, b in zip(wanted, words, strict=False)):
                continue
            bare = _HEADING_MARK.sub("", text.strip()).replace("**", "").replace("__", "")
            pattern = r"[\s,]+".join([r"[^\s,:;]+"] * len(wanted))
            found = re.match(rf"[\s*_]*({pattern})[\s*_]*[:;]?", bare)
            rest = bare[found.end() :].strip() if found else ""
            # A one-word label in another form opens a line of its own or stands before its value's
            # colon or tab: "Justeringen tillkännagiven på …" is a sentence, no label.
            if found and (
                len(wanted) > 1 or not rest or found[0].rstrip(" *_")[-1:] in ":;" or "\t" in bare[: found.end() + 1]
            ):
                return table[label], found[1], rest
        return None

    @staticmethod
    def is_whole_label(table: LabelTable, text: str) -> bool:
        """``text`` is a label of ``table`` and nothing more, in any form of its words."""
        if normalise(text) in table:
            return True
        found = Vocabulary.label(table, text)
        return found is not None and not found[2]

    def is_cut_furniture(self, key: str) -> bool:
        """A one-word line the export cut short ("Utdragsbestyrkan"): the start of a furniture word."""
        return len(key) >= _CUT_AT_LEAST and any(w.startswith(key) and w != key for w in self.furniture_words)

    def fact_of_heading(self, heading: str) -> str | None:
        """The fact a section heading names ("Omröstning": omröstning), also when it names two
        sections in one ("Propositionsordning och omröstning": the part that is a fact's)."""
        key = normalise(heading)
        kind = self.facts.get(key)
        if kind is None and " och " in key:
            kind = next((found for part in reversed(key.split(" och ")) if (found := self.facts.get(part))), None)
        return kind

    def is_title(self, text: str) -> bool:
        return bool(self.title.fullmatch(normalise(text)))

    def is_own_furniture(self, text: str) -> bool:
        """Whether one of the organisation's own furniture patterns takes the line."""
        return self.own_furniture is not None and bool(self.own_furniture.fullmatch(normalise(text)))

    def is_furniture(self, text: str) -> bool:
        bare = text.strip()
        if bare[:1] in _RULE_CHARACTERS and set(bare) <= _RULE_CHARACTERS and any(r in bare for r in _RULES):
            return True  # an underscore or dash rule drawn across the page
        if len(bare) > MAX_FURNITURE:
            return False  # running headers and page numbers are short; content lines are not read twice
        first = bare.lstrip("#*_ \t")[:1].lower()
        if self.furniture_first is not None and first not in self.furniture_first:
            return False  # no furniture pattern begins so: no need to normalise the line
        folded = normalise(text)
        return bool(folded) and bool(self.furniture.fullmatch(folded))

    def is_posting_heading(self, text: str) -> bool:
        if len(text) > MAX_FURNITURE:
            return False
        folded = normalise(text)
        # "Bevis/Anslag" as much as "Anslag/Bevis": each part a heading of the anslag.
        return folded in self.posting_heading or (
            "/" in folded and all(part in self.posting_heading for part in folded.split("/"))
        )

    def is_agenda_heading(self, text: str) -> bool:
        return len(text) <= MAX_FURNITURE and normalise(text) in self.agenda_heading

    def is_annex_title(self, text: str) -> bool:
        # "Närvarolista/omröstningsprotokoll": annex titles joined are one.
        if len(text) > MAX_FURNITURE:
            return False
        # "Voteringslista § 20", "Omröstningslista till § 20": the title and whose vote it is.
        title = _PARAGRAPH_AFTER.sub("", normalise(text))
        # "Bilaga 1 Närvaro- och omröstningslista": the annex's number before its title.
        title = _ANNEX_NUMBER.sub("", title)
        return title in self.annex_titles or all(part in self.annex_titles for part in _TITLE_JOINS.split(title))

    def is_attached_file(self, text: str) -> bool:
        return len(text) <= MAX_FURNITURE and bool(self.attached_file.fullmatch(normalise(text)))

    def is_annex_start(self, text: str) -> bool:
        return len(text) <= MAX_FURNITURE and bool(self.annex.fullmatch(normalise(text)))

    def is_signing_start(self, text: str) -> bool:
        if not self.signing_prefixes.match(text):
            return False  # most lines do not begin with a marker's first word: no need to normalise
        return bool(self.signing.fullmatch(normalise(text)))


@lru_cache(maxsize=8)
def vocabulary_for(additions: Additions = ()) -> Vocabulary:
    data = _with_additions(additions)
    return Vocabulary(
        # The header's and the anslag's labels are read in any form of their words ("Datum då
        # anslag sätts upp", "Justering har tillkännagivits"); a role or a heading only as listed.
        header=_table(_with_place_and_time(data["huvud"]), inflected=True),
        signature_roles=_table(data["underskrift"]),
        posting_heading=frozenset(normalise(w) for w in data["anslag_rubrik"]),
        posting=_table(data["anslag"], inflected=True),
        agenda_heading=frozenset(normalise(w) for w in data["ärendelista"]),
        decision=frozenset(normalise(w) for w in data["beslut"]),
        lists=_table(data["listor"]),
        sections=frozenset(normalise(w) for w in data["avsnitt"]),
        facts=_table(data["fakta"]),
        adjustment_sentence=re.compile(
            "(?:" + "|".join(data["justering_mening_mönster"]) + r")\s+(?P<names>[A-ZÅÄÖ].+?)\.?", re.IGNORECASE
        ),
        attendance={key: tuple(words) for key, words in data["närvaro"].items()},
        title=_patterns(data["titel_mönster"]),
        signing=_patterns(data["signering_mönster"]),
        decision_intro=_patterns(data["beslut_inledning_mönster"]),
        proposal=_patterns(data["förslag_mönster"]),
        furniture=_patterns(data["möbler_mönster"]),
        furniture_first=_first_characters(data["möbler_mönster"]),
        own_furniture=_patterns(own)
        if (own := [w for key, words in additions if key == "möbler_mönster" for w in words])
        else None,
        furniture_words=tuple(p for p in data["möbler_mönster"] if re.fullmatch(r"[a-zåäö]+", p)),
        signing_prefixes=_first_words(data["signering_mönster"]),
        body_nouns=tuple(normalise(word) for word in data.get("organ_ord", ())),
        not_decision_verbs=frozenset(normalise(word) for word in data.get("inget_beslutsverb", ())),
        decision_infinitives=frozenset(normalise(word) for word in data["beslutsverb_infinitiv"]),
        decision_passives=frozenset(normalise(word) for word in data["beslutsverb_passiv"]),
        annex=_patterns(data["bilaga_mönster"]),
        posting_heading_words=tuple(sorted({normalise(w).split()[0].split("/")[0] for w in data["anslag_rubrik"]})),
        posted_said=_patterns(data["anslag_uppsatt_mönster"]),
        taken_down_said=_patterns(data["anslag_nedtaget_mönster"]),
        refers_elsewhere=_patterns(data["hänvisning_mönster"]),
        attendance_absent=_patterns([re.escape(w) for w in data["närvaro"]["frånvarande"]]),
        role_labels=frozenset(normalise(w) for w in data["närvaro"]["etikett_är_roll"]),
        facts_in_text={kind: _patterns(list(words)) for kind, words in data["fakta_i_text_mönster"].items()},
        adjusters_chosen=_patterns(data["justerare_i_text_mönster"]),
        attachment_link=_patterns(data["bifogad_fil_mönster"]),
        attached_file=_patterns(data["bilagefil_mönster"]),
        letterhead=_patterns(data["brevhuvud_mönster"]),
        present_during=_patterns(data["närvarande_under_mönster"]),
        adjuster_substitute=_patterns(data["justerarens_ersättare_mönster"]),
        signing_for=re.compile("|".join(data["i_stället_för_mönster"]), re.IGNORECASE),
        beside_chair=re.compile("|".join(data["jämte_ordförande_mönster"])),
        annex_titles=frozenset(normalise(word) for word in data["närvarobilaga"]),
        annex_columns=_table(data["närvarotabell"]),
        date_in_words=re.compile(
            rf"(?:\b(?:{'|'.join(data['veckodagar'])})(?:en)?(?: den)?\s+|\bden\s+)?\b(?P<day>\d{{1,2}})\s+"
            rf"(?P<month>{'|'.join(MONTHS)})(?:\s+(?P<year>\d{{4}}))?\b",
            re.IGNORECASE,
        ),
        weekday_at_end=re.compile(rf"\b(?:{'|'.join(data['veckodagar'])})(?:en)?(?: den)?[\s,]*$", re.IGNORECASE),
    )


def keys() -> list[str]:
    """Every key an organisation may add words under (for the schema and the staff guide)."""
    out = []
    for key, value in _shipped().items():
        out += [f"{key}.{sub}" for sub in value] if isinstance(value, dict) else [key]
    return out


def listing() -> list[tuple[str, list[str]]]:
    """(key, words) for every key of the shipped vocabulary, for the staff guide."""
    out: list[tuple[str, list[str]]] = []
    for key, value in _shipped().items():
        if isinstance(value, dict):
            out += [(f"{key}.{sub}", list(words)) for sub, words in value.items()]
        else:
            out.append((key, list(value)))
    return out
