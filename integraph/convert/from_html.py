"""HTML → blocks with trafilatura (0/19 boilerplate leaked in our bake-off, §6).

trafilatura's XML output keeps what we need: `<head rend="hN">` for headings,
`<list>/<item>` for list items, `<ref target>` for links.  The title comes from
its metadata; the date only from the page's own markup (meta tags, JSON-LD
`datePublished`, `<time itemprop=datePublished>`): htmldate also reads dates
out of the body, and a date in the body is a fact of the text, not the page's.  When
trafilatura finds no main text (tiny pages), a plain walk over the visible
elements is the fallback; scripts and styles never become text.
"""
from __future__ import annotations

import copy
import re

import lxml.etree as etree
import lxml.html
import trafilatura

from integraph.errors import CorruptDocument
from integraph.model import Block, Converted

INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head", "nav", "footer", "form")
FALLBACK_BLOCKS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "p": 0, "li": 0, "td": 0, "th": 0,
                   "blockquote": 0, "dd": 0, "dt": 0, "pre": 0}
DATE_META = {
    "article:published_time", "og:published_time", "og:article:published_time", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "citation_publication_date",
    "pubdate", "publish-date", "publishdate", "publication_date", "sailthru.date", "parsely-pub-date",
}
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def convert(data: bytes) -> Converted:
    tree = trafilatura.load_html(data)
    if tree is None:
        raise CorruptDocument("HTML could not be parsed")
    meta = trafilatura.extract_metadata(tree, extensive=False)
    line, day = _date_lines(tree)  # the page's date line, which trafilatura drops as page furniture
    date = markup_date(tree) or day
    body = trafilatura.load_html(data)
    definition_rows(body)
    inner_asides(body)
    xml = trafilatura.extract(body, output_format="xml", include_formatting=True,
                              include_tables=True, include_links=True, include_comments=False, include_images=False)
    blocks = xml_blocks(xml) if xml else []
    if not blocks:
        blocks = fallback_blocks(trafilatura.load_html(data))
    else:
        blocks = _main_region_if_lost(tree, blocks)
    title = (meta.title or "").strip() or None if meta else None
    if line and blocks and not any(line in b.text for b in blocks):
        # the page's date line, dropped as page furniture, read as the text's dateline under its title
        at = next((k + 1 for k, b in enumerate(blocks[:3]) if b.kind == "heading"), 0)
        blocks.insert(at, Block("paragraph", line))
    return Converted(blocks=blocks, media_type="text/html", title=title, date=date)


def definition_rows(tree: lxml.html.HtmlElement | None) -> None:
    """`<dt>Duración</dt><dd>2024–2027</dd>` → one paragraph "Duración | 2024–2027", as a table row
    reads: trafilatura would make two unrelated paragraphs of them and lose that one labels the other."""
    if tree is None:
        return
    for dl in tree.iter("dl"):
        terms = [c for c in dl if c.tag in ("dt", "dd")]
        rows, label = [], None
        for el in terms:
            text = " ".join(el.text_content().split())
            if el.tag == "dt":
                label = text
            elif label is not None:
                rows.append(f"{label} | {text}")
                label = None
        if not rows:
            continue
        for el in terms:
            dl.remove(el)
        for row in rows:
            p = lxml.html.Element("p")
            p.text = row
            dl.append(p)
        dl.tag = "div"


def inner_asides(tree: lxml.html.HtmlElement | None) -> None:
    """An `<aside>` inside the article ('À propos d'Escale Solidaire: founded in 1998, also runs the
    project …') is part of the text; trafilatura drops every aside as a sidebar. One with a paragraph
    of prose is kept; link lists and teasers stay out."""
    if tree is None:
        return
    for aside in tree.xpath("//article//aside | //main//aside"):
        if any(len(" ".join(p.text_content().split())) >= 120 for p in aside.iter("p")):
            aside.tag = "section"


def xml_blocks(xml: str) -> list[Block]:
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks: list[Block] = []
    _walk(main if main is not None else root, blocks)
    return blocks


