"""Data classes of a parsed legal text: a tree of provisions with stable element ids.

The shapes here are a contract with the legal app (models, importers, pages): keep field names and
meanings stable. See ``pbgdpl/legal/parsing/__init__.py`` for the eid scheme.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

#: Every kind a node can have, outermost first for the structural ones.
KINDS = (
    "part",
    "chapter",
    "section",
    "article",
    "clause",
    "point",
    "preamble",
    "attachment",
    "appendix",
    "closing",
    "text",
)

#: Kinds whose label ("1.", "a)") shares its source line with the first line of ``text``.
INLINE_LABEL_KINDS = ("clause", "point")


@dataclass
class Node:
    """One provision or block of a legal text.

    ``text`` is the node's own text (lines joined with "\\n"), without its children's text and without
    its heading. ``heading`` is the heading exactly as it stood in the source (one or more lines, e.g.
    ``"Chương I\\nQUY ĐỊNH CHUNG"`` or ``"Điều 5. Phạm vi điều chỉnh"``); for clauses and points it is
    the label (``"1."``, ``"a)"``) that preceded the first text line. ``line`` is the 1-based source
    line where the node starts (useful in editor warnings).
    """

    kind: str
    number: str = ""
    title: str = ""
    text: str = ""
    eid: str = ""
    children: list[Node] = field(default_factory=list)
    heading: str = ""
    line: int = 0
    #: True when a clause/point label ("3.") stood alone on its line, its text starting on the next.
    heading_alone: bool = False

    def iter(self) -> Iterator[Node]:
        """Yield this node and then every descendant, depth-first in document order."""
        yield self
        for child in self.children:
            yield from child.iter()

    def source_lines(self) -> list[str]:
        """The non-blank lines of this node and its descendants, in source order.

        Rebuilding a document from its tree with this gives back every non-blank input line (after
        NFC normalisation and trimming), which is what the "nothing lost" tests check.
        """
        out: list[str] = []
        text_lines = [line for line in self.text.split("\n") if line.strip()]
        if self.kind in INLINE_LABEL_KINDS and self.heading:
            if text_lines and not self.heading_alone:
                out.append(f"{self.heading} {text_lines[0]}")
                text_lines = text_lines[1:]
            else:
                out.append(self.heading)
        elif self.heading:
            out.extend(line for line in self.heading.split("\n") if line.strip())
        out.extend(text_lines)
        for child in self.children:
            out.extend(child.source_lines())
        return out

    def to_dict(self) -> dict:
        """A JSON-serialisable copy of this subtree."""
        return {
            "kind": self.kind,
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "eid": self.eid,
            "heading": self.heading,
            "line": self.line,
            "heading_alone": self.heading_alone,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class ParseResult:
    """The outcome of :func:`pbgdpl.legal.parsing.parse_text`.

    ``nodes`` are the top-level nodes in document order (preamble, parts/chapters/articles of the main
    text, closing, attachments, appendices). ``warnings`` are short Vietnamese messages for the editor
    (never fatal). ``metadata`` holds what could be read from the heading and signature blocks, with
    keys among ``number``, ``issuer`` (as printed, upper case), ``doc_type``, ``title``, ``place``, ``issued_on`` (ISO date),
    ``signer``, ``signer_title``, ``signing_authority``; a key is absent when not found.
    """

    nodes: list[Node] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)

    def iter(self) -> Iterator[Node]:
        """Every node of the tree, depth-first in document order."""
        for node in self.nodes:
            yield from node.iter()

    def articles(self, *, main_only: bool = False) -> list[Node]:
        """All articles (Điều) in document order.

        With ``main_only=True``, only the articles of the main text (not those of an attached Quy chế,
        Quy định … nor of appendices).
        """
        if not main_only:
            return [node for node in self.iter() if node.kind == "article"]
        found: list[Node] = []
        for top in self.nodes:
            if top.kind in ("attachment", "appendix"):
                continue
            found.extend(node for node in top.iter() if node.kind == "article")
        return found

    def find(self, eid: str) -> Node | None:
        """The node with this eid, or None."""
        for node in self.iter():
            if node.eid == eid:
                return node
        return None

    def source_lines(self) -> list[str]:
        """Every non-blank line of the document rebuilt from the tree, in order."""
        out: list[str] = []
        for node in self.nodes:
            out.extend(node.source_lines())
        return out

    def to_dict(self) -> dict:
        """A JSON-serialisable copy of the whole result."""
        return {
            "nodes": [node.to_dict() for node in self.nodes],
            "warnings": list(self.warnings),
            "metadata": dict(self.metadata),
        }
