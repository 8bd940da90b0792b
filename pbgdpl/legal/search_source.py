"""How legal documents enter the search index: one entry per article plus one for the document."""

from __future__ import annotations

from collections.abc import Iterable

from pbgdpl.search.registry import SearchEntry, SearchSource

from .models import LegalDocument, Provision, ProvisionKind, Scope, Validity

# A document without articles (a Kế hoạch, a Công văn) is found through its own entry,
# which then carries its text, capped so one huge annex does not dominate the index.
MAX_DOCUMENT_BODY = 20_000


def _node_line(node: Provision) -> str:
    if node.kind == ProvisionKind.CLAUSE and node.number:
        prefix = f"{node.number}. "
    elif node.kind == ProvisionKind.POINT and node.number:
        prefix = f"{node.number}) "
    else:
        prefix = f"{node.title}\n" if node.title else ""
    return f"{prefix}{node.text}".strip()


def attachment_label(node: Provision) -> str:
    """"QUY CHẾ Phối hợp …" → "Quy chế": the type word of an attached text, for result titles."""
    words = []
    for word in node.title.split():
        if not word.isupper():
            break
        words.append(word)
    return " ".join(words).capitalize() or str(ProvisionKind(node.kind).label)


def article_bodies(provisions: list[Provision]) -> list[tuple[Provision, str, str]]:
    """Each article with its text including clauses and points, and the attached text it belongs to.

    Provisions come in document order; the third item is "" for the main text and e.g.
    "Quy chế" for an article of an attached Quy chế (whose Điều 3 is not the decision's Điều 3).
    """
    result = []
    current: Provision | None = None
    lines: list[str] = []
    attachment: tuple[int, str] | None = None
    for node in provisions:
        if current is not None and node.depth <= current.depth:
            result.append((current, "\n".join(line for line in lines if line), attachment[1] if attachment else ""))
            current = None
        if attachment is not None and node.depth <= attachment[0]:
            attachment = None
        if node.kind in (ProvisionKind.ATTACHMENT, ProvisionKind.APPENDIX):
            attachment = (node.depth, attachment_label(node))
        elif node.kind == ProvisionKind.ARTICLE:
            current, lines = node, [node.text.strip()]
        elif current is not None:
            lines.append(_node_line(node))
    if current is not None:
        result.append((current, "\n".join(line for line in lines if line), attachment[1] if attachment else ""))
    return result


class LegalDocumentSource(SearchSource):
    label = "legal.LegalDocument"

    def entries_for(self, pk) -> list[SearchEntry]:
        document = (
            LegalDocument.objects.filter(pk=pk, live=True)
            .select_related("doc_type", "issuer")
            .prefetch_related("fields")
            .first()
        )
        if document is None:
            return []
        url = document.get_absolute_url()
        facets = {
            "doc_type": [document.doc_type.name],
            "issuer": [document.issuer.name],
            "field": [field.name for field in document.fields.all()],
            "validity": [str(Validity(document.validity).label)],
            "scope": [str(Scope(document.scope).label)],
            "year": [str(document.issued_on.year)] if document.issued_on else [],
        }
        common = {
            "group_key": f"legal:{document.pk}",
            "group_title": document.title,
            "group_url": url,
            "doc_number": document.number,
            "date": document.issued_on,
            "facets": facets,
        }
        provisions = (
            list(
                Provision.objects.filter(version_id=document.current_version_id)
                .order_by("order")
                .only("kind", "number", "title", "text", "eid", "depth", "order")
            )
            if document.current_version_id
            else []
        )
        articles = article_bodies(provisions)
        entries = [
            SearchEntry(
                key=f"provision:{article.pk}",
                kind="provision",
                title=f"{article.heading} ({part} kèm theo)" if part else article.heading,
                body=body,
                url=f"{url}#{article.eid}",
                **common,
            )
            for article, body, part in articles
        ]
        preamble = next((p.text for p in provisions if p.kind == ProvisionKind.PREAMBLE), "")
        # Laws seldom carry a summary; their first article (Phạm vi điều chỉnh) says what they cover.
        body = document.summary or preamble or (articles[0][1] if articles else "")
        if not articles:
            body = f"{body}\n{document.full_text}".strip()[:MAX_DOCUMENT_BODY]
        entries.insert(
            0,
            SearchEntry(
                key=f"document:{document.pk}",
                kind="document",
                title=f"{document.number} {document.title}".strip(),
                body=body,
                url=url,
                **common,
            ),
        )
        return entries

    def all_pks(self) -> Iterable:
        return LegalDocument.objects.published().values_list("pk", flat=True).iterator()
