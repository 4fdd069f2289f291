"""Organisation mentions in running text.

Four cues, from strongest to weakest, each general across languages:
1. well-known bodies from the international gazetteer (any inflected form);
2. names headed by a legal-form or institution word (Фондация …, Stowarzyszenie …,
   Ministerstvo vnitra, … e.V.) extended over capitalised words and the
   connectors that names use ("za", "na", "do spraw", "of", "für" …);
3. acronyms defined in brackets or after a dash, whose long form is found by
   initials ("Asociación Ciudades Interculturales (ACI)");
4. bare acronyms, matched to a long name of the same document by initials
   (ЦИИ ↔ Център за Имиграция и Интеграция) or kept as acronym-only names
   when they stand where organisations stand (after "with", in partner lists).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from integraph.extract.acronyms import ACRONYM, NOT_ORG_ACRONYMS, initials, match_initials  # noqa: F401 (re-exported)
from integraph.spans import Spans
from integraph.textutil import normalise

# Words that may join the parts of a name (lower-case), in the EU languages.
CONNECTORS = {
    "za", "na", "i", "и", "do", "ds", "ds.", "spraw", "dla", "pro", "a", "v", "ve", "w", "we", "of", "for", "and", "the",
    "für", "und", "der", "die", "des", "de", "du", "la", "le", "les", "et", "di", "del", "della", "per", "e", "y",
    "el", "van", "voor", "en", "het", "för", "och", "af", "og", "for", "ja", "ning", "un", "ir", "és", "a", "na",
    "ag", "agus", "dei", "degli", "delle", "do", "da", "dos", "das", "em", "pentru", "și", "si", "al", "o", "po",
    "&", "по", "във", "в", "с", "със", "от", "к", "для", "для", "та", "з", "у", "για", "και", "της", "του", "των",
    "sa", "z", "ze", "se", "s", "за", "на", "до", "към", "при", "rzecz", "sprawy", "ds", "dla", "pre", "für",
}
# Connectors that only join when the next word is capitalised (otherwise they start a new clause).
WEAK_CONNECTORS = {"v", "ve", "w", "we", "в", "във", "z", "ze", "s", "se", "с", "със", "от", "a", "i", "и", "and",
                   "und", "et", "e", "y", "en", "och", "og", "ja", "un", "ir", "és", "și", "si", "та", "з", "у", "και"}
# ", o. z." / ", z. s." / ", s.r.o.": a legal-form abbreviation after a comma closing a name
CLOSING_TOKENS = re.compile(r",[ \u00a0]?((?:[^\W\d_]{1,4}\.?)(?:[ \u00a0]?[^\W\d_]{1,4}\.?){0,3})")


@lru_cache(maxsize=4096)
def _nationality_word(word: str, lang: str | None) -> bool:
    """'Läti', 'Rumuński', 'Latvian': a country's name or an adjective of nationality (not a town:
    'Malmö universitet' is a name of its own)."""
    from integraph.gazetteer import countries

    return len(word) >= 4 and (bool(countries.find(word, lang)) or countries.nationality(word, lang) is not None)


def _ends_in_legal_form(name: str) -> bool:
    from integraph.gazetteer.orgs import closing_form_kind

    return closing_form_kind(name) is not None


def _closing_form(text: str, end: int) -> tuple[int, str] | None:
    """(new end, kind) when a legal-form abbreviation follows the name after a comma."""
    from integraph.gazetteer.orgs import closing_form_kind

    m = CLOSING_TOKENS.match(text, end)
    if not m:
        return None
    tokens = list(re.finditer(r"[^\W\d_]{1,4}\.?", m.group(1)))
    for n in range(len(tokens), 0, -1):  # longest first: "spol. s r.o." before "s"
        stop = m.start(1) + tokens[n - 1].end()
        if stop < len(text) and not (text[stop].isspace() or text[stop] in ",;)."):
            continue
        kind = closing_form_kind(text[m.start(1):stop])
        if kind:
            return stop, kind
    return None


# Languages that write a body's name as one compound ending in an institution word, in its
# definite or bare form (da 'Erhvervsstyrelsen', sv 'Migrationsverket', fi 'Maahanmuuttovirasto',
# et 'Sotsiaalkindlustusamet', de 'Bundesministerium'); lexicon: data/lexicon/org_words.json "compound_heads".
COMPOUND_HEADS = {"da", "sv", "fi", "et", "de", "nl"}
COMPOUND_NAMES = {"da", "sv", "fi", "et"}
# Baltic languages put the head last, after lower-case genitives
GENITIVE_LED = {"lt", "lv"}
# "Udlændinge- og Integrationsministeriet", "Arbeits- und Sozialministerium": a first part cut at a hyphen
COORDINATED = re.compile(r"\b[^\W\d_]{3,}-\s(?:og|och|und|en|ja|ning|a|i|és)\s")


@lru_cache(maxsize=20_000)
def compound_kind(word: str, lang: str | None) -> str | None:
    """The kind of a one-word body name that ends in an institution word of `lang`."""
    from integraph.gazetteer import load_data

    low = word.lower()
    for head, kind in load_data("lexicon/org_words.json").get("compound_heads", {}).get(lang or "", {}).items():
        if low.endswith(head) and len(low) - len(head) >= 4:
            return kind
    return None


ARTICLE_WORDS = {"το", "τη", "την", "τον", "τα", "τις", "τους", "the", "la", "le", "les", "el", "los", "las", "il", "lo",
                 "gli", "der", "die", "das", "den", "dem", "het", "o", "a", "os", "as", "an", "na"}
FOREIGN_CONNECTORS = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "les", "et", "&", "d", "l"}
# 'and' where the same word is a preposition elsewhere (Slovene 'in'): joins names in that language only.
LANG_CONJUNCTIONS = {"sl": {"in"}, "mt": {"u"}}
WORD = re.compile(r"[\w][\w'’.-]*[\w]|[\w]", re.UNICODE)
_WORD_SPLIT = re.compile(f"({WORD.pattern})", re.UNICODE)
ADJECTIVE_END = re.compile(r"(ki|ka|kie|ky|ny|na|ne|ní|ý|á|é|wa|we|wy|ий|ия|ски|ска|ен|на|al|ale|ean|ian|ische|ischer|isches|ais|aise|ese|ico|ica|ano|ana|ienne|ien)$", re.I)


# Head nouns that start organisation names without saying their legal form
# (lemmas, lower-case). The legal-form lexicon lives in the gazetteer; these
# only mark "a name starts here" and yield no `kind`.
GENERIC_HEADS = {
    "център", "центр", "centre", "center", "centrum", "centro", "zentrum", "keskus", "centras", "centrs", "központ",
    "κέντρο", "organizacja", "organizace", "organisation", "organization", "organizzazione", "organización",
    "организация", "rada", "съвет", "council", "rat", "conseil", "consiglio", "consejo", "raad", "råd",
    "инициатива", "initiative", "inicjatywa", "iniciativa", "iniziativa", "alliance", "alianța", "coalition",
    "koalicja", "коалиция", "group", "grupa", "група", "skupina", "gruppe", "groupe", "gruppo", "grupo",
    "instytut", "institut", "institute", "институт", "istituto", "instituto", "ινστιτούτο", "agency", "agencja",
    "агенция", "agentura", "agentur", "agence", "agenzia", "agencia", "office", "urząd", "úřad", "bureau",
    "service", "служба", "služba", "dienst", "servizio", "servicio", "commission", "komisja", "комисия", "komise",
}


def head_kind(legal_form, word: str, lang: str | None) -> str | None:
    """The kind a head word gives a name, 'generic' for plain heads, None for other words."""
    kind = legal_form(word, lang)
    if kind:
        return kind
    if lang not in (None, "en") and word[:1].isupper() and len(word) > 3:
        # "VIA University College", "Refugee Council" in a Danish or Greek text: English names travel
        kind = legal_form(word, "en")
        if kind:
            return kind
    from integraph.textutil import lemma

    low = word.lower()
    if low in GENERIC_HEADS or lemma(word, lang) in GENERIC_HEADS:
        return "generic"
    return None


HEAD_FINAL = {"hu", "fi", "et"}
# Endings that make a capitalised word an adjective even at the start of a line ("Държавна агенция").
STRONG_ADJECTIVE = re.compile(r"(ski|ska|skie|sky|ský|ská|ské|ární|ální|cki|cka|ckie|ски|ска|ско|вна|ална|ична|ен|ный|ная|ний|"
                              r"ische|ischer|isches|ical|ional|ale|ienne|ese|ική|ικό|ικός)$", re.I)
SLAVIC = {"cs", "sk", "pl", "hr", "sl", "uk", "ru", "bg"}
ARTICLES = {"A", "Az", "The", "Der", "Die", "Das", "La", "Le", "Les", "Il", "Lo", "El", "Los", "Las", "De", "Het",
            "O", "Η", "Ο", "Το", "Οι", "W", "V", "Z", "В", "С", "От", "На"}
VERB_ENDINGS = ("t", "ti", "ć", "ть", "ти", "ться", "tis", "ći")


_KIND_CACHE: dict[int, dict[tuple[str, str | None], str | None]] = {}


def text_gap(text: str, a: int, b: int) -> bool:
    """Is there anything but a single run of spaces between two words?"""
    return bool(text[a:b].strip()) or "\n" in text[a:b]


@dataclass(slots=True)
class OrgMention:
    start: int
    end: int
    name: str
    kind: str | None = None
    acronym: str | None = None
    key: str | None = None  # international gazetteer key
    rule: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str | None = None


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word in text[start:end]."""
    if end - start < 400:
        return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]
    # a whole document: split around the words and take the offsets from the parts' lengths, so
    # that no Python code runs per word (re.split hands back gap, word, gap, word, …, gap)
    parts = _WORD_SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    return list(zip(offsets[1:-1:2], offsets[2::2], parts[1::2]))


