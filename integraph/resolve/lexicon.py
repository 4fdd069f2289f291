"""Word lists the name comparison needs: function words and legal-form words.

These are facts about languages, not about any document.  Entries are in
`integraph.textutil.fold` form (case-folded, no diacritics; Cyrillic and
Greek letters kept) so a lookup is one set membership test.

`LEGAL_FORMS` is a stop-gap until `integraph.gazetteer.orgs.legal_form()`
lands; `names.strip_legal_forms` prefers it when importable.
"""
from __future__ import annotations

from integraph.textutil import fold

# Prepositions, conjunctions and articles that acronyms skip ("ЦИИ" = Център
# за Имиграция и Интеграция; "FAMI" = Fundusz Azylu, Migracji i Integracji).
_FUNCTION_WORDS: dict[str, str] = {
    "en": "a an the of for and in on at to by with from",
    "de": "der die das des dem den für fur und in im am an auf zu zur zum von vom mit bei e",
    "fr": "le la les l de du des d et pour en au aux a à sur par avec",
    "es": "el la los las de del y e para en a al por con",
    "it": "il lo la i gli le di del della dei delle degli e ed per in a al alla con da",
    "pt": "o a os as de do da dos das e para em no na por com",
    "nl": "de het een van voor en in op te met",
    "pl": "i oraz w we na do dla z ze o od ds spraw sprawa rzecz przy pod",
    "cs": "a i v ve na do pro z ze o od s se k ke při",
    "sk": "a i v vo na do pre z zo o od s so k ku pri",
    "sl": "in v na za z s o od pri",
    "hr": "i u na za iz s sa o od pri",
    "bg": "за и на в във с със от до при по към",
    "ru": "и в во на за с со от до при по к для",
    "uk": "і й та в у на за з із від до при по для",
    "ro": "si și de din pentru in în la cu a al ai ale",
    "hu": "a az és es",
    "sv": "och för for i på pa av till med",
    "da": "og for i på pa af til med",
    "fi": "ja",
    "et": "ja",
    "lv": "un par",
    "lt": "ir už uz",
    "el": "και του της των για στο στη στην",
    "mt": "u ta tal għal ghal",
    "ga": "agus na an do ar",
}
def _with_latin(words: set[str]) -> frozenset[str]:
    # A Bulgarian name may be written in Latin letters ("Fondatsia … za …"): its words count too.
    from integraph.resolve.translit import to_latin

    return frozenset(words | {to_latin(w, lang) for w in words for lang in ("bg", None)})


FUNCTION_WORDS: frozenset[str] = _with_latin({fold(w) for ws in _FUNCTION_WORDS.values() for w in ws.split()})

# Words that name a legal form rather than the organisation.  Multi-word
# forms are token tuples so "z o.o." and "e.V." survive tokenisation.
_LEGAL_FORMS = [
    # foundations, associations, NGOs
    "фондация", "сдружение", "читалище", "фонд", "асоциация", "фонд",
    "fundacja", "stowarzyszenie", "związek stowarzyszeń",
    "nadace", "nadační fond", "spolek", "z s", "z ú", "o p s", "o s",
    "nadácia", "občianske združenie", "o z",
    "stiftung", "verein", "e v", "ev", "ggmbh", "gmbh", "gemeinnützige",
    "fondation", "association", "asbl", "aisbl", "vzw", "stichting", "vereniging",
    "fundación", "asociación", "fundação", "associação", "fondazione", "associazione", "onlus", "aps", "odv",
    "foundation", "association", "ngo", "ong", "ltd", "inc", "cic",
    "förening", "ideell förening", "ideella föreningen", "stiftelse", "forening", "ideell forening", "fond", "säätiö", "ry", "sihtasutus", "mtü",
    "fundatia", "fundația", "asociatia", "asociația", "udruga", "društvo", "zavod",
    "alapítvány", "egyesület", "nodibinājums", "biedrība", "asociacija", "fondas",
    "ίδρυμα", "σύλλογος",
    "благодійний фонд", "громадська організація", "фонд",
    # companies
    "sp z o o", "spółka z o o", "s r o", "a s", "s a", "sa", "sarl", "srl", "spa", "bv", "nv", "ag", "oy", "ab",
    "еоод", "оод", "ад",
]
LEGAL_FORMS: frozenset[tuple[str, ...]] = frozenset(
    tuple(w.split()) for w in _with_latin({fold(f) for f in _LEGAL_FORMS}))
LEGAL_FORM_MAX = max(len(f) for f in LEGAL_FORMS)
