"""Document-local entities for organisations, programmes and places.

Each mention becomes (or joins) a local entity and yields grounded name
statements.  `Mentions` then answers "which entity is at this offset", which
is all the project frames need.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from integraph.extract.emit import Emitter
from integraph.extract.findings import Findings
from integraph.extract import acronyms
from integraph.extract.definitions import defined_names, site_name
from integraph.extract.literals import occurrences
from integraph.extract.acronyms import NOT_ORG_ACRONYMS, match_initials
from integraph.extract.org_name_words import head_kind
from integraph.extract.orgs import OrgFinder, OrgMention, name_key
from integraph.extract.org_extent import role_words
from integraph.spans import DisjointSpans, Spans

EXTRACTOR = "integraph.entities.v1"
# Bodies of the international gazetteer that texts name as a place or polity
# ("in the EU", "EU citizens") far more often than as an actor.
POLITIES = {"eu"}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: str
    schema: str
    text: str


class Mentions:
    def __init__(self) -> None:
        self.items: list[Mention] = []
        self._by_start: list[Mention] | None = None  # sorted view, rebuilt after additions
        self._starts: list[int] = []

    def add(self, m: Mention) -> None:
        self.items.append(m)
        self._by_start = None

    def within(self, start: int, end: int, schema: str | None = None) -> list[Mention]:
        if self._by_start is None:
            self._by_start = sorted(self.items, key=lambda m: m.start)
            self._starts = [m.start for m in self._by_start]
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [m for m in self._by_start[lo:hi] if m.end <= end and (schema is None or m.schema == schema)]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.items if m.start < end and start < m.end]


def programmes(found: Findings, em: Emitter, mentions: Mentions) -> None:
    from integraph.gazetteer import funds

    for m in found.funds:
        if "named_at" in m.extra:
            a, b = m.extra["named_at"]
            eid = em.entity("Programme", str(m.value))
            em.fact(eid, "Programme", "name", m.extra["name"], a, b, "integraph.programme-word.v1", 0.7)
            mentions.add(Mention(m.start, m.end, eid, "Programme", found.doc.text[m.start:m.end]))
            continue
        eid = em.entity("Programme", str(m.value))
        rec = funds.get(str(m.value)) or {}
        em.fact(eid, "Programme", "ref", m.value, m.start, m.end, EXTRACTOR, 0.95)
        em.fact(eid, "Programme", "name", found.doc.text[m.start:m.end], m.start, m.end, EXTRACTOR, 0.95)
        if rec.get("level"):
            em.fact(eid, "Programme", "level", rec["level"], m.start, m.end, EXTRACTOR, 0.9)
        mentions.add(Mention(m.start, m.end, eid, "Programme", found.doc.text[m.start:m.end]))


# A quoted name closing a headed name: 'Сдружение „Нов дом“'
QUOTED_LAST = re.compile(r"[„“\"«]([^„“”\"«»]{2,80})[“”\"»]\s*$")
# An elided article before a name: "L'Associazione Casa Comune"
ELIDED_ARTICLE = re.compile(r"(?:[LlDd]|[Dd]ell|[Nn]ell|[Aa]ll|[Ss]ull)['’]")
# A one- or two-word name before a spaced dash and a description: 'Pyxida – Centro per l'integrazione'
BRAND_BEFORE_DASH = re.compile(r"^([^\W\d_][\w'’.&+-]*(?: [^\W\d_][\w'’.&+-]*)?) [–—] \w")
NEXT_NAME_WORD = re.compile(r"[ \t]+([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][^\W\d_]+)")


def places(found: Findings, em: Emitter, mentions: Mentions) -> None:
    from integraph.gazetteer import cities

    text = found.doc.text
    for m in found.countries:
        first = em.known("Place", f"country:{m.value}") is None
        eid = em.entity("Place", f"country:{m.value}")
        if first:  # what a place is, once per document; each mention still states its name
            em.fact(eid, "Place", "ref", m.value, m.start, m.end, EXTRACTOR, 0.95)
            em.fact(eid, "Place", "kind", "country", m.start, m.end, EXTRACTOR, 0.95)
            em.fact(eid, "Place", "country", m.value, m.start, m.end, EXTRACTOR, 0.95)
        em.fact(eid, "Place", "name", text[m.start:m.end], m.start, m.end, EXTRACTOR, 0.95)
        mentions.add(Mention(m.start, m.end, eid, "Place", text[m.start:m.end]))
    city_starts = {c.start for c in found.cities} | {c.start for c in found.countries}
    for m in found.cities:
        nxt = NEXT_NAME_WORD.match(text, m.end)
        if nxt and " " not in text[m.start:m.end] and nxt.start(1) not in city_starts:
            continue  # "Most Kultur", "Gefyra Allilengyis": one word of a longer name, not the town
        town(em, mentions, m.value, (cities.city(m.value) or {}).get("country"), m.start, m.end, EXTRACTOR, 0.85)


def town(em: Emitter, mentions: Mentions, geoname_id: object, country: str | None, start: int, end: int,
         extractor: str, confidence: float) -> str:
    """The local entity of a town of the gazetteer, named by text[start:end]; its id."""
    name = em.doc.text[start:end]
    first = em.known("Place", f"city:{geoname_id}") is None
    eid = em.entity("Place", f"city:{geoname_id}")
    if first:  # what a town is, once per document (a third of a report's statements were these repeats)
        em.fact(eid, "Place", "ref", str(geoname_id), start, end, extractor, confidence)
        em.fact(eid, "Place", "kind", "city", start, end, extractor, confidence)
        if country:
            em.fact(eid, "Place", "country", country, start, end, extractor, confidence)
    em.fact(eid, "Place", "name", name, start, end, extractor, confidence)
    mentions.add(Mention(start, end, eid, "Place", name))
    return eid


def organisations(found: Findings, em: Emitter, mentions: Mentions,
                  exclude: list[tuple[int, int]] = ()) -> list[OrgMention]:  # type: ignore[assignment]
    """Find organisation mentions, make local entities, record names and acronyms.

    `exclude` holds spans already claimed (project titles and their acronyms)."""
    from integraph.gazetteer import orgs as org_words

    text, lang = found.doc.text, found.lang
    finder = OrgFinder(text, lang, org_words.legal_form, found.taken() + list(exclude),
                       places=[(m.start, m.end) for m in found.countries + found.cities])
    found_mentions: list[OrgMention] = []

    for m in found.international:
        if any(x < m.end and m.start < y for x, y in exclude) or str(m.value) in POLITIES:
            continue
        found_mentions.append(OrgMention(m.start, m.end, text[m.start:m.end], kind=m.extra.get("kind"),
                                         key=str(m.value), rule="international"))
    taken = DisjointSpans()
    for o in found_mentions:
        taken.add(o.start, o.end)

    def free(a: int, b: int) -> bool:
        return not taken.overlaps(a, b)

    for o in finder.headed(0, len(text)):
        if free(o.start, o.end) and not _inside_title(found, o):
            found_mentions.append(o)
            taken.add(o.start, o.end)

    # names the text defines as organisations ("Nya Broar är en ideell förening") and the name of the
    # site a page belongs to ("Fúinn | Croí Fáilte"): wherever the text writes them
    unclaimed = Spans(list(exclude))
    named = [(d.name, d.kind) for d in defined_names(found, lambda a, b: finder._free(a, b) and not unclaimed.overlaps(a, b))]
    site = site_name(found.doc)
    if site:
        named.append((site, org_words.legal_form(site, lang)))
    for name, kind in named:
        for a, b in occurrences(text, name, whole_word=True):
            if not finder._free(a, b) or unclaimed.overlaps(a, b):
                continue
            if not free(a, b):
                # the name known whole continues a shorter name found here ("Udruga Zajednički" of
                # "Udruga Zajednički put"): the whole name wins; any other overlap keeps what was found
                inner = [o for o in found_mentions if o.start < b and a < o.end]
                if not inner or any(o.rule != "headed" or o.start < a or o.end > b for o in inner):
                    continue
                for o in inner:
                    found_mentions.remove(o)
                    taken.remove(o.start)
            found_mentions.append(OrgMention(a, b, name, kind=kind if kind != "generic" else None, rule="defined"))
            taken.add(a, b)

    # acronyms defined in brackets: attach to a mention ending at the bracket, or create one
    defined: dict[str, OrgMention] = {}
    for acr, ls, le, a0, a1 in acronyms.defined_in(found)[1]:
        if any(f.start <= ls < f.end or f.start < le <= f.end or f.start <= a0 < f.end for f in found.funds):
            continue  # a programme's acronym: "(FAMI)", also where its long form runs on ("… an Aontais Eorpaigh (AMIF)")
        if any(x < a1 and a0 < y for x, y in exclude):
            continue  # a project's acronym: "(EPI)"
        host = next((o for o in found_mentions if o.end <= le and le - o.end <= 40 and (o.end > ls - 1 or ls == le)
                     and "\n" not in text[o.end:le] and not any(c in text[o.end:le] for c in ".;:")), None)
        if host is None:
            host = next((o for o in found_mentions if o.start >= ls and o.end <= le), None)
        if ":" in acr:  # "(po polsku: Fundacja Most Kultur)": the name after its label
            acr = acr.split(":", 1)[1].strip()
            if not acr:
                continue
        parts = acr.split()
        if host is not None:
            if len(parts) > 1:
                host.aliases.append(acr)  # "(IOM Francja)": another name, not an acronym
                branch = next((c for c in found.countries if a0 <= c.start < a1), None)
                if branch is not None and host.key:
                    # "IOM France": a country office is not its parent body
                    host.key, host.country, host.kind = None, str(branch.value), host.kind or "international"
                    host.end = le
                    host.name = text[host.start:le]
            else:
                host.acronym = host.acronym or acr
            defined[parts[0]] = host
            continue
        if len(parts) > 1 or not free(ls, le) or not text[ls:ls + 1].isupper():
            continue  # "instituição particular de solidariedade social (IPSS)": a kind, not a name
        o = OrgMention(ls, le, text[ls:le], acronym=acr, rule="defined-acronym")
        defined[acr] = o
        found_mentions.append(o)
        taken.add(ls, le)
    found.extra["defined_acronyms"] = {k: (v.start, v.end) for k, v in defined.items()}

    from integraph.gazetteer import cues

    pwords = tuple(w.lower() for w in cues.cues("project_words", lang) if len(w) > 3)
    found_mentions = [_drop_elision(o) for o in found_mentions if not _internal_organ(o.name, lang)
                      and not o.name.lower().startswith(pwords)]
    alone: dict[str, bool] = {}  # a name form met again is not searched for again
    roles = role_words(lang)
    found_mentions = [_extend_to_stated_name(text, o, alone, roles) for o in found_mentions]
    fuller = _fuller_forms([o.name for o in found_mentions if not o.key])
    headed_names = {o.name for o in found_mentions if o.rule == "headed"}
    for o in found_mentions:
        if o.rule == "defined":
            # "Filo Comune è una cooperativa sociale": the name that "Cooperativa sociale Filo Comune" closes with
            longer = [n for n in headed_names if n.endswith(" " + o.name)]
            if len(longer) == 1:
                fuller[o.name] = longer[0]
    # make entities for the named mentions
    for o in sorted(found_mentions, key=lambda o: o.start):
        if o.kind is None and not o.key:
            o.kind = org_words.legal_form(o.name, None)  # a foreign legal form: "Asociación …" in a Polish text
        key = f"intl:{o.key}" if o.key else name_key(fuller.get(o.name, o.name))
        eid = em.known("Organisation", key) or (em.known("Organisation", "acr:" + o.acronym) if o.acronym else None) \
            or em.entity("Organisation", key)
        em.alias("Organisation", key, eid)
        conf = 0.9 if o.rule in ("international", "headed") else 0.75
        em.fact(eid, "Organisation", "name", o.name, o.start, o.end, EXTRACTOR, conf)
        quoted = QUOTED_LAST.search(o.name) if o.rule == "headed" else None
        if quoted:  # 'Сдружение „Нов дом“' is also called 'Нов дом'
            q0 = o.start + quoted.start(1)
            em.fact(eid, "Organisation", "name", quoted.group(1), q0, q0 + len(quoted.group(1)), EXTRACTOR, conf)
        brand = BRAND_BEFORE_DASH.match(o.name) if o.rule == "headed" else None
        if brand:  # 'Pyxida – Centro per l'integrazione …' is also called 'Pyxida'
            em.fact(eid, "Organisation", "name", brand.group(1), o.start, o.start + len(brand.group(1)), EXTRACTOR, conf)
        for alias in o.aliases:
            at = text.find(alias, o.end)
            if at >= 0:
                em.fact(eid, "Organisation", "name", alias, at, at + len(alias), EXTRACTOR, conf)
        if o.acronym:
            em.alias("Organisation", "acr:" + o.acronym, eid)
            at = text.find(o.acronym, o.start)
            if at >= 0:
                em.fact(eid, "Organisation", "acronym", o.acronym, at, at + len(o.acronym), EXTRACTOR, conf)
        if o.kind:
            em.fact(eid, "Organisation", "kind", o.kind, o.start, o.end, EXTRACTOR, 0.7)
        if o.country:
            em.fact(eid, "Organisation", "country", o.country, o.start, o.end, EXTRACTOR, 0.8)
        base = _headed_base_form(o.name, lang) if o.rule == "headed" else None
        if base and base != o.name:
            em.fact(eid, "Organisation", "name", base, o.start, o.end, "integraph.base-form.v1", 0.6)
        if o.key:
            em.fact(eid, "Organisation", "ref", o.key, o.start, o.end, EXTRACTOR, 0.9)
        mentions.add(Mention(o.start, o.end, eid, "Organisation", o.name))

    # bare acronyms: defined ones, initials of a long name, or acronym-only organisations
    long_names = {m.text: m.entity for m in mentions.items if m.schema == "Organisation" and " " in m.text}
    for a, b, acr in acronyms.bare(finder, 0, len(text)):
        if mentions.overlapping(a, b) or acr in NOT_ORG_ACRONYMS or any(x < b and a < y for x, y in exclude):
            continue
        eid = em.known("Organisation", "acr:" + acr)
        if eid is None:
            long = match_initials(acr, list(long_names))
            if long is not None:
                eid = long_names[long]
                em.alias("Organisation", "acr:" + acr, eid)
                em.fact(eid, "Organisation", "acronym", acr, a, b, "integraph.acronym-initials.v1", 0.7)
        if eid is None:
            if not _org_position(found, a) or any(x <= a and b <= y for x, y in found.quotes):
                continue  # an unknown acronym inside a quoted title belongs to that title
            eid = em.entity("Organisation", "acr:" + acr)
            em.fact(eid, "Organisation", "acronym", acr, a, b, "integraph.acronym-bare.v1", 0.6)
            em.fact(eid, "Organisation", "name", acr, a, b, "integraph.acronym-bare.v1", 0.6)
        mentions.add(Mention(a, b, eid, "Organisation", acr))
    return found_mentions


def _fuller_forms(names: list[str]) -> dict[str, str]:
    """'Netzwerk Ehrenamt und Flucht' → 'Netzwerk Ehrenamt und Flucht NRW e. V.': a name that another
    name of the same document continues with only a legal form or an acronym is that organisation."""
    from integraph.gazetteer.orgs import closing_form_kind

    out: dict[str, str] = {}
    distinct = sorted(set(names), key=len)
    ordered = sorted(distinct)  # the names that continue `short + " "` stand together in this order
    for short in distinct:
        opening = short + " "
        k = bisect_left(ordered, opening)
        longer = []
        while k < len(ordered) and ordered[k].startswith(opening):
            longer.append(ordered[k])
            k += 1
        fits = [n for n in longer if all(t.isupper() or closing_form_kind(t) for t in n[len(short) + 1:].split())
                or closing_form_kind(n[len(short) + 1:])]
        if len(fits) == 1:
            out[short] = fits[0]
    return out


# An organisation's own organs are not organisations of their own (lemmas, lower-case).
INTERNAL_ORGANS = {
    "управителен съвет", "надзорен съвет", "общо събрание", "зарząd", "zarząd", "rada nadzorczy", "rada fundacja",
    "walny zgromadzenie", "správní rada", "dozorčí rada", "valný hromada", "členský schůze", "vorstand",
    "aufsichtsrat", "mitgliederversammlung", "board of director", "board of trustee", "general assembly",
    "management board", "supervisory board", "conseil d'administration", "assemblée générale", "consiglio direttivo",
    "assemblea dei socio", "junta directivo", "asamblea general", "raad van bestuur", "algemeen vergadering",
    "styrelse", "hallitus", "juhatus", "valdyba", "valde", "igazgatóság", "kuratórium", "διοικητικό συμβούλιο",
    "γενική συνέλευση", "consiliul director", "adunarea generală", "upravni odbor", "skupština", "правління",
}


LOWER_WORDS = re.compile(r"(?:[ \t]+[^\W\d_]{2,})")
STANDS_ALONE = re.compile(r"[ \t]*(?:$|\n|\||[,;(]|\s[–-]\s)")


def _extend_to_stated_name(text: str, o: OrgMention, alone: dict[str, bool], roles: frozenset[str] = frozenset()) -> OrgMention:
    """'Nadácia Otvorený svet', 'Udruga Novi susjedi', 'Spolek Společný prostor': names may end in
    lower-case words, which the capitalised run leaves out.  Where the longer form stands alone
    somewhere in the document (a table cell, a label's value, a line of its own, before a comma),
    it is the name, and the mention takes the words that follow it here too."""
    if o.key or o.rule != "headed":
        return o
    words: list[re.Match[str]] = []
    pos = o.end
    while len(words) < 2:  # at most two words, each right after the last (matched in place, not searched for)
        m = LOWER_WORDS.match(text, pos)
        if m is None or not m.group().strip().islower() or m.group().strip() in roles:
            break  # "… Koduõu juhataja": a person's role after the name, not a word of it
        words.append(m)
        pos = m.end()
    for w in reversed(words):
        longer = text[o.start:w.end()]
        if longer not in alone:
            alone[longer] = any(STANDS_ALONE.match(text, b) for _, b in occurrences(text, longer))
        if alone[longer]:
            o.end, o.name = w.end(), longer
            break
    return o


def _drop_elision(o: OrgMention) -> OrgMention:
    """"L'Associazione Casa Comune" is named "Associazione Casa Comune"."""
    m = ELIDED_ARTICLE.match(o.name)
    if m and len(o.name) > m.end() + 3:
        o.start += m.end()
        o.name = o.name[m.end():]
    return o


@lru_cache(maxsize=20_000)
def _internal_organ(name: str, lang: str | None) -> bool:
    """A board or assembly of an organisation (asked of every mention; names recur across documents)."""
    from integraph.textutil import lemmatise

    low = " ".join(name.lower().split())
    return low in INTERNAL_ORGANS or lemmatise(name, lang) in INTERNAL_ORGANS


@lru_cache(maxsize=20_000)
def _headed_base_form(name: str, lang: str | None) -> str | None:
    """`base_form` of a name its first word heads (asked of every headed mention; names recur across documents)."""
    from integraph.gazetteer import orgs

    words = name.split()
    return base_form(name, lang) if head_kind(orgs.legal_form, words[0] if words else "", lang) else None


def base_form(name: str, lang: str | None) -> str | None:
    """The name with its head word in dictionary form: 'Ministerstva vnitra' → 'Ministerstvo vnitra'.

    Only the first word changes (the head of names like 'Ministry of …' in the
    Slavic languages is inflected, its genitive complement is not), and only
    when the name starts with its head."""
    from integraph.textutil import lemma

    first, _, rest = name.partition(" ")
    if not rest or not first[:1].isupper() or first.isupper():
        return None
    base = lemma(first, lang)
    if not base or base == first.lower() or base[:2] != first[:2].lower():
        return None
    if len(base) > len(first) + 1:
        return None  # an ending changes, no syllable grows: "Verein" is no form of the verb "vereinen"
    from integraph.gazetteer import orgs

    if head_kind(orgs.legal_form, base, lang) is None:
        return None  # the lemmatiser's guess is not a known head word ("Сдружение" → "сдружен")
    return base[:1].upper() + base[1:] + " " + rest


def _inside_title(found: Findings, o: OrgMention) -> bool:
    """A name inside a quoted title ('„Spolu a lépe – Centra na podporu …“') is part of that title."""
    return found.quote_spans.contains(o.start - 3, o.end)  # opened at least three characters before the name


def _org_position(found: Findings, offset: int) -> bool:
    """Does an acronym at `offset` stand where organisations stand (after a cooperation
    cue, beside a project verb, in a list with other organisations)?"""
    s = found.sentence_at(offset)
    before = found.doc.text[max(s.start, offset - 60):offset].lower()
    if any(phrase in before for phrase in _lower_cues("cooperation", found.lang)):
        return True
    window = found.doc.text[s.start:s.end].lower()
    return any(w in window for w in _lower_cues("project_words", found.lang))


@lru_cache(maxsize=256)
def _lower_cues(group: str, lang: str | None) -> tuple[str, ...]:
    """The cue phrases of `group` in `lang`, lower-case (lowered once, not at each acronym)."""
    from integraph.gazetteer import cues

    return tuple(w.lower() for w in cues.cues(group, lang))