def is_capitalised(w: str) -> bool:
    return w[:1].isupper()


# Two capitalised words closing a line or clause after a dash: a person ("– Olena Kovalenko")
PERSON_AFTER_DASH = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯΑ-Ω][a-zà-öø-ÿā-žа-яα-ω]+ [A-ZÀ-ÖØ-ÞĀ-ŽА-ЯΑ-Ω][a-zà-öø-ÿā-žа-яα-ω]+(?=\s*(?:[,;.)\n]|$))")
# Maltese writes the article on the next word: "tal-Ħamrun", "għall-Affarijiet", "is-Sigurtà"
ARTICLE_PREFIX = re.compile(r"^(?:(?:ta|għa|mi|fi|bi|li|ma|sa|bħa|i|u)?[lsdtnrxżċz]{0,2}-|[^\W\d_]{1,4}['’])(?=[^\W\d_])")


def name_cased(w: str) -> bool:
    """Capitalised as a word of a name, also behind a joined article ('tal-Marsa', 'l-Impjiegi')."""
    if w[:1].isupper():
        return True
    m = ARTICLE_PREFIX.match(w)
    return bool(m) and w[m.end():m.end() + 1].isupper()


class OrgFinder:
    def __init__(self, text: str, lang: str | None, legal_form, blocked: list[tuple[int, int]],
                 places: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]
        self.text = text
        self.lang = lang
        self._legal_form = legal_form  # (word, lang) -> kind | None
        self._kinds: dict[tuple[str, str | None], str | None] = _KIND_CACHE.setdefault(id(legal_form), {})
        self.blocked = Spans(blocked)  # spans already taken (places, funds, dates…)
        self.places = sorted(places)
        self._pwords: tuple[str, ...] | None = None
        self.place_starts = [p[0] for p in self.places]
        self.place_ends = sorted(p[1] for p in self.places)
        self.connectors = CONNECTORS | LANG_CONJUNCTIONS.get(lang or "", set())
        self.weak = WEAK_CONNECTORS | LANG_CONJUNCTIONS.get(lang or "", set())

    def legal_form(self, word: str, lang: str | None) -> str | None:
        key = (word, lang)
        if key not in self._kinds:
            kind = head_kind(self._legal_form, word, lang)
            joined = ARTICLE_PREFIX.match(word) if kind is None and lang == "mt" else None
            if joined and word[joined.end():][:1].isupper():  # "mill-Ministeru", "il-Kunsill"
                kind = head_kind(self._legal_form, word[joined.end():], lang)
            self._kinds[key] = kind
        return self._kinds[key]

    def _form_phrase(self, first: str, second: str) -> bool:
        from integraph.gazetteer.orgs import is_form_phrase

        return is_form_phrase(first, second, self.lang)

    def _free(self, a: int, b: int) -> bool:
        return not self.blocked.overlaps(a, b)

    # -- rule 2: names headed by a legal-form or institution word ----------
    def headed(self, start: int, end: int) -> list[OrgMention]:
        text = self.text
        words = _words(text, start, end)
        out: list[OrgMention] = []
        compound_lang = self.lang in COMPOUND_HEADS
        i = 0
        while i < len(words):
            a, b, w = words[i]
            kind = self.legal_form(w, self.lang)
            if kind is None and not (compound_lang and w[:1].isupper()):
                i += 1  # most words: neither a legal-form word nor a compound's head
                continue
            lower_head = kind is not None and not (name_cased(w) or w.isupper())
            # "Kulttuurisilta ry", "Samen Thuis vzw", "Kulturbron rf": a short lower-case legal form after
            # the name closes it, wherever the name stands (even first on its line)
            abbreviation = lower_head and len(w.replace(".", "")) <= 5 and i > 0 and not text[words[i - 1][1]:a].strip()
            if abbreviation and is_capitalised(words[i - 1][2]):
                kind, lower_head = "suffix", False
            if lower_head:
                # "Държавна агенция за бежанците", "Пловдивски университет": a lower-case head
                # names something only right after a capitalised word
                prev = words[i - 1] if i else None
                line_initial = prev is not None and (prev[0] == 0 or "\n" in text[max(0, prev[0] - 2):prev[0]]
                                                      or text[max(0, prev[0] - 2):prev[0]].strip() in (".", "!", "?"))
                if prev is None or not is_capitalised(prev[2]) or text[prev[1]:a].strip() or (
                        kind == "generic" or line_initial) and not STRONG_ADJECTIVE.search(prev[2]):
                    kind = None
                elif kind and _nationality_word(prev[2], self.lang):
                    named = self._apposition(words, i)
                    if named is not None:
                        # "koostöös Läti ühinguga Kopā Latvijā": 'the Latvian association' describes
                        # the name that follows; the name is the organisation
                        out.append(OrgMention(words[i + 1][0], words[named][1], text[words[i + 1][0]:words[named][1]],
                                              kind=kind if kind != "generic" else None, rule="headed"))
                        i = named + 1
                        continue
            compound = False
            if is_capitalised(w) and self.lang in COMPOUND_HEADS and compound_kind(w, self.lang):
                kind = kind or compound_kind(w, self.lang)  # "Erhvervsstyrelsen", "Migrationsverket"
                # alone a name only where it is not also a common noun ("die Ausländerbehörde")
                compound = self.lang in COMPOUND_NAMES
            genitive_first = None
            if kind is None and lower_head and self.lang in GENITIVE_LED:
                genitive_first = self._genitive_lead(words, i)  # "Lietuvos Respublikos vidaus reikalų ministerija"
                if genitive_first is not None:
                    kind = self.legal_form(w, self.lang)
            if not kind or not self._free(a, b):
                i += 1
                continue
            first = i if genitive_first is None else genitive_first
            # capitalised words before the head: adjectives ("Mazowiecki Urząd …"), and in head-final
            # languages the whole name ("Nyitott Kapu Egyesület", "Józsefvárosi Önkormányzat")
            # an English name in another language's text ("VIA University College") is head-final too
            english = kind not in ("generic", "suffix") and self.lang not in (None, "en") \
                and is_capitalised(w) and not self._legal_form(w, self.lang)
            # English names put a capitalised head last too: "Irish Refugee Council", "Harbour Welcome Association"
            head_final = self.lang in HEAD_FINAL or kind == "suffix" or english or (
                self.lang == "en" and kind not in ("generic",) and is_capitalised(w))
            if kind == "generic" and first == i:
                first = self._dash_named(words, i)  # "Πυξίδα – Κέντρο Ένταξης Μεταναστών"
            while first > 0 and i - first < 6 and genitive_first is None:
                pa, pb, pw = words[first - 1]
                gap = text[pb:words[first][0]]
                if gap.strip() not in ("",) + (("-", "–") if head_final else ()) or not (is_capitalised(pw) or pw.isupper()):
                    break
                if "\n" in gap:
                    break  # "Partners ⏎ Verein Brücken e.V.", "Kapcsolat ⏎ Hídfő Alapítvány": a line above is not in it
                if not self._free(pa, pb) and kind in ("public", "academic") and first == i and gap == " " \
                        and self._place_ends_at(pb):
                    first -= 1  # "Aarhus Kommune", "Göteborgs Stad": the town's body
                    break
                if pw in ARTICLES or self.legal_form(pw, self.lang) and not head_final or not self._free(pa, pb) \
                        and not head_final:
                    break
                if not head_final and not ADJECTIVE_END.search(pw) and not lower_head and \
                        not (self.lang == "de" and pw.endswith("er") and len(pw) > 4):  # "Aachener Netzwerk"
                    break
                first -= 1
                if lower_head:
                    break
            head_end = i
            if i + 1 < len(words) and words[i + 1][2].islower() and text[b:words[i + 1][0]] == " " \
                    and self._form_phrase(w, words[i + 1][2]):
                head_end = i + 1  # "Cooperativa sociale Filo Comune": a two-word legal form heads the name
            last = i if abbreviation or genitive_first is not None or compound else self._extend(words, head_end, english, head_end > i)
            if last == i and not self._quoted_after(b) and first == i and not compound:
                last = self._genitive(words, i, kind)
                if last == i:
                    i += 1
                    continue
                last = self._closing_country(words, last)  # "Ministerstvo vnútra Slovenskej republiky"
            s, e = words[first][0], words[last][1]
            joined = ARTICLE_PREFIX.match(words[first][2]) if self.lang == "mt" else None
            if joined and words[first][2][joined.end():][:1].isupper():
                s += joined.end()  # "mill-Ministeru …": the name starts after the joined article
            if compound and first == i:
                joined = COORDINATED.search(text, max(0, s - 40), s)  # "Udlændinge- og Integrationsministeriet"
                if joined and joined.end() == s:
                    s = joined.start()
            q = self._quoted_after(words[last][1])
            if q:
                e = q
            elif text[e:e + 1] == "." and ("." in words[last][2] or _ends_in_legal_form(text[s:e + 1])):
                e += 1  # "e.V.", "o.p.s.", "e. V.": the abbreviation's own last dot
            if abbreviation and kind == "suffix":
                kind = self.legal_form(w, self.lang)  # the kind the abbreviation stands for
            closing = _closing_form(text, e)
            if closing:
                # "Centrum Spolu, o. z.", "Spolek Společný prostor, z. s.": the legal form after a comma
                e, form_kind = closing
                if kind in (None, "generic", "suffix"):
                    kind = form_kind
            out.append(OrgMention(s, e, text[s:e], kind=None if kind in ("generic", "suffix") else kind, rule="headed"))
            i = last + 1
            while i < len(words) and words[i][0] < e:
                i += 1
        return out

    def _apposition(self, words: list[tuple[int, int, str]], i: int) -> int | None:
        """The last word of a capitalised name right after words[i] (at most four words), else None."""
        k = i
        while k + 1 < len(words) and k - i < 4 and name_cased(words[k + 1][2]) and \
                self.text[words[k][1]:words[k + 1][0]] == " ":
            k += 1
        return k if k > i else None

    def _dash_named(self, words: list[tuple[int, int, str]], i: int) -> int:
        """'Pyxida – Centro per l'integrazione': a short capitalised name and a dash before a plain
        head ('centre', 'office') belong to the name. The index of its first word, else `i`."""
        if i == 0 or self.text[words[i - 1][1]:words[i][0]] not in (" – ", " - ", " — "):
            return i
        k = i - 1
        while k > 0 and i - k < 3 and is_capitalised(words[k - 1][2]) and words[k - 1][2] not in ARTICLES \
                and self.text[words[k - 1][1]:words[k][0]] == " ":
            k -= 1
        if words[k][2] in ARTICLES:
            return i
        start_gap = self.text[max(0, words[k][0] - 2):words[k][0]]
        if not is_capitalised(words[k][2]) or not self._free(words[k][0], words[i - 1][1]) or \
                (k > 0 and "\n" not in start_gap and not re.search(r"[\s(«„\"“]$", start_gap)):
            return i
        return k

    def _place_ends_at(self, pos: int) -> bool:
        k = bisect_right(self.place_ends, pos) - 1
        return k >= 0 and self.place_ends[k] == pos

    def _place_starting(self, pos: int) -> int | None:
        k = bisect_right(self.place_starts, pos) - 1
        return self.places[k][1] if k >= 0 and self.places[k][0] == pos else None

    def _closing_country(self, words: list[tuple[int, int, str]], last: int) -> int:
        """A place right after a name's last word, in one piece, closes it: 'Ministerstvo vnútra
        Slovenskej republiky'. Index of the place's last word, else `last`."""
        if last + 1 >= len(words) or self.text[words[last][1]:words[last + 1][0]] != " ":
            return last
        end = self._place_starting(words[last + 1][0])
        if end is None or not is_capitalised(words[last + 1][2]):
            return last
        k = last + 1
        while k + 1 < len(words) and words[k + 1][1] <= end:
            k += 1
        return k

    def _genitive_lead(self, words: list[tuple[int, int, str]], i: int) -> int | None:
        """Baltic names put the head last, after genitives that open with a place: 'Lietuvos
        Respublikos vidaus reikalų ministerija', 'Vilniaus miesto savivaldybė'. The first word's index."""
        k = i - 1
        lower = 0
        while k >= 0 and lower < 3 and words[k][2].islower() and words[k][2] not in CONNECTORS \
                and self.text[words[k][1]:words[k + 1][0]] == " ":
            k, lower = k - 1, lower + 1
        first = None
        while k >= 0 and is_capitalised(words[k][2]) and self.text[words[k][1]:words[k + 1][0]] == " " \
                and i - k <= 6:
            if not self._free(words[k][0], words[k][1]):
                first = k  # the run must hold a place, and opens with it
            elif first is not None or k < i - 1 - lower:
                break
            k -= 1
        return first

    def _genitive(self, words: list[tuple[int, int, str]], i: int, kind: str) -> int:
        """'Ministerstvo vnitra', 'Міністерство внутрішніх справ': in the Slavic languages a head
        takes lower-case genitive words; stop at anything that lemmatises like a verb."""
        if self.lang not in SLAVIC or kind not in ("public", "academic", "generic"):
            return i
        from integraph.textutil import lemma

        last = i
        for j in range(i + 1, min(i + 4, len(words))):
            a, b, w = words[j]
            if text_gap(self.text, words[j - 1][1], a) or not w.islower() or len(w) <= 3 or w in CONNECTORS:
                break
            lem = lemma(w, self.lang)
            if lem.endswith(VERB_ENDINGS) or lem == w and j == i + 1 and False:
                break
            last = j
        return last

    def _quoted_after(self, pos: int) -> int | None:
        """A quoted name right after the head: 'Сдружение „Нов дом“' → end offset of the closing quote."""
        m = re.match(r"\s*[„“\"«]([^„“”\"«»\n]{2,80})[“”\"»]", self.text[pos:])
        return pos + m.end() if m else None

    def _extend(self, words: list[tuple[int, int, str]], i: int, foreign: bool = False, two_word_form: bool = False) -> int:
        """Index of the last word of a name whose head is words[i].

        `foreign`: an English (or French) name inside another language's text, which the
        text's own connectors ("z Lyonu", "от Лион") do not continue."""
        text = self.text
        connectors, weak = (FOREIGN_CONNECTORS, FOREIGN_CONNECTORS & WEAK_CONNECTORS) if foreign else \
            (self.connectors, self.weak)
        last = i
        j = i + 1
        lower_head = words[i][2].islower() and not two_word_form
        while j < len(words):
            a, b, w = words[j]
            gap = text[words[j - 1][1]:a]
            if "\n" in gap or any(c in gap for c in ",;:()[]„“\"«»"):
                if last == j - 1 and gap.strip() == "," and any(words[k][2].lower() in connectors or not is_capitalised(words[k][2])
                                                                 for k in range(i + 1, j)) \
                        and self._portfolio_list(words, j) is not None:
                    last = self._portfolio_list(words, j)  # "Ministerio de Inclusión, Seguridad Social y Migraciones"
                    j = last + 1
                    continue
                break
            if lower_head and j == i + 1 and is_capitalised(w) and not gap.strip() and self._free(a, b):
                break  # "Malmö universitet ⏎ Jobbspårets …": after a lower-case head a capital starts anew
            if self._project_word(w):
                break  # "… w Projekcie": a name does not run into the project
            if not self._free(a, b):
                # a place inside a public body's name: "Gmina Miejska Kraków", "Община Пловдив"
                prev_low = words[j - 1][2].lower()
                if not (is_capitalised(w) and (j == i + 1 or prev_low not in weak)):
                    break
            if gap.strip() and gap.strip() not in "–-&":
                break
            if gap.strip() in ("–", "—") and gap != gap.strip() and (
                    re.match(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s+(?:19|20)\d\d(?!\d)", text[a:a + 80])
                    or PERSON_AFTER_DASH.match(text, a)):
                # "Föreningen Gemensam Grund – Verksamhetsberättelse 2025": a document's title, and
                # "Spolek Domov pro všechny – Olena Kovalenko": its speaker, not part of the name
                break
            if name_cased(w) or (w.isupper() and len(w) > 1):
                if j > i + 1 and self.legal_form(w, self.lang) and text[words[j - 1][0]:words[j - 1][1]].lower() in connectors:
                    break  # "… i Stowarzyszenie …": a new organisation starts
                last = j
                j += 1
                continue
            low = w.lower()
            if is_capitalised(words[j - 1][2]) and low not in connectors and self.legal_form(w, self.lang):
                last = j  # "… при Министерския съвет": a lower-case head after its capitalised adjective
                j += 1
                continue
            if low in connectors and j + 1 < len(words):
                na, nb, nw = words[j + 1]
                if self._project_word(nw):
                    break  # "Migrationsverket för projektet …", "… do realizacji projektu"
                if nw.lower() in ARTICLE_WORDS and j + 2 < len(words) and words[j + 2][2].islower() \
                        and low not in weak:
                    break  # "… Ασύλου για το πρόγραμμα": a preposition and an article start a phrase
                if low in weak and not self._free(*words[j - 1][:2]):
                    break  # "Ville de Lyon et France Travail": after a town, 'and' starts another name
                if low in weak and j + 2 < len(words) and is_capitalised(nw) and \
                        self.legal_form(words[j + 2][2], self.lang) and not text_gap(text, nb, words[j + 2][0]):
                    break  # "Община Пловдив и Пловдивски университет": a second name starts
                if "\n" in text[b:na] or any(c in text[b:na] for c in ",;:()"):
                    break
                if low in weak and not name_cased(nw):
                    # "Център за модернизиране на политики" keeps lower-case words after
                    # strong connectors only; "X и иновации" only when more name follows
                    if last == j - 1 and self._lower_run_is_name(words, j + 1):
                        last = j + 1
                        j += 2
                        continue
                    end = self._described_to_boundary(words, i, j)
                    if end is not None:
                        last = end
                    break
                if self.legal_form(nw, self.lang) and low in weak:
                    break
                last = j + 1
                j += 2
                continue
            break
        return self._lower_tail(words, i, last)

    def _project_word(self, w: str) -> bool:
        if self._pwords is None:
            from integraph.gazetteer import cues

            self._pwords = tuple(p.lower() for p in cues.cues("project_words", self.lang) if len(p) > 3)
        low = w.lower()
        return any(low.startswith(p) for p in self._pwords)

    def _portfolio_list(self, words: list[tuple[int, int, str]], j: int) -> int | None:
        """'Ministerio de Inclusión, Seguridad Social y Migraciones', 'Ministerium für Kinder, Jugend,
        Familie … und Integration': a public body's portfolio, listed with commas and closed by 'and'
        before a capitalised word. The index of the list's last word, else None."""
        k, items = j, 0
        while k < len(words) and items < 8:
            gap = self.text[words[k - 1][1]:words[k][0]]
            if "\n" in gap or not name_cased(words[k][2]) or gap.strip() not in (",", "") \
                    or self.legal_form(words[k][2], self.lang):
                return None  # "…, Mazowiecki Urząd Wojewódzki i Stowarzyszenie …": other bodies, not a portfolio
            while k + 1 < len(words) and name_cased(words[k + 1][2]) and \
                    self.text[words[k][1]:words[k + 1][0]] in (" ", "-"):
                k += 1  # "Seguridad Social": an item of two words
            items += 1
            if k + 2 < len(words) and words[k + 1][2].lower() in self.weak \
                    and self.text[words[k][1]:words[k + 1][0]] == " " and name_cased(words[k + 2][2]):
                return k + 2  # "… y Migraciones"
            k += 1
            if k >= len(words) or self.text[words[k - 1][1]:words[k][0]].strip() != ",":
                return None
        return None

    def _lower_tail(self, words: list[tuple[int, int, str]], i: int, last: int) -> int:
        """'Spolek Společný prostor, z. s.': one lower-case word closing a name before punctuation."""
        if last == i or last + 1 >= len(words):
            return last
        a, b, w = words[last + 1]
        if not w.islower() or w in CONNECTORS or text_gap(self.text, words[last][1], a):
            return last
        after = self.text[b:b + 2]
        if not after or after[0] not in ",;.)\n" or (after[0] == "." and self.lang in SLAVIC and False):
            return last
        from integraph.textutil import lemma

        if lemma(w, self.lang).endswith(VERB_ENDINGS) or len(w) < 4:
            return last
        pa, pb, pw = words[last]
        # only after a capitalised adjective or preposition of the name ("Společný prostor", "Bez hranic"),
        # not after a town or a noun, where a verb follows ("Rada Miasta Gdańska uchwala")
        if not is_capitalised(pw) or not self._free(pa, pb) or not (len(pw) <= 4 or STRONG_ADJECTIVE.search(pw)):
            return last
        return last + 1

    def _described_to_boundary(self, words: list[tuple[int, int, str]], i: int, j: int) -> int | None:
        """'Urad … za oskrbo in integracijo migrantov (UOIM)': a name whose lower-case tail
        ("za oskrbo") goes on after 'and' up to a bracket, comma or line end, in at most three
        lower-case words; the index of its last word, else None."""
        if not words[j - 1][2].islower() or not any(words[k][2].lower() in CONNECTORS and
                                                     words[k][2].lower() not in WEAK_CONNECTORS
                                                     for k in range(i + 1, j - 1)):
            return None
        k = j + 1
        while k < len(words) and k - j <= 3:
            a, b, w = words[k]
            gap = self.text[words[k - 1][1]:a]
            if "\n" in gap or any(c in gap for c in ",;:()"):
                break
            if gap.strip() or not w.islower() or w in CONNECTORS or not self._free(a, b):
                return None
            k += 1
        if k - j > 3 or k == j + 1:
            return None
        after = self.text[words[k - 1][1]:words[k - 1][1] + 2] if k - 1 < len(words) else ""
        if after and after[0] not in ",;:()\n" and not after.startswith(" ("):
            return None
        return k - 1

    def _lower_run_is_name(self, words: list[tuple[int, int, str]], j: int) -> bool:
        """After 'A – B и x': accept x when the run started with a dash-joined capitalised part."""
        prev_gap = self.text[words[max(0, j - 3)][1]:words[j - 2][0]] if j >= 3 else ""
        return "–" in prev_gap or "-" in prev_gap


def name_key(name: str) -> str:
    return normalise(name)
