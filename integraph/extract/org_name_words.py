"""The words of organisation names: which words join a name's parts, which head it, which are
adjectives, articles or nationalities, and the tokeniser that splits text into words.

Separate from the finder (orgs.py) and from the rules on a name's extent (org_extent.py) because
it is vocabulary, not procedure: both of them, the acronym rules and the slot fillers read it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

# Words that may join the parts of a name (lower-case), in the EU languages.
CONNECTORS = {
    "za", "na", "i", "и", "do", "ds", "ds.", "spraw", "dla", "pro", "a", "v", "ve", "w", "we", "of", "for", "and", "the",
    "für", "und", "der", "die", "des", "de", "du", "la", "le", "les", "et", "di", "del", "della", "per", "e", "y",
    "el", "van", "voor", "en", "het", "för", "och", "af", "og", "for", "ja", "ning", "un", "ir", "és", "a", "na",
    "ag", "agus", "dei", "degli", "delle", "do", "da", "dos", "das", "em", "pentru", "și", "si", "al", "o", "po",
    "&", "по", "във", "в", "с", "със", "от", "к", "для", "для", "та", "з", "у", "για", "και", "της", "του", "των",
    "sa", "z", "ze", "se", "s", "за", "на", "до", "към", "при", "rzecz", "sprawy", "ds", "dla", "pre", "für",
    # "Sveučilište … u Osijeku", "Universitatea de Vest din Timișoara", "Nabo til Nabo", "Idræt uden Grænser",
    # "Médecins Sans Frontières", "Lekarze bez Granic": prepositions a name runs over before a capital
    "u", "din", "til", "till", "uden", "utan", "zonder", "ohne", "sans", "without", "bez",
}
# Connectors that only join when the next word is capitalised (otherwise they start a new clause).
WEAK_CONNECTORS = {"v", "ve", "w", "we", "в", "във", "z", "ze", "s", "se", "с", "със", "от", "a", "i", "и", "and",
                   "und", "et", "e", "y", "en", "och", "og", "ja", "un", "ir", "és", "și", "si", "та", "з", "у", "και",
                   "u", "din", "til", "till", "uden", "utan", "zonder", "ohne", "sans", "without", "bez", "agus"}


@lru_cache(maxsize=4096)
def _nationality_word(word: str, lang: str | None) -> bool:
    """'Läti', 'Rumuński', 'Latvian': a country's name or an adjective of nationality (not a town:
    'Malmö universitet' is a name of its own)."""
    from integraph.gazetteer import countries

    return len(word) >= 4 and (bool(countries.find(word, lang)) or countries.nationality(word, lang) is not None)


# Languages that write a body's name as one compound ending in an institution word, in its
# definite or bare form (da 'Erhvervsstyrelsen', sv 'Migrationsverket', fi 'Maahanmuuttovirasto',
# et 'Sotsiaalkindlustusamet', de 'Bundesministerium'); lexicon: data/lexicon/org_words.json "compound_heads".
COMPOUND_HEADS = {"da", "sv", "fi", "et", "de", "nl"}
COMPOUND_NAMES = {"da", "sv", "fi", "et"}
# Baltic languages put the head last, after lower-case genitives
GENITIVE_LED = {"lt", "lv"}
# The genitive endings of Lithuanian and Latvian nouns and adjectives ('miesto', 'socialinės', 'reikalų',
# 'vidaus'; 'novada', 'Latvijas', 'jauniešu'): the words that may stand before a Baltic head
GENITIVE_ENDINGS = {"lt": ("o", "os", "ės", "ų", "aus", "ies", "io", "ių", "ens"),
                    "lv": ("a", "as", "es", "u")}


def genitive_shaped(word: str, lang: str | None) -> bool:
    """Does `word` end like a genitive of `lang` (a Baltic language)?"""
    return len(word) > 3 and word.lower().endswith(GENITIVE_ENDINGS.get(lang or "", ()))
# "Udlændinge- og Integrationsministeriet", "By- og Kulturforvaltningen": a first part cut at a hyphen (of two letters or more)
COORDINATED = re.compile(r"\b[^\W\d_]{2,}-\s(?:og|och|und|en|ja|ning|a|i|és)\s")


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
# the words WORD finds, written with possessive repeats (a word is a run of word characters joined by
# apostrophes, dots and hyphens, up to its last word character) so that `re` keeps no backtracking state
_WORD_SPLIT = re.compile(r"(\w++(?:['’.-]++\w++)*+)")
ADJECTIVE_END = re.compile(r"(ki|ka|kie|ky|ny|na|ne|ní|ý|á|é|wa|we|wy|kiego|kiej|kim|nego|nej|nym|ého|ího|ým|ím|ий|ия|ски|ска|ен|на|al|ale|ean|ian|ische|ischer|isches|ais|aise|ese|ico|ica|ano|ana|ienne|ien)$", re.I)


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


# The lexicon's word groups that name institutions without telling their kind (org_words.json "kind_of_group")
KINDLESS_GROUPS = ("centre", "committee")


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
    kindless = _kindless_words(lang)
    if low in kindless or lemma(word, lang) in kindless:
        return "generic"  # the lexicon's centres and committees ('Poradna', 'Středisko', 'Komitetas')
    return None


@lru_cache(maxsize=64)
def _kindless_words(lang: str | None) -> frozenset[str]:
    """The one-word centres and committees of `lang` in the lexicon, as written (not folded: 'řada'
    is a row, 'rada' a council)."""
    from integraph.gazetteer import load_data

    groups = load_data("lexicon/org_words.json").get("words", {})
    return frozenset(w.lower() for g in KINDLESS_GROUPS for w in groups.get(g, {}).get(lang or "", ()) if " " not in w)


HEAD_FINAL = {"hu", "fi", "et"}
# Languages that capitalise every word of a name but its short joining words: a lower-case head names
# nothing there ('National agency | Léargas' is a label; 'Cork City Council' a name)
TITLE_CASED = {"en"}
# Endings that make a capitalised word an adjective even at the start of a line ("Държавна агенция").
STRONG_ADJECTIVE = re.compile(r"(ski|ska|skie|sky|ský|ská|ské|ární|ální|cki|cka|ckie|ски|ска|ско|вна|ална|ична|ен|ный|ная|ний|"
                              r"ische|ischer|isches|ical|ional|ale|ienne|ese|ική|ικό|ικός)$", re.I)
SLAVIC = {"cs", "sk", "pl", "hr", "sl", "uk", "ru", "bg"}
ARTICLES = {"A", "Az", "The", "Der", "Die", "Das", "La", "Le", "Les", "Il", "Lo", "El", "Los", "Las", "De", "Het",
            "O", "Η", "Ο", "Το", "Οι", "W", "V", "Z", "В", "С", "От", "На"}
VERB_ENDINGS = ("t", "ti", "ć", "ть", "ти", "ться", "tis", "ći")


def text_gap(text: str, a: int, b: int) -> bool:
    """Is there anything but a single run of spaces between two words?"""
    return bool(text[a:b].strip()) or "\n" in text[a:b]


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word in text[start:end]."""
    if end - start < 400:
        return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]
    return word_columns(text, start, end)[0]