def _walk(el: etree._Element, blocks: list[Block]) -> None:
    for child in el:
        tag = child.tag
        if tag == "head":
            rend = child.get("rend", "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            blocks.append(Block("heading", _text(child), level))
        elif tag in ("p", "quote", "code"):
            blocks.append(Block("paragraph", _text(child)))
        elif tag == "list":
            _list(child, blocks)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_text(c) for c in row.iterchildren("cell")]
                blocks.append(Block("paragraph", " | ".join(c for c in cells if c)))
        elif tag in ("div", "main", "body", "section"):
            _walk(child, blocks)


def _list(lst: etree._Element, blocks: list[Block]) -> None:
    for item in lst.iterchildren("item"):
        blocks.append(Block("item", _text(item, skip=("list",))))
        for nested in item.iterchildren("list"):
            _list(nested, blocks)


def _text(el: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """Text of an element: <lb/> → newline, links keep their target when the label does not show it."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag in skip:
            parts.append(child.tail or "")
            continue
        if child.tag == "lb":
            parts.append("\n")
        else:
            if child.tag in ("p", "head", "list", "item") and "".join(parts).strip():
                parts.append("\n")  # "<cell>Nieuwsbrief nr. 27<p>18 maart 2025</p>": a block starts a line
            inner = _text(child, skip)
            parts.append(inner)
            target = child.get("target") if child.tag == "ref" else None
            bare = target.split("://", 1)[-1].removeprefix("www.").rstrip("/") if target else ""
            if target and target.startswith(("http://", "https://")) and bare not in inner:
                parts.append(f" ({target})")
        parts.append(child.tail or "")
    return "".join(parts).strip()


# The share of the words of the page's marked main region (<main>, role="main") trafilatura must keep.
# Its heuristics drop whole content blocks on some layouts: card grids of <article>s, paragraphs of
# class "meta" holding a project's period and budget.  On our 18 HTML pages it keeps 0.70–1.65 of
# the region, except one such card page (0.49).
MAIN_RECALL_FLOOR = 0.6


def _main_region_if_lost(tree: lxml.html.HtmlElement, blocks: list[Block]) -> list[Block]:
    """The second stage of the cascade (as trafilatura itself falls back to readability and
    jusText): when the page marks its main region and trafilatura kept much less than that
    region's text, the region's own visible blocks are the text.  Without a marked region
    there is no telling content from furniture, and trafilatura's choice stands."""
    regions = tree.xpath("//main | //*[@role='main']")
    if not regions:
        return blocks
    region = copy.deepcopy(regions[0])  # the page's tree (already parsed) stays as it was
    for bad in region.xpath("|".join(f".//{t}" for t in INVISIBLE)):
        bad.drop_tree()
    words = len(region.text_content().split())
    kept = sum(len(b.text.split()) for b in blocks)
    if words == 0 or kept >= MAIN_RECALL_FLOOR * words:
        return blocks
    return fallback_blocks(region) or blocks


def fallback_blocks(tree: lxml.html.HtmlElement | None) -> list[Block]:
    """Visible block elements of a page (or region) trafilatura found too little in."""
    if tree is None:
        return []
    for bad in tree.xpath("|".join(f".//{t}" for t in INVISIBLE)):
        bad.drop_tree()
    definition_rows(tree)
    blocks = []
    for el in tree.iter(*FALLBACK_BLOCKS):
        if any(a.tag in FALLBACK_BLOCKS and not (el.tag == "li" and a.tag == "li") for a in el.iterancestors()):
            continue  # nested block: its text is part of the outer one (a nested list item is its own)
        text = " ".join(_own_text(el).split())
        if text:
            level = FALLBACK_BLOCKS[el.tag]
            blocks.append(Block("heading" if level else ("item" if el.tag == "li" else "paragraph"), text, level))
    return blocks


def _own_text(el: lxml.html.HtmlElement) -> str:
    """An element's text without its nested lists (an item's sub-items are blocks of their own)."""
    if el.tag != "li" or not el.xpath("./ul|./ol"):
        return el.text_content()
    parts = [el.text or ""]
    for child in el:
        if child.tag not in ("ul", "ol"):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def markup_date(tree: lxml.html.HtmlElement) -> str | None:
    """The publication date the page's markup states (ISO, at its precision), never one from the body text."""
    candidates = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in DATE_META or key == "datepublished":
            candidates.append(meta.get("content") or "")
    for node in tree.iter("time"):
        if node.get("itemprop") == "datePublished" or node.get("pubdate") is not None:
            candidates.append(node.get("datetime") or "")
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            candidates.extend(JSONLD_DATE.findall(script.text))
    for value in candidates:
        m = ISO_DATE.match(value.strip())
        if m and 1900 < int(m.group(1)) < 2200:
            return "-".join(p for p in m.groups() if p)
    return None


# Elements whose class or id says they hold the page's date ("meta", "post-date", "byline"…);
# trafilatura drops them from the text as page furniture, so the date is read here.
DATED_CLASS = re.compile(r"(?<![a-z])(?:meta|date|dateline|time|posted|published|byline|updated|pr-meta|article-info)",
                         re.I)
NUMERIC_DAY = re.compile(r"(?<![\d.])(\d{1,2})(?:/|\. ?)(\d{1,2})(?:/|\. ?)((?:19|20)\d\d)(?![\d.]?\d)|(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def _date_lines(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """One pass over the elements the markup marks as date lines: the text of the first short one
    that holds a year ('Última actualización: 12 de junio de 2025', 'Stand: 14.03.2025'), and the
    first day written in digits in one of them (a longer '<div class="pr-meta">… Data: 30/01/2025')."""
    line = day = None
    for el in tree.xpath("//*[@class or @id]"):
        if el.tag in ("script", "style", "meta", "time") or not DATED_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > 200:
            continue
        if line is None and len(text) <= 120 and re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text) and "©" not in text:
            line = text
        day = day or _numeric_day(text)
        if line is not None and day is not None:
            break
    return line, day


def _numeric_day(line: str | None) -> str | None:
    """The ISO day a date line writes in digits ('Stand: 14.03.2025', 'Data: 30/01/2025', 'ažurirana: 3. 11. 2026.'; day first, as
    Europe writes it), else None: a date in words is read later by the language's recognisers."""
    m = NUMERIC_DAY.search(line or "")
    if not m:
        return None
    if m.group(4):
        y, mo, d = int(m.group(4)), int(m.group(5)), int(m.group(6))
    else:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


TITLE_ELEMENT = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.S | re.I)
SITE_META = re.compile(rb"<meta\s[^>]*property=[\"']og:site_name[\"'][^>]*content=[\"']([^\"']{2,120})[\"']", re.I)
TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|·|::|»)\s+")


