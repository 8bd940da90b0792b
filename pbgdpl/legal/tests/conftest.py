import pytest

from pbgdpl.legal.models import LegalDocument
from pbgdpl.legal.services import refresh_all_validity
from pbgdpl.legal.validity import validity_on

from .factories import create_document


@pytest.fixture
def make_document(db):
    """``make_document("45/2019/QH14", doc_type="Bộ luật", …)``: a published document (metadata
    only unless ``text=`` is given), through the real service (see ``factories``)."""

    def make(number=None, *, text=None, **values):
        return create_document(number, text=text, **values)

    return make


def status_today(document: LegalDocument):
    """Validity computed for "today" and the status stored by the daily refresh; they must agree."""
    computed = validity_on(document)
    refresh_all_validity()
    document.refresh_from_db()
    assert document.validity == computed.status
    assert document.validity_reason == computed.reason
    return computed