def word_columns(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[str]]:
    """`_words` of text[start:end], and the words alone (the column the organisation finder tests)."""
    if end - start < 400:
        words = _words(text, start, end)
        return words, list(map(itemgetter(2), words))
    # a whole document: split around the words and take the offsets from the parts' lengths, so
    # that no Python code runs per word (re.split hands back gap, word, gap, word, …, gap)
    parts = _WORD_SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    strings = parts[1::2]
    return list(zip(offsets[1:-1:2], offsets[2::2], strings)), strings


def is_capitalised(w: str) -> bool:
    return w[:1].isupper()

# Maltese writes the article on the next word: "tal-Ħamrun", "għall-Affarijiet", "is-Sigurtà"
ARTICLE_PREFIX = re.compile(r"^(?:(?:ta|għa|mi|fi|bi|li|ma|sa|bħa|i|u)?[lsdtnrxżċz]{0,2}-|[^\W\d_]{1,4}['’])(?=[^\W\d_])")


# Irish writes a name's first letter after a mutation: h-prothesis ('le hOllscoil na Gaillimhe'),
# eclipsis ('i gCathair', 'ar bhFóram'); 'n-'/'t-' before a vowel are the article prefix above
IRISH_MUTATION = re.compile(r"^(?:h(?=[AEIOUÁÉÍÓÚ])|m(?=B)|g(?=C)|n(?=[DG])|bh(?=F)|b(?=P)|d(?=T))")


def name_cased(w: str) -> bool:
    """Capitalised as a word of a name, also behind a joined article ('tal-Marsa', 'l-Impjiegi') or
    an Irish initial mutation ('hOllscoil', 'gComhairle')."""
    if w[:1].isupper():
        return True
    m = ARTICLE_PREFIX.match(w) or IRISH_MUTATION.match(w)
    return bool(m) and w[m.end():m.end() + 1].isupper()

