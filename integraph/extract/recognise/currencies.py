"""Currency words and symbols → ISO 4217, and scale words → multipliers, for the EU languages.

Plain data.  Keys are lower-case regex fragments, matched as whole words
(symbols need no word boundary).  Inflected forms are listed or written as
short alternations; new languages add lines, not code.
"""
from __future__ import annotations

CURRENCIES: dict[str, str] = {
    # euro in its many spellings and cases
    r"€": "EUR", r"eur": "EUR", r"euro(?:s|a|ów|ach|t|a|om)?": "EUR", r"eura": "EUR", r"eurų|eurai": "EUR",
    r"euró(?:t|ból|ra|nak|s)?": "EUR", r"euroa": "EUR", r"eiro": "EUR", r"ewro": "EUR", r"evr(?:o|a|ov|ih|om)": "EUR",
    r"ευρώ": "EUR", r"евро": "EUR", r"евра": "EUR", r"євро": "EUR",
    # zloty
    r"zł": "PLN", r"złotych|złote|złoty|zlotych|zloty|zlotys": "PLN", r"pln": "PLN",
    # lev
    r"лв\.?": "BGN", r"лева|лев": "BGN", r"bgn": "BGN", r"leva": "BGN",
    # koruna
    r"kč": "CZK", r"korun|koruny|koruna|korún": "CZK", r"czk": "CZK",
    # forint, leu, kuna
    r"forint(?:ot)?": "HUF", r"huf": "HUF",
    r"lei|leu": "RON",
    r"kuna|kune": "HRK",  # not "kuni": Estonian for "until" ("1. jaanuarist 2025 kuni …")
    # Nordic crowns: the word and "kr" depend on the language (KRONE below)
    r"dkk": "DKK", r"kronor": "SEK", r"kronur": "ISK",
    # others met in migrant-integration budgets
    r"£": "GBP", r"gbp": "GBP", r"pounds?(?: sterling)?": "GBP",
    r"chf": "CHF", r"franken": "CHF", r"sfr\.?": "CHF",
    r"us\$|\$": "USD", r"usd": "USD", r"dollars?|dolarów|dolary|dólares": "USD",
    r"грн\.?|гривень|гривні|гривня": "UAH", r"uah": "UAH", r"₴": "UAH",
    r"руб\.?|рублей|рубля|рубль": "RUB", r"₽": "RUB",
    r"₺": "TRY",
}

# ISO codes that are also ordinary words or syllables ("all", "try", "ron"): matched in upper case only.
EXACT: dict[str, str] = {
    "RON": "RON", "SEK": "SEK", "NOK": "NOK", "ISK": "ISK", "RUB": "RUB", "TRY": "TRY", "MDL": "MDL",
    "RSD": "RSD", "MKD": "MKD", "ALL": "ALL", "Ft": "HUF", "HRK": "HRK", "kn": "HRK",
}

# "kr", "kr.", "kroner" name a different crown in each Nordic language; unknown language → not an amount.
KRONE: dict[str, str] = {"sv": "SEK", "da": "DKK", "no": "NOK", "nb": "NOK", "nn": "NOK", "is": "ISK"}
KRONE_WORDS = r"kr\.?|kroner|krónur|krone"

SCALES: dict[str, int] = {
    # thousands
    r"thousand": 10**3, r"tys\.?|tysięcy|tysiące|tysiąc": 10**3, r"хил\.?|хиляди|хилядa": 10**3,
    r"тыс\.?|тысяч|тисяч|тис\.?": 10**3, r"tis\.?|tisíc|tisíce": 10**3, r"tsd\.?|tausend": 10**3,
    r"mille|milliers": 10**3, r"mila": 10**3, r"duizend": 10**3, r"tusen|tusind|t\.kr": 10**3,
    r"tuhatta|tuhat|tuh\.?": 10**3, r"ezer": 10**3, r"tūkst\.?|tūkstančių": 10**3, r"tūkstoši|tūkst": 10**3,
    r"tisoč|tisuća|tisuće": 10**3, r"χιλ\.?|χιλιάδες": 10**3, r"mii": 10**3, r"míle": 10**3,
    # millions
    r"mln\.?": 10**6, r"million(?:s|en)?": 10**6, r"mio\.?": 10**6,
    r"miljoen": 10**6, r"miljon(?:er)?|miljoner|miljoonaa|miljoona|miljoni|miljonit": 10**6,
    r"millió": 10**6, r"millón|millones": 10**6, r"milion(?:i|e|y|ów|u|a)?": 10**6, r"milhão|milhões": 10**6,
    r"mil\.": 10**6, r"milionů|miliónov|milióny|milión": 10**6, r"milijon(?:a|ov|i)?|milijun(?:a|i)?": 10**6,
    r"milijonų|milijonai": 10**6, r"милиона|милион|млн\.?|миллиона|миллионов|мільйонів|мільйона": 10**6,
    r"εκατ\.?|εκατομμύρια|εκατομμύριο": 10**6, r"milioane|milioni": 10**6, r"miljuni": 10**6,
    # billions (short scale; the long-scale "billion" of fr/de/nl/es is in LONG_BILLION)
    r"bln": 10**9, r"billion(?:s)?": 10**9, r"mld\.?|mrd\.?": 10**9, r"miliard(?:y|ów|a|ů|ov|i|e)?": 10**9,
    r"milliard(?:s|en|o|i)?": 10**9, r"miljard(?:er|i|ia|it|a)?": 10**9, r"milliárd": 10**9,
    r"mil millones": 10**9, r"млрд\.?|милиарда|милиард|миллиарда|мільярдів": 10**9, r"δισ\.?|δισεκατομμύρια": 10**9,
    r"miliarde|miliardi": 10**9, r"milijard(?:a|e|i)?": 10**9,
}

# One- and two-letter scales, written straight after the number ("€5m", "€2bn", "€500k").
SHORT_SCALES: dict[str, int] = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9}

# Languages where "mil" alone means a thousand (es, pt) rather than a million abbreviation (cs, ro).
MIL_THOUSAND = {"es", "pt", "ca", "gl"}
# Languages where "billion"/"Billion"/"biljoen" is 10**12.
LONG_BILLION = {"fr", "de", "nl", "es", "it", "pl", "pt", "da", "sv", "fi", "hu", "cs", "sk", "sl", "hr", "ro"}
