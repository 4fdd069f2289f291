"""Words around dates, per language: what makes a bare number a year, and what marks a start or an end.

Plain data.  Phrases are lower-case and matched as whole words immediately
before (or, for YEAR_AFTER, immediately after) the date.  When the document
language is unknown, the union of all languages is used.
"""
from __future__ import annotations

# A bare four-digit number is a year only after one of these (or before a YEAR_AFTER marker).
YEAR_BEFORE: dict[str, tuple[str, ...]] = {
    "bg": ("в", "във", "през", "от", "до", "година", "годината", "края на", "началото на", "края", "след", "преди"),
    "cs": ("v roce", "roku", "rok", "od roku", "do roku", "v", "od", "do", "koncem roku", "začátkem roku", "léta", "rokem"),
    "da": ("i", "år", "året", "fra", "til", "siden", "indtil"),
    "de": ("im jahr", "im jahre", "jahr", "jahres", "im", "seit", "bis", "ab", "von", "anfang", "ende", "mitte", "in"),
    "el": ("το", "στο", "έτος", "από το", "έως το", "μέχρι το", "του"),
    "en": ("in", "since", "from", "until", "till", "by", "year", "the year", "in the year", "during", "early",
           "late", "mid", "end of", "beginning of", "fiscal year", "before", "after"),
    "es": ("en", "desde", "hasta", "año", "el año", "en el año", "del año", "de", "a partir de", "durante", "finales de", "principios de"),
    "et": ("aastal", "aasta", "alates", "kuni", "aastast"),
    "fi": ("vuonna", "vuodesta", "vuoteen", "vuosi", "vuoden"),
    "fr": ("en", "depuis", "jusqu'en", "jusqu’en", "année", "l'année", "l’année", "dès", "à partir de", "fin", "début", "courant"),
    "ga": ("i", "sa bhliain", "ó", "go dtí", "bliain"),
    "hr": ("godine", "u", "od", "do", "tijekom", "godina"),
    "hu": ("év", "évben", "óta", "a"),
    "it": ("nel", "dal", "al", "fino al", "anno", "nell'anno", "nell’anno", "entro il", "del", "durante il", "a partire dal"),
    "lt": ("iki", "nuo", "metais", "metų"),
    "lv": ("gadā", "no", "līdz", "gada"),
    "mt": ("fl-", "sal-", "mill-", "sena", "is-sena"),
    "nl": ("in", "sinds", "vanaf", "tot", "jaar", "het jaar", "tijdens", "eind", "begin", "medio", "van"),
    "pl": ("w", "we", "od", "do", "roku", "w roku", "od roku", "do roku", "rok", "rokiem", "latach", "na rok",
           "końca", "początku", "połowie", "przed", "po", "z"),
    "pt": ("em", "desde", "até", "ano", "no ano", "de", "a partir de", "durante", "final de", "início de"),
    "ro": ("în", "din", "până în", "anul", "în anul", "până la", "de la"),
    "ru": ("в", "с", "до", "году", "год", "года", "по", "с начала", "конца"),
    "sk": ("v roku", "roku", "rok", "od roku", "do roku", "v", "od", "do"),
    "sl": ("leta", "v letu", "od", "do", "leto", "v"),
    "sv": ("i", "år", "året", "från", "sedan", "till", "under"),
    "uk": ("в", "у", "з", "до", "році", "рік", "року", "по"),
}

# Markers right after a year ("2022 г.", "2020 r.", "2020 m.", "2020. gadā", "2020-ban"); a regex fragment.
YEAR_AFTER = (
    r"г\.|г\b|год(?:а|ина|ини|ине)?\b|гг?\.|р\.|р\b|року\b|"
    r"r\.|roku\b|rok\b|rokem\b|m\.|m\b|metais\b|metų\b|\.?\s?gad[aā]\b|\.?\s?aasta(?:l|st|ks)?\b|"
    r"\.?\s?godin[aeu]\b|-(?:ban|ben|ig|tól|től|ra|re|as|es|ös|os|ban)\b|\.?\s?évben\b|\.?\s?évi\b"
)

# Directly before a date: it starts something.
START_BEFORE: dict[str, tuple[str, ...]] = {
    "bg": ("от", "считано от", "начиная от", "започвайки от", "стартира на", "стартира през", "започна на", "започна през"),
    "cs": ("od", "od roku", "počínaje", "ode dne", "s účinností od"),
    "da": ("fra", "siden", "fra og med", "med start"),
    "de": ("seit", "ab", "von", "vom", "beginnend", "seit dem", "ab dem"),
    "el": ("από", "από το", "από τις", "ξεκινώντας"),
    "en": ("from", "since", "starting", "starting in", "starting on", "beginning", "beginning in", "as of", "effective"),
    "es": ("desde", "a partir de", "a partir del", "desde el", "iniciando"),
    "et": ("alates", "algusega"),
    "fi": ("alkaen", "lähtien"),
    "fr": ("depuis", "dès", "à partir de", "à partir du", "du", "depuis le"),
    "ga": ("ó",),
    "hr": ("od", "počevši od"),
    "hu": ("kezdve", "óta"),
    "it": ("da", "dal", "dall'", "dall’", "dalla", "a partire da", "a partire dal", "a decorrere dal"),
    "lt": ("nuo",),
    "lv": ("no", "sākot no"),
    "mt": ("minn", "mill-"),
    "nl": ("vanaf", "sinds", "van", "met ingang van"),
    "pl": ("od", "od dnia", "od roku", "począwszy od", "ze"),
    "pt": ("desde", "a partir de", "de", "desde o"),
    "ro": ("din", "de la", "începând cu", "începând din", "începând de la"),
    "ru": ("с", "со", "начиная с", "от"),
    "sk": ("od", "od roku", "počnúc", "odo dňa"),
    "sl": ("od", "začenši"),
    "sv": ("från", "sedan", "fr.o.m.", "från och med"),
    "uk": ("з", "із", "від", "починаючи з"),
}

