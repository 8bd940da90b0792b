"""Soft hyphens and other invisible characters never reach the page ("ng-ười"): stripped at
import, and from text stored before (data migration legal 0007)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from pbgdpl.core.text import strip_invisible
from pbgdpl.legal.models import DocumentVersion, LegalDocument, Provision
from pbgdpl.legal.parsing.structure import parse_text
from pbgdpl.legal.services import content_hash

from .factories import D, create_document

SOFT = "\u00ad"
DIRTY = f"Điều 1. Quyền của ng{SOFT}ười lao\u200b động\nNgười\u00a0lao động có quyền\u2060 nghỉ việc.\u200e"


def test_strip_invisible_keeps_letters_spaces_and_line_breaks():
    assert strip_invisible(f"ng{SOFT}ười\u200b\ufeff lao\u00a0động\u202fx\ny\x0cz\tw\x07") == "người lao động x\ny\nz\tw"


def test_the_parser_drops_invisible_characters():
    article = next(node for node in parse_text(DIRTY).nodes if node.kind == "article")
    assert article.title == "Quyền của người lao động"
    assert "\u2060" not in article.text and "\u00a0" not in article.text


@pytest.mark.django_db
def test_imported_text_and_metadata_come_out_clean(client):
    law = create_document("45/2019/QH14", title=f"Bộ luật Lao đ{SOFT}ộng", issued_on=D(2019, 11, 20), text=DIRTY)
    law.refresh_from_db()
    assert law.title == "Bộ luật Lao động"
    html = client.get(law.get_absolute_url()).content.decode()
    assert SOFT not in html and "\u200b" not in html and "Quyền của người lao động" in html


@pytest.mark.django_db
def test_data_migration_cleans_stored_text_and_its_hash():
    law = create_document("45/2019/QH14", title="Bộ luật Lao động", issued_on=D(2019, 11, 20),
                          text="Điều 1. Quyền của người lao động\nNgười lao động có quyền nghỉ việc.")
    # Text stored before the importer cleaned it.
    LegalDocument.objects.filter(pk=law.pk).update(title=f"Bộ luật Lao đ{SOFT}ộng")
    Provision.objects.filter(version__document=law, eid="dieu-1").update(title=f"Quyền của ng{SOFT}ười lao động")
    DocumentVersion.objects.filter(document=law).update(text=f"Điều 1. Quyền của ng{SOFT}ười lao động", content_hash="x")
    migration = importlib.import_module("pbgdpl.legal.migrations.0008_strip_invisible_characters")
    migration.clean(apps, None)
    law.refresh_from_db()
    assert law.title == "Bộ luật Lao động"
    assert Provision.objects.get(version__document=law, eid="dieu-1").title == "Quyền của người lao động"
    version = DocumentVersion.objects.get(document=law)
    assert version.text == "Điều 1. Quyền của người lao động" and version.content_hash == content_hash(version.text)
