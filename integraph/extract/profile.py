"""Organisation profile facts: founded, staff, kind, country."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from integraph.extract.emit import Emitter
from integraph.extract.entities import Mentions
from integraph.extract.findings import Findings, cue_words
from integraph.extract.roles import sentences_holding
from integraph.spans import Spans, starting_in
from integraph.textutil import normalise

EXTRACTOR = "integraph.profile.v1"
NATIONAL_KINDS = {"foundation", "association", "ngo", "public", "academic"}
NUMBER_BEFORE = re.compile(r"(\d{1,5})(?:[-–]?\w{0,4})?\s+(?:\w+\s+){0,2}$")
NUMBER_AFTER = re.compile(r"[ \t]+(?:[^\W\d_]{1,3}[ \t]+)?(\d{1,4})(?![\d.,])[ \t]+[^\W\d_]")
YEAR = re.compile(r"(?:19|20)\d\d")
FOUNDED_YEAR_BEFORE = 30  # "1992 gegründet", "2011-ben hozták létre": how far before the cue its year may stand


def main_organisation(found: Findings, mentions: Mentions) -> str | None:
    """The organisation a document is about: the one it names most often (not an international body)."""
    counts = Counter(m.entity for m in mentions.items if m.schema == "Organisation")
    intl = {m.entity for m in mentions.items if m.schema == "Organisation" and m.text and _is_intl(found, m.start)}
    for eid, _ in counts.most_common():
        if eid not in intl:
            return eid
    return None


def document_owner(found: Findings, mentions: Mentions):
    """The organisation whose report or page this is: named in the document's title or first
    heading, or named at least three times; None for a text about others (a newsletter, a ministry page)."""
    orgs = [m for m in mentions.items if m.schema == "Organisation" and not _is_intl(found, m.start)]
    if not orgs:
        return None
    head_end = found.doc.sections[0].start + len(found.doc.sections[0].heading) + 1 if found.doc.sections else 0
    # a short byline under the title ("Asociația X, Cluj-Napoca", "Foreningen Y · Aarhus · …") is part of it
    text = found.doc.text
    after_title = head_end if head_end else text.find("\n") + 1  # no headings: the first line is the title
    byline = re.match(r"\s*([^\n]{1,160})(?:\n|$)", text[after_title:]) if after_title else None
    if byline and not byline.group(1).rstrip().endswith((".", ":")):
        head_end = after_title + byline.end(1)
    title_at = found.doc.text.find(found.doc.title) if found.doc.title else -1
    title = normalise(found.doc.title or "")
    in_title = [m for m in orgs if m.start < max(head_end, 1) or
                (title_at >= 0 and title_at <= m.start < title_at + len(found.doc.title or ""))
                or (len(m.text) > 5 and normalise(m.text) in title)]  # the file's metadata title names it
    if in_title:
        return min(in_title, key=lambda m: m.start)
    from integraph.extract.definitions import site_name

    site = normalise(site_name(found.doc) or "")
    publisher = [m for m in orgs if site and normalise(m.text) == site]
    if publisher:  # a page of the site "… | Udruga Zajednički put" is that organisation's own
        return min(publisher, key=lambda m: m.start)
    counts = Counter(m.entity for m in orgs)
    eid, n = counts.most_common(1)[0]
    if n >= 3:
        return min((m for m in orgs if m.entity == eid), key=lambda m: m.start)
    return None


def _is_intl(found: Findings, start: int) -> bool:
    return any(m.start <= start < m.end for m in found.international)


FROM = re.compile(r"^\s*,?\s*(?:\w{1,5}\s+)?(?:z|ze|od|от|из|from|aus|in|de|d'|du|da|di|dal|från|i|iz|з|із|από|στη|στο|w|we|v|ve|в|във|à|a|en|em|no|na)\s+$",
                  re.I)


def _country_from_places(found: Findings, em: Emitter, mentions: Mentions, hint: str | None) -> None:
    """'Gmina Miejska Kraków', 'Verein Brücken e.V. z Lipska (Niemcy)', 'Gefyra … στη Θεσσαλονίκη':
    a place inside an organisation's name, or right after it, says its country."""
    text = found.doc.text
    country_of = {st.entity: st.value for st in em.statements if st.schema == "Place" and st.prop == "country"}
    places = sorted((m for m in mentions.items if m.schema == "Place" and m.entity in country_of), key=lambda m: m.start)
    starts = [p.start for p in places]
    kinds = {st.entity: st.value for st in em.statements if st.schema == "Organisation" and st.prop == "kind"}

    def places_from(a: int, b: int) -> list:
        return [places[i] for i in starting_in(starts, a, b)]
    for o in mentions.items:
        if o.schema != "Organisation" or _is_intl(found, o.start):
            continue
        # a place closing the name ("Gmina Miejska Kraków", "Comune di Bologna"), not one inside a
        # word of it ("Fundacja Most Kultur" is not in Most, Czechia)
        inside = [p for p in places_from(o.start, o.end) if p.end <= o.end
                  and re.fullmatch(r"[\s\d)]*", text[p.end:o.end])]
        after = next(iter(places_from(o.end, o.end + 26)), None)
        chosen = inside[-1] if inside else None
        if chosen is None and after is not None and FROM.match(text[o.end:after.start]):
            chosen = after
        if chosen is None and kinds.get(o.entity) == "public":
            # "Vilniaus miesto savivaldybė", "Gradom Zagrebom": a public body is where its name's town is
            chosen = next((p for p in places_from(o.start, o.end) if p.end <= o.end), None)
        if chosen is None and kinds.get(o.entity) == "public":
            # "Aarhus Kommune": the town opening the name was not kept as a place of its own
            town = next((c for c in found.cities if c.start == o.start and c.end < o.end), None)
            seat = _town_country(town.value) if town is not None else None
            if seat and (hint is None or seat == hint):  # a homonym abroad is no seat
                em.fact(o.entity, "Organisation", "country", seat, o.start, o.end, EXTRACTOR, 0.75)
            continue
        if chosen is None:
            continue
        # "z Lipska (Niemcy)", "от Лайпциг, Германия": a country named with the city decides
        nxt = next((p for p in places_from(chosen.end, chosen.end + 4) if p is not chosen), None)
        country = country_of[chosen.entity]
        if nxt is not None and re.fullmatch(r"\s*[(,]\s*", text[chosen.end:nxt.start]):
            country = country_of[nxt.entity]
            chosen = nxt
        em.fact(o.entity, "Organisation", "country", country, o.start, chosen.end, EXTRACTOR, 0.75)


