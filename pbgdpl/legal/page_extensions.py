"""What other apps add to a document's page, without legal importing them.

An extension is called with the request, the document and the day, and returns a
``DocumentExtras``: escaped HTML to show under given provisions (keyed by eid, placed like the
relation notes) and HTML panels shown above the text. Consultation uses it for the "Góp ý"
links of a draft and the link from an issued document back to its draft.

An extension that must know something about every document to decide whether it adds anything
registers ``annotations`` (name -> a function building a query expression over the document's
``pk``, e.g. ``Exists(...)``): the page's own document query computes them, so asking costs no
extra query; the extension reads them as attributes of the document.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass
class DocumentExtras:
    provision_notes: dict[str, list[str]] = field(default_factory=dict)
    panels: list[str] = field(default_factory=list)


Extension = Callable[[HttpRequest, object, datetime.date], DocumentExtras | None]
_extensions: list[Extension] = []
_annotations: dict[str, Callable[[], object]] = {}


def register(extension: Extension, *, annotations: dict[str, Callable[[], object]] | None = None) -> None:
    if extension not in _extensions:
        _extensions.append(extension)
    _annotations.update(annotations or {})


def annotations() -> dict[str, object]:
    """The registered annotations, as expressions for the document page's query."""
    return {name: build() for name, build in _annotations.items()}


def collect(request: HttpRequest, document, on: datetime.date) -> DocumentExtras:
    extras = DocumentExtras()
    for extension in _extensions:
        found = extension(request, document, on)
        if found is None:
            continue
        for eid, items in found.provision_notes.items():
            extras.provision_notes.setdefault(eid, []).extend(items)
        extras.panels.extend(found.panels)
    return extras
