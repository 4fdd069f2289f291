"""A small knowledge base written for these tests (our own sentences, no seed text).

Two Bulgarian reports about one project whose status changes, an English
page about a project in Riga, and a document whose text contains markup.
Statements are stored through the real Store; `integraph.export.build`
folds them as it would after extraction.
"""
from __future__ import annotations

from integraph.model import Document, Span, Statement, content_id
from integraph.store import Store

DOCS = {
    "bg2023": ("bg", "2023", "Годишен отчет 2023", [
        "Годишен отчет 2023",
        "Фондация „Отворени врати“ изпълнява проекта „Дигитален мост“ в партньорство с Асоциация „Нов дом“.",
        "Проектът предоставя електронни услуги на граждани на трети страни в Пловдив.",
        "Проектът се изпълнява в момента и е финансиран от фонд „Убежище, миграция и интеграция“ (AMIF).",
    ]),
    "bg2024": ("bg", "2024", "Годишен отчет 2024", [
        "Годишен отчет 2024",
        "Проектът „Дигитален мост“ приключи успешно през март 2024 г.",
        "Общият бюджет на проекта беше 120 000 евро.",
    ]),
    "en2022": ("en", "2022", "Riga Welcome Centre", [
        "Riga Welcome Centre",
        "The association Open Doors Latvia runs the project Welcome Riga in Riga, funded by AMIF.",
        "The project offers language courses for refugees and helps them find housing.",
    ]),
    "pl2021": ("pl", "2021", "Kursy w Brukseli", [
        "Kursy w Brukseli",
        "Stowarzyszenie prowadziło kursy językowe dla uchodźców w Brukseli.",
    ]),
    "markup": ("en", "2021", "Markup <script>alert('t')</script> test", [
        "Markup test",
        "This paragraph holds <script>alert(1)</script> and <b>bold</b> as plain text.",
    ]),
}


def _document(key: str) -> Document:
    lang, date, title, paras = DOCS[key]
    text = "\n\n".join(paras)
    offsets, pos = [], 0
    for p in paras:
        offsets.append((pos, pos + len(p)))
        pos += len(p) + 2
    raw = text.encode("utf-8")
    return Document(id=content_id(raw), source=f"tests/{key}.txt", media_type="text/plain", text=text, original=raw,
                    title=title, date=date, language=lang, paragraphs=offsets)


def build(store: Store) -> dict[str, str]:
    """Fill `store`; return document ids by key."""
    ids: dict[str, str] = {}
    facts: dict[str, list[tuple[str, str, str, str, str]]] = {
        # document key -> (entity, schema, prop, value, phrase of the document that states it)
        "bg2023": [
            ("P1", "Project", "title", "Дигитален мост", "Дигитален мост"),
            ("P1", "Project", "lead", "O1", "Фондация „Отворени врати“ изпълнява проекта"),
            ("P1", "Project", "partner", "O2", "в партньорство с Асоциация „Нов дом“"),
            ("P1", "Project", "status", "ongoing", "Проектът се изпълнява в момента"),
            ("P1", "Project", "funder", "PR1", "финансиран от фонд „Убежище, миграция и интеграция“ (AMIF)"),
            ("P1", "Project", "place", "C1", "в Пловдив"),
            ("O1", "Organisation", "name", "Фондация „Отворени врати“", "Фондация „Отворени врати“"),
            ("O1", "Organisation", "country", "BG", "Фондация „Отворени врати“"),
            ("O1", "Organisation", "kind", "foundation", "Фондация"),
            ("O2", "Organisation", "name", "Асоциация „Нов дом“", "Асоциация „Нов дом“"),
            ("O2", "Organisation", "country", "BG", "Асоциация „Нов дом“"),
            ("PR1", "Programme", "name", "фонд „Убежище, миграция и интеграция“", "фонд „Убежище, миграция и интеграция“"),
            ("PR1", "Programme", "acronym", "AMIF", "AMIF"),
            ("C1", "Place", "name", "Пловдив", "Пловдив"),
            ("C1", "Place", "kind", "city", "Пловдив"),
            ("C1", "Place", "country", "BG", "Пловдив"),
        ],
        "bg2024": [
            ("P1", "Project", "title", "Дигитален мост", "Дигитален мост"),
            ("P1", "Project", "status", "completed", "приключи успешно през март 2024 г."),
            ("P1", "Project", "end", "2024-03", "през март 2024 г."),
            ("P1", "Project", "amount", "120000 EUR", "120 000 евро"),
        ],
        "en2022": [
            ("P2", "Project", "title", "Welcome Riga", "Welcome Riga"),
            ("P2", "Project", "lead", "O3", "Open Doors Latvia runs the project"),
            ("P2", "Project", "status", "ongoing", "runs the project Welcome Riga"),
            ("P2", "Project", "funder", "PR1", "funded by AMIF"),
            ("P2", "Project", "place", "C2", "in Riga"),
            ("O3", "Organisation", "name", "Open Doors Latvia", "Open Doors Latvia"),
            ("O3", "Organisation", "country", "LV", "Open Doors Latvia"),
            ("PR1", "Programme", "acronym", "AMIF", "AMIF"),
            ("C2", "Place", "name", "Riga", "in Riga"),
            ("C2", "Place", "kind", "city", "in Riga"),
            ("C2", "Place", "country", "LV", "in Riga"),
        ],
        "markup": [
            ("O4", "Organisation", "name", "<b>bold</b>", "<b>bold</b>"),
        ],
    }
    for key in DOCS:
        doc = _document(key)
        ids[key] = doc.id
        statements = []
        for entity, schema, prop, value, phrase in facts.get(key, []):
            start = doc.text.index(phrase)
            statements.append(Statement(entity, schema, prop, value, Span(doc.id, start, start + len(phrase)),
                                        "tests.synthetic.v1", 0.9, doc.date))
        store.save_document(doc, statements)
    return ids