# Where a language is a national language of several countries (or, for es and pt, of one country
# in Europe but spoken by many migrants' home countries), the document's own places decide.
SEVERAL_COUNTRIES = {"de": ("DE", "AT", "CH", "LU", "BE", "LI"), "fr": ("FR", "BE", "LU", "CH", "MC"),
                     "nl": ("NL", "BE"), "sv": ("SE", "FI"), "it": ("IT", "CH", "SM", "MT"), "el": ("GR", "CY"),
                     "en": ("IE", "MT", "GB"), "es": ("ES",), "pt": ("PT",), "ga": ("IE",)}


def _country_by_places(found: Findings, em: Emitter) -> str | None:
    """The country among those speaking the document's language whose towns and name the
    document mentions most ('Gent' twice in a Dutch newsletter: Belgium), if one leads."""
    candidates = SEVERAL_COUNTRIES.get(found.lang or "")
    if not candidates:
        return None
    country_of = {st.entity: st.value for st in em.statements if st.schema == "Place" and st.prop == "country"}
    votes = Counter(country_of[st.entity] for st in em.statements
                    if st.schema == "Place" and st.prop == "name" and country_of.get(st.entity) in candidates)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _town_country(geoname_id: str) -> str | None:
    from integraph.gazetteer import cities

    return (cities.city(geoname_id) or {}).get("country")


def _foreign(found: Findings, m) -> bool:
    """A name that itself holds a country or city ('IOM Francja') is not placed by the document's language."""
    return bool(starting_in(found.place_starts, m.start, m.end))


