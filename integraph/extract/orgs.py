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

This module finds rule 2's head words and builds the mentions; the words names are made of are
in org_name_words.py, how far a name runs from its head in org_extent.py, rules 3 and 4 in
acronyms.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count

from integraph.extract.org_extent import NameExtent, _closing_form, _ends_in_legal_form
from integraph.extract.org_name_words import (ADJECTIVE_END, ARTICLE_PREFIX, ARTICLES, COMPOUND_HEADS, COMPOUND_NAMES,
                                              CONNECTORS, COORDINATED, GENITIVE_LED, HEAD_FINAL, IRISH_MUTATION, LANG_CONJUNCTIONS,
                                              STRONG_ADJECTIVE, TITLE_CASED, WEAK_CONNECTORS, _nationality_word,
                                              word_columns, compound_kind, genitive_shaped, head_kind, is_capitalised,
                                              name_cased)
from integraph.spans import Spans
from integraph.textutil import normalise

_KIND_CACHE: dict[int, dict[tuple[str, str | None], str | None]] = {}
# (legal-form lookup, language) → (words that may head a name, every word asked): what `headed` asks
# of every word of a document, kept across documents as _KIND_CACHE is
_HEAD_CACHE: dict[tuple[int, str | None], tuple[set[str], set[str]]] = {}
# (legal_form, lang) → (words asked, words that open a two-word institution phrase)
_PHRASE_OPENERS: dict[tuple[int, str | None], tuple[set[str], set[str]]] = {}