# Directly before a date: it ends something.
END_BEFORE: dict[str, tuple[str, ...]] = {
    "bg": ("до",),
    "cs": ("do", "do roku", "až do"),
    "da": ("til", "indtil", "til og med"),
    "de": ("bis", "bis zum", "bis ende", "bis spätestens"),
    "el": ("έως", "μέχρι", "έως το", "μέχρι το", "έως τις"),
    "en": ("until", "till", "to", "through", "up to", "ending", "ending in", "by"),
    "es": ("hasta", "hasta el", "a"),
    "et": ("kuni",),
    "fi": ("asti", "saakka"),
    "fr": ("jusqu'à", "jusqu’à", "jusqu'au", "jusqu’au", "jusqu'en", "jusqu’en", "au", "à"),
    "ga": ("go dtí", "go"),
    "hr": ("do",),
    "hu": (),
    "it": ("fino a", "fino al", "al", "a", "entro il"),
    "lt": ("iki",),
    "lv": ("līdz",),
    "mt": ("sa", "sal-"),
    "nl": ("tot", "tot en met", "t/m", "tot eind"),
    "pl": ("do", "do dnia", "do roku"),
    "pt": ("até", "até ao", "até o", "a"),
    "ro": ("până la", "până în", "la"),
    "ru": ("до", "по"),
    "sk": ("do", "do roku", "až do"),
    "sl": ("do",),
    "sv": ("till", "t.o.m.", "till och med", "tills"),
    "uk": ("до", "по"),
}

# "until the end of": the end is the last day of the month or year that follows.
END_OF_BEFORE: dict[str, tuple[str, ...]] = {
    "bg": ("до края на", "до края", "в края на", "края на"),
    "cs": ("do konce", "do konce roku", "koncem", "ke konci"),
    "da": ("indtil udgangen af", "til udgangen af", "udgangen af", "slutningen af"),
    "de": ("bis ende", "bis zum ende", "ende", "bis ende des jahres"),
    "el": ("έως το τέλος", "μέχρι το τέλος", "έως τα τέλη", "τέλος"),
    "en": ("until the end of", "till the end of", "to the end of", "by the end of", "end of", "the end of", "through the end of"),
    "es": ("hasta finales de", "hasta el final de", "hasta fines de", "a finales de", "finales de"),
    "et": ("kuni", "lõpuni"),
    "fi": ("loppuun",),
    "fr": ("jusqu'à la fin", "jusqu’à la fin", "jusqu'à fin", "jusqu’à fin", "fin", "à la fin de"),
    "ga": ("go deireadh",),
    "hr": ("do kraja", "krajem"),
    "hu": ("végéig",),
    "it": ("fino alla fine di", "fino alla fine del", "entro la fine di", "entro la fine del", "fine"),
    "lt": ("iki pabaigos",),
    "lv": ("līdz beigām",),
    "mt": ("sa tmiem",),
    "nl": ("tot eind", "tot het einde van", "eind", "einde"),
    "pl": ("do końca", "z końcem", "końca", "końcem", "na koniec"),
    "pt": ("até ao final de", "até o final de", "até ao fim de", "até final de", "final de", "fim de"),
    "ro": ("până la sfârșitul", "până la finalul", "până la sfârşitul", "sfârșitul"),
    "ru": ("до конца", "к концу", "конца"),
    "sk": ("do konca", "koncom"),
    "sl": ("do konca",),
    "sv": ("till slutet av", "slutet av", "fram till slutet av", "vid utgången av"),
    "uk": ("до кінця", "кінця"),
}