def _founded(found: Findings, em: Emitter, mentions: Mentions, s, at: int, orgs: list, main: str | None,
             country_of: dict[str, str]) -> None:
    """A founding cue at `at` in sentence `s`: the year it was founded, where, and as what."""
    from integraph.gazetteer import cues
    from integraph.gazetteer import orgs as org_words

    text = found.doc.text
    years = _years(found, s.start, s.end)
    after = [y for y in years if y[0] > at - 5]
    # head-final clauses put the year first: "wurde 1992 gegründet", "2011-ben hozták létre"
    before = [y for y in years if at - FOUNDED_YEAR_BEFORE <= y[1] <= at and not re.search(r"[,;:]", text[y[1]:at])]
    y = after[0] if after else (before[-1] if before else None)
    if y is None:
        return
    y_start, y_end, year = y
    subject = next((o for o in reversed(orgs) if o.end <= at), None)
    if subject is None and after:
        # "Créée à Marseille en 1998, Escale Solidaire accompagne …": the name after the opening phrase
        subject = next((o for o in orgs if o.start >= y_end and text[y_end:o.start].strip() == ","), None)
    eid = subject.entity if subject else main
    if not eid:
        return
    em.fact(eid, "Organisation", "founded", year, y_start, y_end, EXTRACTOR, 0.8)
    # "Bunaíodh an eagraíocht in 2009 faoin ainm Fóram …", "gegründet 2001 unter dem Namen …": its former name
    low = text[s.start:s.end].lower()
    for cue in cues.cues("under_the_name", found.lang):
        i = low.find(cue)
        if i >= 0:
            former = next((o for o in orgs if o.start >= s.start + i + len(cue)
                           and not text[s.start + i + len(cue):o.start].strip()), None)
            if former is not None and former.entity != eid:
                em.fact(eid, "Organisation", "name", former.text, former.start, former.end, EXTRACTOR, 0.7)
            break
    # "Créée en 2001 à Lyon", "founded in 2009 in Plovdiv": where it was founded is its seat
    quoted = Spans(found.quotes)  # "… implemented the project „Prima casă în Banat”": a title's place is no seat
    seat = next((p for p in mentions.within(at, s.end, "Place") if p.entity in country_of
                 and not quoted.overlaps(p.start, p.end)), None)
    if seat is not None:
        em.fact(eid, "Organisation", "country", country_of[seat.entity], at, seat.end, EXTRACTOR, 0.7)
    # "… founded in 2007 as a foundation": the legal form after the cue
    for w in re.finditer(r"\w+", text[y_end:s.end]):
        kind = org_words.legal_form(w.group(), found.lang)
        if kind:
            em.fact(eid, "Organisation", "kind", kind, y_end + w.start(), y_end + w.end(), EXTRACTOR, 0.8)
            break


BARE_YEAR = re.compile(r"(?<![\d.,/-])(?:1[89]\d\d|20\d\d)(?![\d]|[.,/-]\d)")


def _years(found: Findings, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, year) of the dates in [start, end), and of the bare years the date recogniser
    leaves alone ("wurde 1992 gegründet": a year without a preposition it knows) unless another
    value holds them (an amount, an identifier, a phone number)."""
    dates = [(m.start, m.end, str(m.value)[:4]) for m in found.of_kind("date") if start <= m.start < end]
    taken = [(m.start, m.end) for m in found.values if m.start < end and start < m.end]
    for m in BARE_YEAR.finditer(found.doc.text, start, end):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            dates.append((m.start(), m.end(), m.group()))
    return sorted(dates)


@lru_cache(maxsize=1024)  # keyed by the cues a document holds: a few hundred subsets
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One search for 'does any of these words occur', before asking which one does first."""
    return re.compile("|".join(map(re.escape, words)) or r"(?!)")