@lru_cache(maxsize=64)
def _connectors(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """(connectors, weak connectors) of `lang`: the shared ones and the language's own conjunctions
    (built once per language, not for each of the two finders of every document)."""
    own = LANG_CONJUNCTIONS.get(lang or "", set())
    return frozenset(CONNECTORS | own), frozenset(WEAK_CONNECTORS | own)


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


class OrgFinder(NameExtent):
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
        self.connectors, self.weak = _connectors(lang)

    def legal_form(self, word: str, lang: str | None) -> str | None:
        key = (word, lang)
        if key not in self._kinds:
            kind = head_kind(self._legal_form, word, lang)
            joined = ARTICLE_PREFIX.match(word) if kind is None and lang == "mt" else None
            if joined and word[joined.end():][:1].isupper():  # "mill-Ministeru", "il-Kunsill"
                kind = head_kind(self._legal_form, word[joined.end():], lang)
            self._kinds[key] = kind
        return self._kinds[key]

    def _head_indices(self, strings: list[str], compound_lang: bool) -> list[int]:
        """Indices of the words (`strings`, a document's words in order) that may head a name: a
        legal-form or institution word, or (in a language of compound names) a capitalised word
        ending in an institution word."""
        lang = self.lang
        heads, asked = _HEAD_CACHE.setdefault((id(self._legal_form), lang), (set(), set()))
        distinct = set(strings)
        for w in distinct.difference(asked):  # set algebra: only words never met before are asked
            asked.add(w)
            if self.legal_form(w, lang) is not None or (compound_lang and w[:1].isupper() and compound_kind(w, lang)):
                heads.add(w)
        # the indices whose word is a head, picked in C (a document has hundreds of words, a few heads)
        found = list(compress(count(), map(heads.__contains__, strings)))
        # "Câmara Municipal do Porto": a two-word institution phrase whose words alone name nothing
        # (imported here: the gazetteer's organisation module imports this one)
        from integraph.gazetteer.orgs import form_phrase_firsts, form_phrase_kind
        from integraph.gazetteer.tokens import token_key

        firsts = form_phrase_firsts(lang)
        if firsts:
            seen, openers = _PHRASE_OPENERS.setdefault((id(self._legal_form), lang), (set(), set()))
            for w in distinct.difference(seen):  # each distinct word folded once, across documents
                seen.add(w)
                if w[:1].isupper() and w not in heads and token_key(w) in firsts:
                    openers.add(w)
            last = len(strings) - 1
            extra = [i for i in compress(count(), map(openers.__contains__, strings))
                     if i < last and form_phrase_kind(strings[i], strings[i + 1], lang)]
            if extra:
                found = sorted(found + extra)
        return found

    def _free(self, a: int, b: int) -> bool:
        return not self.blocked.overlaps(a, b)

    # -- rule 2: names headed by a legal-form or institution word ----------
    def headed(self, start: int, end: int) -> list[OrgMention]:
        from integraph.gazetteer.orgs import closing_form_kind, form_phrase_kind, is_form_phrase

        text = self.text
        words, strings = word_columns(text, start, end)
        out: list[OrgMention] = []
        compound_lang = self.lang in COMPOUND_HEADS
        # most words are neither a legal-form word nor a compound's head: the loop visits only the
        # words that are (each distinct word asked once), jumping over the rest
        heads = self._head_indices(strings, compound_lang)
        n_heads, h = len(heads), 0
        i = 0
        while i < len(words):
            while h < n_heads and heads[h] < i:
                h += 1
            if h == n_heads:
                break
            i = heads[h]
            a, b, w = words[i]
            kind = self.legal_form(w, self.lang)
            phrase_head = False
            if kind is None and i + 1 < len(words):
                kind = form_phrase_kind(w, words[i + 1][2], self.lang)
                phrase_head = kind is not None
            lower_head = kind is not None and not (name_cased(w) or w.isupper())
            # "Kulttuurisilta ry", "Samen Thuis vzw", "Kulturbron rf": a short lower-case legal form after
            # the name closes it, wherever the name stands (even first on its line)
            abbreviation = lower_head and len(w.replace(".", "")) <= 5 and i > 0 and not text[words[i - 1][1]:a].strip() \
                and closing_form_kind(w) is not None
            if abbreviation and is_capitalised(words[i - 1][2]):
                kind, lower_head = "suffix", False
            if lower_head:
                # "Държавна агенция за бежанците", "Пловдивски университет": a lower-case head
                # names something only right after a capitalised word
                prev = words[i - 1] if i else None
                line_initial = prev is not None and (prev[0] == 0 or "\n" in text[max(0, prev[0] - 2):prev[0]]
                                                      or text[max(0, prev[0] - 2):prev[0]].strip() in (".", "!", "?"))
                # a Baltic genitive before its head is as good as an adjective: "Užimtumo tarnyba" (employment service)
                baltic = self.lang in GENITIVE_LED and kind != "generic" and prev is not None \
                    and genitive_shaped(prev[2], self.lang)
                if prev is None or not is_capitalised(prev[2]) or text[prev[1]:a].strip() or \
                        self.lang in TITLE_CASED or (
                        kind == "generic" or line_initial) and not STRONG_ADJECTIVE.search(prev[2]) and not baltic:
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
            english = kind not in ("generic", "suffix") and self.lang not in (None, "en") and not phrase_head \
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
                if lower_head and (self.lang not in GENITIVE_LED or i - first >= 3):
                    break  # one adjective before a lower-case head; a Baltic genitive name up to three words
                    # ("Vytauto Didžiojo universitetas")
            head_end = i
            if i + 1 < len(words) and (words[i + 1][2].islower() or phrase_head) and text[b:words[i + 1][0]] == " " \
                    and is_form_phrase(w, words[i + 1][2], self.lang):
                head_end = i + 1  # "Cooperativa sociale Filo Comune": a two-word legal form heads the name
            if abbreviation or compound:
                last = i
            elif lower_head and self.lang in GENITIVE_LED:
                last = self._following_heads(words, i)  # a Baltic name ends at its head
            else:
                last = self._extend(words, head_end, english, head_end > i)
            if phrase_head and last <= head_end and first == i:
                i += 1  # "Non-governmental organisation", "Câmara Municipal" alone: a kind of body, not a name
                continue
            if last == i and not self._quoted_after(b) and first == i and not compound:
                last = self._genitive(words, i, kind)
                if last == i:
                    i += 1
                    continue
                last = self._closing_country(words, last)  # "Ministerstvo vnútra Slovenskej republiky"
            s, e = words[first][0], words[last][1]
            if self.lang in GENITIVE_LED and out and text[out[-1].end:s] == " " and lower_head \
                    and _lower_genitive(out[-1].name.rsplit(" ", 1)[-1], self.lang):
                # "Vytauto Didžiojo universiteto Švietimo akademija": a unit named after its parent's
                # genitive belongs to that organisation, which the previous name is
                i = last + 1
                continue
            joined = ARTICLE_PREFIX.match(words[first][2]) if self.lang == "mt" else \
                IRISH_MUTATION.match(words[first][2]) if self.lang == "ga" else None
            if joined and words[first][2][joined.end():][:1].isupper():
                s += joined.end()  # "mill-Ministeru …", "hOllscoil …": the name starts at its capital
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


def _lower_genitive(word: str, lang: str | None) -> bool:
    return word.islower() and genitive_shaped(word, lang)


def name_key(name: str) -> str:
    return normalise(name)
