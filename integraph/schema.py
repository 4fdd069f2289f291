"""Entity types declared as data (after followthemoney's schemata).

A property's type is `text`, `date`, `number`, `url`, `code` (an identifier),
`status`, or `entity:<Schema>` for a reference.  `many` properties collect
every value; single ones keep the best-supported value and its history.
"""
from __future__ import annotations

SCHEMATA: dict[str, dict[str, dict[str, str | bool]]] = {
    "Organisation": {
        "name": {"type": "text", "many": True},
        "acronym": {"type": "text", "many": True},
        "kind": {"type": "text"},
        "country": {"type": "code"},
        "founded": {"type": "number"},
        "staff": {"type": "number"},
        "url": {"type": "url", "many": True},
        "identifier": {"type": "code", "many": True},  # "krs:0000123456"
        "ref": {"type": "code"},  # key in the international-bodies gazetteer
    },
    "Programme": {
        "name": {"type": "text", "many": True},
        "acronym": {"type": "text", "many": True},
        "level": {"type": "text"},
        "ref": {"type": "code"},  # key in the funds gazetteer
    },
    "Place": {
        "name": {"type": "text", "many": True},
        "kind": {"type": "text"},
        "country": {"type": "code"},
        "ref": {"type": "code"},  # ISO code for countries, geonames id for cities
    },
    "Person": {
        "name": {"type": "text", "many": True},
    },
    "Project": {
        "title": {"type": "text", "many": True},
        "acronym": {"type": "text"},
        "status": {"type": "status", "many": True},
        "start": {"type": "date"},
        "end": {"type": "date"},
        "lead": {"type": "entity:Organisation"},
        "partner": {"type": "entity:Organisation", "many": True},
        "funder": {"type": "entity:Programme", "many": True},
        "grant_id": {"type": "code", "many": True},
        "amount": {"type": "text", "many": True},  # "616794 EUR"
        "place": {"type": "entity:Place", "many": True},
        "person": {"type": "entity:Person", "many": True},  # value "id|role"
        "output": {"type": "text", "many": True},
        "url": {"type": "url", "many": True},
    },
}

STATUSES = ("planned", "ongoing", "completed", "unknown")


def prop_type(schema: str, prop: str) -> str:
    return str(SCHEMATA[schema][prop]["type"])


def is_many(schema: str, prop: str) -> bool:
    return bool(SCHEMATA[schema][prop].get("many", False))
