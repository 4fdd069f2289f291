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
from dataclasses import dataclass, field

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


def _closing_form(text: str, end: int) -> tuple[int, str] | None:
    """(new end, kind) when a legal-form abbreviation follows the name after a comma."""
    from integraph.gazetteer.orgs import _suffix_kind

    m = CLOSING_TOKENS.match(text, end)
    if not m:
        return None
    tokens = list(re.finditer(r"[^\W\d_]{1,4}\.?", m.group(1)))
    for n in range(len(tokens), 0, -1):  # longest first: "spol. s r.o." before "s"
        stop = m.start(1) + tokens[n - 1].end()
        if stop < len(text) and not (text[stop].isspace() or text[stop] in ",;)."):
            continue
        kind = _suffix_kind(text[m.start(1):stop])
        if kind:
            return stop, kind
    return None


# 'and' where the same word is a preposition elsewhere (Slovene 'in'): joins names in that language only.
LANG_CONJUNCTIONS = {"sl": {"in"}}
# All-caps tokens that are not organisations.
NOT_ORG_ACRONYMS = {
    "EU", "ЕС", "UE", "EÚ", "ES", "EL", "NGO", "НПО", "НПО-та", "ONG", "NNO", "NGOs", "USA", "UK", "PDF", "ČR", "SR", "RP",
    "IT", "ICT", "ИКТ", "HR", "PR", "CEO", "CV", "FAQ", "OK", "TV", "DNA", "ID", "VAT", "ДДС", "ISBN", "ISO", "RSS",
    "HTML", "URL", "WWW", "MB", "KB", "GB", "PLN", "EUR", "BGN", "CZK", "USD", "CET", "PS", "NB", "Nr", "NR", "KRS",
    "NIP", "REGON", "IČO", "IČ", "ЕИК", "COVID", "COVID-19", "LGBT", "LGBTI", "LGBTIQ", "ROMA", "BG", "PL", "CZ", "DE",
    "FR", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "A", "B", "C", "D", "E", "F", "Q",
}
ACRONYM = re.compile(r"(?<![\w-])([A-ZА-ЯЁІЇЄҐΑ-Ω][A-ZА-ЯЁІЇЄҐΑ-Ω0-9&]{1,7}\+?)(?![\w-])")
WORD = re.compile(r"[\w][\w'’.-]*[\w]|[\w]", re.UNICODE)
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
    from integraph.textutil import lemma

    low = word.lower()
    if low in GENERIC_HEADS or lemma(word, lang) in GENERIC_HEADS:
        return "generic"
    return None


