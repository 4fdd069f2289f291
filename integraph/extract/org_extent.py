"""Where an organisation's name ends (and, before its head, where it starts): the connectors,
genitives, portfolio lists, closing legal forms and places that a name runs over or stops at.

Separate from the finder (orgs.py) because it is the longest and most rule-dense part of it:
`NameExtent` is a mixin whose methods `OrgFinder.headed` calls once it has found a head word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_right

from integraph.extract.org_name_words import (ARTICLE_WORDS, ARTICLES, CONNECTORS, FOREIGN_CONNECTORS, SLAVIC,
                                              STRONG_ADJECTIVE, VERB_ENDINGS, WEAK_CONNECTORS, genitive_shaped,
                                              is_capitalised, name_cased, text_gap)

# ", o. z." / ", z. s." / ", s.r.o.": a legal-form abbreviation after a comma closing a name
CLOSING_TOKENS = re.compile(r",[ \u00a0]?((?:[^\W\d_]{1,4}\.?)(?:[ \u00a0]?[^\W\d_]{1,4}\.?){0,3})")
CLOSING_TOKEN = re.compile(r"[^\W\d_]{1,4}\.?")
# punctuation between two words that ends a name (with a line break)
STOPS_NAME = re.compile(r"[,;:()\[\]„“\"«»]")
FOREIGN_WEAK = FOREIGN_CONNECTORS & WEAK_CONNECTORS
# a quoted name right after a head: 'Сдружение „Нов дом“'
# the dictionary forms of Slavic adjectives: bg 'вътрешен', 'социален'; cs 'sociální', 'vnitřní';
# pl 'wewnętrzny'; sl 'socialen', 'notranji' (a participle's too)
ADJECTIVE_LEMMA = re.compile(r"(?:[нс]ки|[ео]н|ов|[nsc]ký|[nc]í|[nw]y|ski|cki|en|ji|ный|ний|ский)$")
# Slavic languages without noun cases, whose genitive takes a preposition
CASELESS = {"bg"}
QUOTED_AFTER = re.compile(r"\s*[„“\"«]([^„“”\"«»\n]{2,80})[“”\"»]")


def _ends_in_legal_form(name: str) -> bool:
    from integraph.gazetteer.orgs import closing_form_kind

    return closing_form_kind(name) is not None


def _closing_form(text: str, end: int) -> tuple[int, str] | None:
    """(new end, kind) when a legal-form abbreviation follows the name after a comma."""
    if text[end:end + 1] != ",":
        return None  # what CLOSING_TOKENS opens with: most names end without one
    m = CLOSING_TOKENS.match(text, end)
    if not m:
        return None
    from integraph.gazetteer.orgs import closing_form_kind

    tokens = list(CLOSING_TOKEN.finditer(m.group(1)))
    for n in range(len(tokens), 0, -1):  # longest first: "spol. s r.o." before "s"
        stop = m.start(1) + tokens[n - 1].end()
        if stop < len(text) and not (text[stop].isspace() or text[stop] in ",;)."):
            continue
        kind = closing_form_kind(text[m.start(1):stop])
        if kind:
            return stop, kind
    return None


# Prepositions and conjunctions that open the phrase after a name's lower-case tail (beyond CONNECTORS)
PHRASE_OPENERS = {"iz", "ter", "pri", "od", "ob", "po", "kot", "ki", "from", "with", "aus", "mit", "avec", "con", "com"}


@lru_cache(maxsize=64)
def role_words(lang: str | None) -> frozenset[str]:
    """One-word roles of people in `lang` ('juhataja', 'koordinátor', 'director'), from the field labels."""
    from integraph.gazetteer import cues

    labels = cues.field_labels(lang)
    return frozenset(w.lower() for g in ("person_role", "person") for w in labels.get(g, ()) if " " not in w)


# Two capitalised words closing a line or clause after a dash: a person ("– Olena Kovalenko")
PERSON_AFTER_DASH = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯΑ-Ω][a-zà-öø-ÿā-žа-яα-ω]+ [A-ZÀ-ÖØ-ÞĀ-ŽА-ЯΑ-Ω][a-zà-öø-ÿā-žа-яα-ω]+(?=\s*(?:[,;.)\n]|$))")


class NameExtent:
    """The extent rules of `OrgFinder` (which provides `legal_form` and `_free`)."""

    text: str
    lang: str | None
    places: list[tuple[int, int]]
    place_starts: list[int]
    place_ends: list[int]
    connectors: frozenset[str]
    weak: frozenset[str]
    _pwords: tuple[str, ...] | None

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
                and genitive_shaped(words[k][2], self.lang) and self.text[words[k][1]:words[k + 1][0]] == " ":
            # only genitives: "Vilniuje susipažinti su mokyklomis" puts a town before a verb, not a name
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

    def _following_heads(self, words: list[tuple[int, int, str]], i: int) -> int:
        """A Baltic name closes with its head ('Užimtumo tarnybos | Kauno klientų … departamentas': a
        capital after it opens the name of a unit), save for more lower-case institution words that
        the head's genitive belongs to ('Vilniaus miesto savivaldybės administracija'). The index of
        the name's last word."""
        last = i
        while last + 1 < len(words) and last - i < 2:
            a, b, w = words[last + 1]
            if not w.islower() or self.text[words[last][1]:a] != " " or not self.legal_form(w, self.lang):
                break
            last += 1
        return last

    def _quoted_after(self, pos: int) -> int | None:
        """A quoted name right after the head: 'Сдружение „Нов дом“' → end offset of the closing quote."""
        m = QUOTED_AFTER.match(self.text, pos)
        return m.end() if m else None

    def _extend(self, words: list[tuple[int, int, str]], i: int, foreign: bool = False, two_word_form: bool = False) -> int:
        """Index of the last word of a name whose head is words[i].

        `foreign`: an English (or French) name inside another language's text, which the
        text's own connectors ("z Lyonu", "от Лион") do not continue."""
        text = self.text
        connectors, weak = (FOREIGN_CONNECTORS, FOREIGN_WEAK) if foreign else (self.connectors, self.weak)
        last = i
        j = i + 1
        lower_head = words[i][2].islower() and not two_word_form
        while j < len(words):
            a, b, w = words[j]
            gap = text[words[j - 1][1]:a]
            if gap != " " and ("\n" in gap or STOPS_NAME.search(gap)):  # most gaps are one space
                if last == j - 1 and gap.strip() == "," and any(words[k][2].lower() in connectors or not is_capitalised(words[k][2])
                                                                 for k in range(i + 1, j)) \
                        and self._portfolio_list(words, j) is not None:
                    last = self._portfolio_list(words, j)  # "Ministerio de Inclusión, Seguridad Social y Migraciones"
                    j = last + 1
                    continue
                if last == j - 1 and gap == ", " and j >= i + 3 and words[j - 1][2].islower() \
                        and words[j - 2][2] in connectors and words[j - 2][2] not in weak:
                    end = self._lower_portfolio_list(words, j)
                    if end is not None:
                        last = end  # "Ministrstva za delo, družino, socialne zadeve in enake možnosti"
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
                if self._project_word(nw) or (nw.islower() and j + 2 < len(words)
                                              and self._project_word(words[j + 2][2])
                                              and self.text[nb:words[j + 2][0]] == " "):
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
                if nw.islower() and self._adjective_takes_noun(words, j):
                    last = j  # "Министерството на вътрешните работи": the adjective's noun is the name's too
                    j += 1
                while nw.islower() and self.lang not in CASELESS and j - last == 1 and last - i < 8 \
                        and self._lower_noun(words, j):
                    # "Centrum na podporu integrace cizinců": genitives after the connector's noun
                    # (not in Bulgarian, which has no cases and says 'на' before each)
                    last = j
                    j += 1
                continue
            break
        return self._lower_tail(words, i, last)

    def _lower_noun(self, words: list[tuple[int, int, str]], j: int) -> bool:
        """Can words[j] be a lower-case noun going on with a Slavic name on its line: no verb
        (by its lemma: '… pro vzdělávání řídí'), no speaker's role, no place?"""
        if self.lang not in SLAVIC or j >= len(words):
            return False
        a, b, w = words[j]
        if not w.islower() or len(w) < 4 or w in CONNECTORS or self.text[words[j - 1][1]:a] != " " \
                or not self._free(a, b):
            return False
        from integraph.textutil import lemma

        return not lemma(w, self.lang).endswith(VERB_ENDINGS) and w not in role_words(self.lang)

    def _adjective_takes_noun(self, words: list[tuple[int, int, str]], j: int) -> bool:
        """Is words[j] the lower-case noun of the adjective words[j - 1], which a Slavic name's
        connector took ('на вътрешните работи', 'pro sociální věci')? The adjective is known by its lemma."""
        if not self._lower_noun(words, j):
            return False
        from integraph.textutil import lemma

        return bool(ADJECTIVE_LEMMA.search(lemma(words[j - 1][2], self.lang)))

    def _project_word(self, w: str) -> bool:
        if self._pwords is None:
            from integraph.gazetteer import cues

            self._pwords = tuple(p.lower() for p in cues.cues("project_words", self.lang) if len(p) > 3)
        low = w.lower()
        return low.startswith(self._pwords)

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

    def _lower_portfolio_list(self, words: list[tuple[int, int, str]], j: int) -> int | None:
        """'Ministrstva za delo, družino, socialne zadeve in enake možnosti': a portfolio written in
        lower case after a connector, items of one or two words listed with commas, closed by
        'and' and one or two words before punctuation or a line end. The index of its last word, else None."""
        k, items, n = j, 0, len(words)
        while k < n and items < 8:
            size = 0
            while k < n and size < 2 and words[k][2].islower() and words[k][2] not in CONNECTORS \
                    and (size == 0 or self.text[words[k - 1][1]:words[k][0]] == " "):
                k, size = k + 1, size + 1
            if size == 0 or k >= n:
                return None
            items += 1
            gap = self.text[words[k - 1][1]:words[k][0]]
            if gap == ", ":
                continue
            if gap != " " or words[k][2] not in self.weak or items < 2:
                return None
            end = k + 1
            while end < n and end - k <= 2 and words[end][2].islower() and words[end][2] not in CONNECTORS \
                    and self.text[words[end - 1][1]:words[end][0]] == " ":
                end += 1
            after = self.text[words[end - 1][1]:words[end - 1][1] + 1]
            if end == k + 1 or end - k > 3 or (after and after not in ",;.:()\n"):
                return None
            return end - 1
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

        if lemma(w, self.lang).endswith(VERB_ENDINGS) or len(w) < 4 or w in role_words(self.lang):
            return last  # "… Koduõu juhataja": the speaker's role after the name is no part of it
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
            if k > j + 1 and not gap.strip() and (w in CONNECTORS or w in PHRASE_OPENERS):
                return k - 1  # "… in integracijo migrantov iz Sklada …": a preposition opens the next phrase
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