def profile(found: Findings, em: Emitter, mentions: Mentions) -> None:
    from integraph.gazetteer import cues
    from integraph.gazetteer import orgs as org_words

    text = found.doc.text
    main = main_organisation(found, mentions)
    # only the cues the document holds at all (a sentence lacks the others too, so dropping them
    # changes no answer), and only the sentences holding one of them are lower-cased and read
    founded = found.cues_in_text([c.lower() for c in cue_words("founded", found.lang)])
    country_of = {st.entity: st.value for st in em.statements if st.schema == "Place" and st.prop == "country"}
    staff = found.cues_in_text([c.lower() for c in cue_words("staff", found.lang)])
    any_cue = _any_of(tuple(founded + staff))
    for_whom = set(cues.cues("for_whom", found.lang))
    staff_counts: dict[str, list[tuple[str, int, int]]] = {}
    for s in sentences_holding(found, founded + staff):
        low = text[s.start:s.end].lower()
        if not any_cue.search(low):
            continue  # most sentences say neither
        orgs = mentions.within(s.start, s.end, "Organisation")
        hit = next((c for c in founded if c in low), None)
        if hit:
            _founded(found, em, mentions, s, s.start + low.find(hit), orgs, main, country_of)
        for c in staff:
            i = low.find(c)
            if i < 0:
                continue
            # "21 employees", "jelenleg 18 munkatársa": the number before the cue; "a staff of 12",
            # "foireann de 11 duine": the number right after it
            # a verb's count follows it ("työllisti 31 henkilöä", "zapošljava 9 djelatnika"); a year is no count
            word_end = i + len(c)
            while word_end < len(low) and low[word_end].isalnum():
                word_end += 1  # the cue is a word's beginning: "työllist" of "työllisti"
            after = NUMBER_AFTER.match(low, word_end)
            after = after if after and not YEAR.fullmatch(after.group(1)) else None
            m = None if after else NUMBER_BEFORE.search(low[:i])
            m = m if m and not YEAR.fullmatch(m.group(1)) else None
            if m and low[:m.start()].split()[-1:] and low[:m.start()].split()[-1] in for_whom:
                m = None  # "training for 120 municipal staff": whom a service is for, not who provides it
            if not m and not after:
                continue
            subject = orgs[0].entity if orgs else main
            if subject:
                a, b = (s.start + m.start(1), s.start + i + len(c)) if m else (s.start + i, s.start + after.end(1))
                staff_counts.setdefault(subject, []).append(((m or after).group(1), a, b))
            break
    for subject, counts in staff_counts.items():
        # an organisation chart counts each department's staff too ("Legal counselling – 3 staff"):
        # the organisation's own headcount is the largest count the document gives it
        value, a, b = max(counts, key=lambda c: int(re.sub(r"\D", "", c[0]) or 0))
        em.fact(subject, "Organisation", "staff", value, a, b, EXTRACTOR, 0.7)
    _country_from_places(found, em, mentions, found.extra.get("country_hint"))
    placed = {st.entity for st in em.statements if st.schema == "Organisation" and st.prop == "country"}
    for m in mentions.items:
        # a legal form of one country only says where the organisation is registered
        forms = org_words.legal_form_countries(m.text) if m.schema == "Organisation" and m.entity not in placed else ()
        if len(forms) == 1 and not _is_intl(found, m.start):
            em.fact(m.entity, "Organisation", "country", forms[0], m.start, m.end, EXTRACTOR, 0.7)
            placed.add(m.entity)
    hint = found.extra.get("country_hint") or _country_by_places(found, em)
    if hint:
        # The language of a document says the country of its publisher and of the public bodies
        # it names (a Polish text's "Urząd" is Polish); other organisations may be foreign.
        kinds = {st.entity: st.value for st in em.statements if st.schema == "Organisation" and st.prop == "kind"}
        placed = {st.entity for st in em.statements if st.schema == "Organisation" and st.prop == "country"}
        owner = document_owner(found, mentions)
        from integraph.gazetteer import countries
        from integraph.gazetteer import orgs as org_words

        for m in mentions.items:
            if m.schema != "Organisation":
                continue
            forms = org_words.legal_form_countries(m.text)
            if forms and hint not in forms:
                continue  # "Verein Brücken e.V." in a Greek text is German all the same
            if countries.nationality(m.text.split()[0] if m.text.split() else "", found.lang) not in (None, hint):
                continue  # "Rumuński Instytut …" in a Polish text (though a diaspora club may be local)
            # a legal form of the document's own language ("Fundacja" in Polish, "Фондация" in Bulgarian)
            native = bool(forms) or org_words.legal_form(m.text, found.lang) in NATIONAL_KINDS
            if m.schema == "Organisation" and m.entity not in placed and (
                    native or kinds.get(m.entity) == "public" or (owner is not None and m.entity == owner.entity)) \
                    and not _is_intl(found, m.start) and not _foreign(found, m):
                em.fact(m.entity, "Organisation", "country", hint, m.start, m.end, EXTRACTOR, 0.6)