HEAD_FINAL = {"hu", "fi", "et"}
# Endings that make a capitalised word an adjective even at the start of a line ("Държавна агенция").
STRONG_ADJECTIVE = re.compile(r"(ski|ska|skie|sky|ský|ská|ské|cki|cka|ckie|ски|ска|ско|вна|ална|ична|ен|ный|ная|ний|"
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
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def is_capitalised(w: str) -> bool:
    return w[:1].isupper()


def initials(words: list[str]) -> str:
    """Initials of the content words: 'Център за Имиграция и Интеграция' → 'ЦИИ'."""
    return "".join(w[0] for w in words if w.lower() not in CONNECTORS and w[:1].isalpha()).upper()


def initials_all(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


class OrgFinder:
    def __init__(self, text: str, lang: str | None, legal_form, blocked: list[tuple[int, int]]) -> None:
        self.text = text
        self.lang = lang
        self._legal_form = legal_form  # (word, lang) -> kind | None
        self._kinds: dict[tuple[str, str | None], str | None] = _KIND_CACHE.setdefault(id(legal_form), {})
        self.blocked = Spans(blocked)  # spans already taken (places, funds, dates…)
        self.connectors = CONNECTORS | LANG_CONJUNCTIONS.get(lang or "", set())
        self.weak = WEAK_CONNECTORS | LANG_CONJUNCTIONS.get(lang or "", set())

    def legal_form(self, word: str, lang: str | None) -> str | None:
        key = (word, lang)
        if key not in self._kinds:
            self._kinds[key] = head_kind(self._legal_form, word, lang)
        return self._kinds[key]

    def _free(self, a: int, b: int) -> bool:
        return not self.blocked.overlaps(a, b)

    # -- rule 2: names headed by a legal-form or institution word ----------
    def headed(self, start: int, end: int) -> list[OrgMention]:
        text = self.text
        words = _words(text, start, end)
        out: list[OrgMention] = []
        i = 0
        while i < len(words):
            a, b, w = words[i]
            kind = self.legal_form(w, self.lang)
            lower_head = kind is not None and not (is_capitalised(w) or w.isupper())
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
            if not kind or not self._free(a, b):
                i += 1
                continue
            first = i
            # capitalised words before the head: adjectives ("Mazowiecki Urząd …"), and in head-final
            # languages the whole name ("Nyitott Kapu Egyesület", "Józsefvárosi Önkormányzat")
            head_final = self.lang in HEAD_FINAL or kind == "suffix"
            while first > 0 and i - first < 6:
                pa, pb, pw = words[first - 1]
                gap = text[pb:words[first][0]]
                if gap.strip() not in ("",) + (("-", "–") if head_final else ()) or not (is_capitalised(pw) or pw.isupper()):
                    break
                if abbreviation and "\n" in gap:
                    break  # "Partners ⏎ Verein Brücken e.V.": a heading above is not part of the name
                if pw in ARTICLES or self.legal_form(pw, self.lang) and not head_final or not self._free(pa, pb) \
                        and not head_final:
                    break
                if not head_final and not ADJECTIVE_END.search(pw) and not lower_head:
                    break
                first -= 1
                if lower_head:
                    break
            last = i if abbreviation else self._extend(words, i)
            if last == i and not self._quoted_after(b) and first == i:
                last = self._genitive(words, i, kind)
                if last == i:
                    i += 1
                    continue
            s, e = words[first][0], words[last][1]
            q = self._quoted_after(words[last][1])
            if q:
                e = q
            elif text[e:e + 1] == "." and "." in words[last][2]:
                e += 1  # "e.V.", "o.p.s.": the abbreviation's own last dot
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

    def _extend(self, words: list[tuple[int, int, str]], i: int) -> int:
        """Index of the last word of a name whose head is words[i]."""
        text = self.text
        last = i
        j = i + 1
        while j < len(words):
            a, b, w = words[j]
            gap = text[words[j - 1][1]:a]
            if "\n" in gap or any(c in gap for c in ",;:()[]„“\"«»"):
                break
            if not self._free(a, b):
                # a place inside a public body's name: "Gmina Miejska Kraków", "Община Пловдив"
                prev_low = words[j - 1][2].lower()
                if not (is_capitalised(w) and (j == i + 1 or prev_low not in self.weak)):
                    break
            if gap.strip() and gap.strip() not in "–-&":
                break
            if is_capitalised(w) or (w.isupper() and len(w) > 1):
                if j > i + 1 and self.legal_form(w, self.lang) and text[words[j - 1][0]:words[j - 1][1]].lower() in self.connectors:
                    break  # "… i Stowarzyszenie …": a new organisation starts
                last = j
                j += 1
                continue
            low = w.lower()
            if is_capitalised(words[j - 1][2]) and low not in self.connectors and self.legal_form(w, self.lang):
                last = j  # "… при Министерския съвет": a lower-case head after its capitalised adjective
                j += 1
                continue
            if low in self.connectors and j + 1 < len(words):
                na, nb, nw = words[j + 1]
                if low in self.weak and j + 2 < len(words) and is_capitalised(nw) and \
                        self.legal_form(words[j + 2][2], self.lang) and not text_gap(text, nb, words[j + 2][0]):
                    break  # "Община Пловдив и Пловдивски университет": a second name starts
                if "\n" in text[b:na] or any(c in text[b:na] for c in ",;:()"):
                    break
                if low in self.weak and not is_capitalised(nw):
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
                if self.legal_form(nw, self.lang) and low in self.weak:
                    break
                last = j + 1
                j += 2
                continue
            break
        return self._lower_tail(words, i, last)

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

    # -- rule 3: acronyms defined in brackets or after a dash ---------------
    def defined_acronyms(self, start: int, end: int) -> list[tuple[str, int, int, int, int]]:
        """(acronym, long_start, long_end, acr_start, acr_end) for 'Long Name (ACR)' and 'Long Name – ACR'."""
        text = self.text
        out = []
        for m in re.finditer(r"\(\s*([^()\n]{2,40}?)\s*\)|\s[-–—]\s([A-ZА-ЯΑ-Ω][A-ZА-ЯΑ-Ω0-9]{1,7})\b", text[start:end]):
            inner = m.group(1) or m.group(2)
            first = inner.split()[0]
            named = len(inner.split()) >= 2 and any(self.legal_form(w, None) not in (None, "generic")
                                                    for w in inner.split())
            if not named and (not ACRONYM.fullmatch(first) or first in NOT_ORG_ACRONYMS):
                continue
            a0 = start + m.start(1 if m.group(1) else 2)
            long_end = start + m.start()
            while long_end > start and text[long_end - 1].isspace():
                long_end -= 1
            long_start = None if named else self._long_form_start(first, long_end, start)
            if long_start is None:
                if len(inner.split()) == 1:
                    continue
                long_start = long_end  # "(IOM Francja)": another name of what stands before
            out.append((inner, long_start, long_end, a0, a0 + len(inner)))
        return out

    def _long_form_start(self, acr: str, long_end: int, floor: int) -> int | None:
        text = self.text
        words = _words(text, max(floor, long_end - 200), long_end)
        letters = acr.rstrip("+").upper()
        # exact initials of content words (or of all words), walking back
        for n in range(1, min(len(words), 14) + 1):
            chunk = words[-n:]
            ws = [w for _, _, w in chunk]
            if "\n" in text[chunk[0][0]:long_end]:
                break
            if initials(ws) == letters or initials_all(ws) == letters:
                return chunk[0][0]
        # otherwise the capitalised run before the bracket (another language's acronym)
        k = len(words) - 1
        if k < 0 or not is_capitalised(words[k][2]):
            return None
        start = words[k][0]
        while k > 0:
            gap = text[words[k - 1][1]:words[k][0]]
            pw = words[k - 1][2]
            if "\n" in gap or gap.strip() not in ("", ",", "–", "-"):
                break
            if is_capitalised(pw) or (pw.lower() in CONNECTORS and gap.strip() == ""):
                k -= 1
                if is_capitalised(pw):
                    start = words[k][0]
                continue
            break
        if text[start:long_end].count(" ") < 1:
            return None
        return start

    # -- rule 4: bare acronyms ---------------------------------------------
    def acronyms(self, start: int, end: int) -> list[tuple[int, int, str]]:
        out = []
        for m in ACRONYM.finditer(self.text, start, end):
            w = m.group(1)
            if w in NOT_ORG_ACRONYMS or len(w.rstrip("+")) < 2 or w.isdigit() or not self._free(m.start(), m.end()):
                continue
            if sum(c.isalpha() for c in w) < 2:
                continue
            out.append((m.start(1), m.end(1), w))
        return out


def match_initials(acronym: str, names: list[str]) -> str | None:
    """The name among `names` whose initials spell `acronym` (one only), else None."""
    target = acronym.rstrip("+").upper()
    hits = {n for n in names if len(n.split()) >= 2 and (initials(n.split()) == target or initials_all(n.split()) == target)}
    return hits.pop() if len(hits) == 1 else None


def name_key(name: str) -> str:
    return normalise(name)
