"""What other apps add to a document's page, without legal importing them.

An extension is called with the request, the document and the day, and returns a
``DocumentExtras``: escaped HTML to show under given provisions (keyed by eid, placed like the
relation notes) and HTML panels shown above the text. Consultation uses it for the "Góp ý"
links of a draft and the link from an issued document back to its draft.
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


def register(extension: Extension) -> None:
    if extension not in _extensions:
        _extensions.append(extension)


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
