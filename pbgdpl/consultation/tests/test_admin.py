"""Staff: who may moderate and respond, the audit trail, the XLSX/DOCX report, the issued document's link."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from pbgdpl.audit.models import AuditEntry
from pbgdpl.consultation.models import Comment, Status
from pbgdpl.consultation.services import consultation_for
from pbgdpl.legal.tests.factories import LegalDocumentFactory


@pytest.fixture
def comment(draft):
    return Comment.objects.create(
        consultation=consultation_for(draft), eid="dieu-3-khoan-2", provision_label="Khoản 2 Điều 3",
        text="=HYPERLINK(\"http://x\") nâng mức hỗ trợ", name="Trần Văn Góp", organisation="HTX Phú Cường",
        email="gopy@example.vn", status=Status.PENDING, submission_key="k1",
    )


def refused(response) -> bool:
    """Wagtail answers a refused admin request with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/quan-tri/")


def url(draft, tail: str = "") -> str:
    return f"/quan-tri/gop-y-du-thao/{draft.pk}/{tail}"


def test_roles_moderate_and_respond_separately_and_outsiders_are_refused(client, staff, draft, comment):
    client.force_login(staff["answerer"])
    assert refused(client.get("/quan-tri/gop-y-du-thao/"))
    client.force_login(staff["drafter"])
    assert refused(client.post(url(draft), {"action": "approve", "comment": comment.pk}))
    client.force_login(staff["editor"])
    assert refused(client.post(url(draft), {"action": "respond", "comment": comment.pk, "response": "x"}))
    client.post(url(draft), {"action": "approve", "comment": comment.pk})
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert AuditEntry.objects.filter(model="consultation.comment", object_id=str(comment.pk),
                                     username="bientap").exists()
    client.force_login(staff["drafter"])
    client.post(url(draft), {"action": "respond", "comment": comment.pk, "response": "Tiếp thu, nâng lên 40%."})
    comment.refresh_from_db()
    assert comment.response == "Tiếp thu, nâng lên 40%." and comment.responded_at


def test_unverified_comment_cannot_be_approved(client, staff, draft, comment):
    Comment.objects.filter(pk=comment.pk).update(status=Status.UNVERIFIED)
    client.force_login(staff["board"])
    response = client.post(url(draft), {"action": "approve", "comment": comment.pk}, follow=True)
    assert "chưa được xác nhận thư điện tử" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.UNVERIFIED


def test_summary_counts_per_provision_and_exports_the_response_layout(client, staff, draft, comment):
    comment.response = "Tiếp thu."
    comment.save()
    client.force_login(staff["board"])
    page = client.get(url(draft)).content.decode()
    assert "Khoản 2 Điều 3 – 1 ý kiến (1 đã tiếp thu, giải trình)" in page
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url(draft, "tong-hop.xlsx")).content)).active
    rows = [tuple(c for c in row) for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert rows[0] == ("STT", "Điều, khoản, điểm", "Nội dung góp ý", "Cơ quan, tổ chức, cá nhân góp ý",
                       "Tiếp thu, giải trình")
    assert rows[1] == (1, "Khoản 2 Điều 3 (1 ý kiến)", "'=HYPERLINK(\"http://x\") nâng mức hỗ trợ",
                       "Trần Văn Góp (HTX Phú Cường)", "Tiếp thu.")
    table = docx.Document(io.BytesIO(client.get(url(draft, "tong-hop.docx")).content)).tables[0]
    assert [c.text for c in table.rows[1].cells][1:] == [
        "Khoản 2 Điều 3 (1 ý kiến)", comment.text, "Trần Văn Góp (HTX Phú Cường)", "Tiếp thu."]


def test_issued_document_links_to_its_draft_and_report(client, staff, draft):
    final = LegalDocumentFactory(number="15/2026/NQ-HĐND", title="Nghị quyết quy định mức hỗ trợ thử nghiệm",
                                 doc_type="Nghị quyết")
    client.force_login(staff["board"])
    response = client.post(url(draft), {"action": "settings", "drafting_body": "Sở Tài chính",
                                        "moderation": "before", "final_document": final.pk})
    assert response.status_code == 302
    client.logout()
    html = client.get(final.get_absolute_url()).content.decode()
    assert draft.get_absolute_url() in html and f"/gop-y-du-thao/{draft.slug}/y-kien/" in html