# Verb stems near a date that make it a start or an end ("rozpoczął pracę w styczniu", "приключи през 2022 г.").
START_VERBS = (
    "rozpocz", "zaczął", "zaczęł", "wystartow", "започна", "стартира", "zahájen", "zahájil", "začal", "začíná",
    "začne", "begann", "begonnen", "gestartet", "startete", "commenced", "started", "began", "begun", "launched",
    "a commencé", "a débuté", "lancé", "comenzó", "empezó", "inició", "iniciado", "iniciada", "è iniziat",
    "iniziato", "avviato", "ha preso il via", "começou", "iniciou", "begon", "gestart", "startade", "började",
    "startede", "begyndte", "a început", "a demarat", "kezdődött", "elindult", "alkoi", "algas", "prasidėjo",
    "sākās", "začel", "započe", "ξεκίνησε", "начал", "розпочав", "розпочал", "почав",
    # present and future: a project announced or under way ("Hanke alkaa 1.10.2025", "Op 1 juli 2025 start
    # ons project", "avvierà il 1° ottobre 2026", "Tosóidh an tionscadal i mí Eanáir 2027")
    "start", "begint", "beginnt", "läuft an", "commence", "débute", "démarr", "comienza", "comenzará",
    "empieza", "empezará", "arranca", "iniciará", "avvierà", "avvieranno", "inizierà", "inizieranno",
    "partirà", "avrà inizio", "começa", "começará", "iniciará", "începe", "va începe", "demarează", "alkaa",
    "käynnisty", "börjar", "inleds", "begynder", "ξεκινά", "ξεκινήσει", "αρχίζει", "ruszy", "zahájí",
    "začína", "kezdődik", "indul", "počinje", "započinje", "prasideda", "prasidės", "sākas", "sāksies",
    "algab", "започва", "начнется", "начнётся", "починається", "розпочнеться", "jibda", "tosóidh", "thosaigh",
    "tosaíonn", "cuirfear tús",
)
END_VERBS = (
    "zakończ", "skończ", "приключи", "завърши", "ukončen", "skončil", "skončí", "ended", "finished", "completed",
    "concluded", "endete", "abgeschlossen", "beendet", "terminé", "achevé", "s'est terminé", "terminó",
    "finalizó", "concluso", "terminato", "terminou", "concluído", "eindigde", "afgerond", "avslutades",
    "afsluttet", "s-a încheiat", "befejeződött", "lõppes", "päättyi", "baigėsi", "beidzās", "končal", "završ",
    "ολοκληρώθηκε", "закінчи", "заверши", "закончи", "završ",
    # present and future ("päättyy 31.3.2027", "se terminera fin 2026"); " endet" with its space, not "verwendet"
    "will end", "ends on", "ends in", " endet", "eindigt", "loopt af", "se termine", "se terminera", "s'achève", "s’achève", "prendra fin",
    "prend fin", "finaliza", "finalizará", "terminará", "concluirá", "terminerà", "si concluderà",
    "si chiuderà", "se încheie", "se va încheia", "päätty", "loppuu", "avslutas", "slutar", "slutter",
    "afsluttes", "λήγει", "ολοκληρώνεται", "ολοκληρωθεί", "potrwa", "kończy się", "končí", "potrvá", "zárul",
    "befejeződik", "véget ér", "baigsis", "baigiasi", "beigsies", "beidzas", "lõpeb", "приключва",
    "críochnóidh", "chríochnaigh", "críochnaíonn", "tiocfaidh deireadh", "intemm", "spiċċa",
)

# Between two dates, these make one period ("1 września 2022 do 31 marca 2023", "2014 – 2020").
RANGE_JOINERS = (
    "-", "–", "—", "to", "until", "till", "through", "do", "до", "по", "bis", "au", "à", "a", "al", "hasta",
    "tot", "tot en met", "t/m", "til", "kuni", "iki", "līdz", "până la", "până în", "fino a", "fino al", "até",
    "έως", "μέχρι", "sa", "go dtí", "go", "do dnia", "až do", "bis zum", "hasta el", "till och med",
)
# Not joiners on purpose: "and", "i", "и" — "in 2020 and 2021" names two years, not a period.  They join
# only after "between" (BETWEEN_BEFORE) or before a postposition that means it (BETWEEN_AFTER).
AND_WORDS = (
    "and", "y", "e", "et", "und", "en", "i", "a", "in", "și", "şi", "και", "и", "і", "та", "och", "og", "ir", "un",
    "ja", "és", "u", "agus",
)
BETWEEN_BEFORE = (
    "between", "entre", "tra", "fra", "zwischen", "tussen", "między", "pomiędzy", "mezi", "medzi", "med",
    "između", "între", "μεταξύ", "между", "між", "mellan", "mellem", "tarp", "starp", "bejn", "idir",
)
BETWEEN_AFTER = ("között", "välillä", "vahel")  # "2019 és 2021 között", "vuosien 2019 ja 2021 välillä"
# Before a first date, these open a range that a RANGE_JOINER closes ("del 1 de marzo de 2024 al 28 de
# febrero de 2027"), where the closing word alone is no end cue ("al 31 de diciembre": as at).
RANGE_OPENERS = ("del", "desde el", "dal", "du", "do", "ó", "od", "von", "vom", "van", "from")


def phrases(table: dict[str, tuple[str, ...]], lang: str | None) -> tuple[str, ...]:
    """The phrases of `lang` plus English, or of every language when `lang` is unknown."""
    if lang in table:
        return tuple(dict.fromkeys(table[lang] + table.get("en", ())))
    return tuple(dict.fromkeys(p for group in table.values() for p in group))
