"""The date a document speaks from (as_of), which dates every status it states."""
from __future__ import annotations

import pytest

from integraph.convert import to_document
from integraph.extract.findings import analyse


@pytest.mark.parametrize("text,name,expected", [
    ("# Neighbours Network\n\nProject summary · last updated 4 May 2025\n\nThe network links six cities.\n", "a.md",
     "2025-05-04"),
    ("Nyitott Ajtó program\n\nFrissítve: 2025. november 3.\n\nA program 2024-ben indult.\n", "b.txt", "2025-11-03"),
    # a labelled date that is not the document's own stays a fact of the text
    ("Stowarzyszenie Razem\n\nData rejestracji: 14 marca 2012\n\nW 2024 roku prowadziliśmy dwa projekty. "
     "W 2024 roku otworzyliśmy punkt.\n", "c.txt", "2024"),
    # a year in the title, made precise by a date line of that year, not by a later signature
    ("Zápis z jednání platformy v roce 2025\n\nDatum a čas: 18. 6. 2025, 9:00\n\nPříští jednání 17. 9. 2025.\n",
     "d.txt", "2025-06-18"),
    ("Výroční zpráva 2024\n\nV roce 2024 jsme vedli dva kurzy češtiny pro dospělé a jeden kurz pro děti. "
     "Kurzy pokračují i v roce 2025 a rozšíříme je o poradenství. " * 4 + "\n\nV Praze dne 28. 3. 2025\n",
     "e.txt", "2024"),
    # no date at the top: the signed-off dateline at the end
    ("Verksamhetsberättelse\n\nFöreningen drev två projekt under året och planerar ett tredje 2027.\n\n"
     "Malmö den 20 mars 2026\n\nStyrelsen\n", "f.txt", "2026-03-20"),
    # a council decision: the year in its title, the day of the sitting stated under it
    ("HOTĂRÂREA nr. 88/2025\n\nConsiliul Local al Municipiului Arad, întrunit în ședința ordinară din data de "
     "24.04.2025, aprobă participarea la proiect.\n", "g.txt", "2025-04-24"),
])
def test_as_of_comes_from_a_dateline_or_an_updated_cue(text, name, expected):
    doc = to_document(text.encode(), name)
    assert analyse(doc).as_of == expected