def site_name(data: bytes) -> str | None:
    """The name of the site a page belongs to: its `og:site_name`, or the part of its `<title>`
    after the last separator ("Fúinn | Croí Fáilte", "Sąsiedzi bez granic – Fundacja Most
    Kultur").  Websites name their publisher there by convention; a part with digits or in
    lower case ("Nieuwsbrief – maart 2025") is the page's own, not a name."""
    import html

    head = data[:65536]
    meta = SITE_META.search(head)
    if meta:
        return html.unescape(meta.group(1).decode("utf-8", "replace")).strip() or None
    m = TITLE_ELEMENT.search(head)
    if not m:
        return None
    title = " ".join(html.unescape(m.group(1).decode("utf-8", "replace")).split())
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2 or not parts[0].strip():
        return None
    site = parts[-1].strip()
    head, _, town = site.rpartition(", ")
    if head and re.fullmatch(r"[^\W\d_][\w'’-]+", town) and town[:1].isupper():
        site = head  # "Udruga Zajednički put, Osijek": the publisher, then its town
    if not (2 <= len(site) <= 100) or not site[:1].isupper() or any(c.isdigit() for c in site) \
            or len(site.split()) > 12 or re.fullmatch(r"[\w.-]+\.[a-z]{2,24}", site):
        return None  # "maart 2025", "gov.mt": a date or a domain, not a name the text will write
    return site
