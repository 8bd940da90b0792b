"""Fixtures of the Q&A tests: two small laws with the cited articles, the demo Q&As, staff users."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from pbgdpl.legal.models import LegalDocument
from pbgdpl.legal.tests.factories import LegalDocumentFactory
from pbgdpl.search import index as index_mod

CIVIL_TEXT = """Điều 466. Nghĩa vụ trả nợ của bên vay
1. Bên vay tài sản là tiền thì phải trả đủ tiền khi đến hạn.
4. Trường hợp vay không có lãi mà khi đến hạn bên vay không trả nợ thì bên cho vay có quyền yêu cầu trả lãi.
Điều 468. Lãi suất
1. Lãi suất vay do các bên thỏa thuận nhưng không được vượt quá 20%/năm của khoản tiền vay.
2. Trường hợp lãi suất theo thỏa thuận vượt quá lãi suất giới hạn thì mức lãi suất vượt quá không có hiệu lực.
Điều 650. Những trường hợp thừa kế theo pháp luật
Thừa kế theo pháp luật được áp dụng khi không có di chúc.
Điều 651. Người thừa kế theo pháp luật
1. Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, con đẻ, con nuôi của người chết."""

LABOUR_TEXT = """Điều 35. Quyền đơn phương chấm dứt hợp đồng lao động của người lao động
1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước ít nhất 45 ngày.
Điều 48. Trách nhiệm khi chấm dứt hợp đồng lao động
1. Trong thời hạn 14 ngày làm việc, các bên có trách nhiệm thanh toán đầy đủ các khoản tiền.
Điều 139. Nghỉ thai sản
1. Lao động nữ được nghỉ trước và sau khi sinh con là 06 tháng."""


@pytest.fixture
def search_dir(settings, tmp_path):
    """A private, empty search index for the test."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    index_mod.readers.reset()
    cache.clear()
    yield settings.SEARCH_INDEX_DIR
    index_mod.readers.reset()
    cache.clear()


def _law(number: str, title: str, text: str, field: str) -> LegalDocument:
    return LegalDocumentFactory(number=number, title=title, doc_type="Bộ luật", text=text, fields=[field])


@pytest.fixture
def laws(db, search_dir, django_capture_on_commit_callbacks):
    """Civil Code and Labour Code extracts under their real numbers, indexed."""
    with django_capture_on_commit_callbacks(execute=True):
        civil = _law("91/2015/QH13", "Bộ luật Dân sự", CIVIL_TEXT, "Dân sự")
        labour = _law("45/2019/QH14", "Bộ luật Lao động", LABOUR_TEXT, "Lao động")
    index_mod.readers.reset()
    return {"civil": civil, "labour": labour}


@pytest.fixture
def demo_qa(laws, django_capture_on_commit_callbacks):
    """The demo Q&As (citations to the two laws above resolve; the others are skipped), indexed."""
    from pbgdpl.qa.demo import load_demo_questions

    with django_capture_on_commit_callbacks(execute=True):
        summary = load_demo_questions()
    index_mod.readers.reset()
    return summary


@pytest.fixture
def roles(db):
    from pbgdpl.accounts.services import ensure_editorial_setup

    ensure_editorial_setup()
    User = get_user_model()

    def make(username: str, group: str):
        user = User.objects.create_user(username, f"{username}@so-tu-phap.example", "matkhau-dai-123")
        user.groups.add(Group.objects.get(name=group))
        return User.objects.get(pk=user.pk)  # fresh permission cache

    return {"editor": make("bientap", "Biên tập viên"), "board": make("banbientap", "Ban biên tập")}


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """``laws`` + ``demo_qa`` built once per test module (tests also need ``db``).

    Everything is created inside an outer transaction that is rolled back when the module
    ends; each test runs in a savepoint inside it. The index is built directly from the
    outbox because on-commit callbacks never fire inside that transaction.
    """
    from django.db import transaction
    from django.test import override_settings

    from pbgdpl.qa.demo import load_demo_questions
    from pbgdpl.search.indexer import apply_outbox

    with django_db_blocker.unblock(), override_settings(SEARCH_INDEX_DIR=tmp_path_factory.mktemp("qa-search")):
        cache.clear()
        index_mod.readers.reset()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            laws = {
                "civil": _law("91/2015/QH13", "Bộ luật Dân sự", CIVIL_TEXT, "Dân sự"),
                "labour": _law("45/2019/QH14", "Bộ luật Lao động", LABOUR_TEXT, "Lao động"),
            }
            load_demo_questions()
            apply_outbox()
            index_mod.readers.reset()
            yield laws
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            index_mod.readers.reset()
            cache.clear()
