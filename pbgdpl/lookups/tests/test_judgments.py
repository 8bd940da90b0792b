"""Judgments: names masked on an editor's confirmation, publishing blocked while a name shows, search without diacritics."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from pbgdpl.lookups.judgments.masking import apply_masks, find_names, propose_masks
from pbgdpl.lookups.models import Judgment

TEXT = """Thành phần Hội đồng xét xử: Thẩm phán - Chủ tọa phiên tòa: Ông Trần Quốc Bảo. Thư ký phiên tòa: Bà Lê Thị Hoa.
Nguyên đơn: Bà Nguyễn Thị Lan, sinh năm 1980; địa chỉ: số 12 đường Nguyễn Văn Linh, phường Phố Hiến.
Bị đơn: Ông Phạm Văn Hùng, sinh năm 1975. Người làm chứng: anh Đỗ Minh Tuấn.
Ngày 10/3/2024, bà Lan cho ông Hùng vay 200.000.000 đồng; Công ty Trần Gia bảo lãnh. Bà Nguyễn Thị Lan khởi kiện."""


def test_masks_people_keeps_officials_streets_and_companies():
    proposals = propose_masks(TEXT)
    assert [(p.name, p.replacement) for p in proposals] == [
        ("Nguyễn Thị Lan", "A"), ("Phạm Văn Hùng", "B"), ("Đỗ Minh Tuấn", "C"), ("Lan", "A"), ("Hùng", "B")]
    masked = apply_masks(TEXT, {p.name: p.replacement for p in proposals})
    assert "Nguyên đơn: Bà A, sinh năm 1980" in masked and "bà A cho ông B vay" in masked and "anh C." in masked
    for kept in ("Trần Quốc Bảo", "Lê Thị Hoa", "đường Nguyễn Văn Linh", "Công ty Trần Gia"):
        assert kept in masked
    assert find_names(masked) == []


def test_an_unconfirmed_name_stays_and_blocks_publishing(db):
    masked = apply_masks(TEXT, {"Nguyễn Thị Lan": "A", "Lan": "A"})
    judgment = Judgment(number="1/2025/DS-ST", title="về vay tài sản", court="Tòa án nhân dân khu vực 1",
                        judged_on=datetime.date(2025, 1, 2), case_type="dan-su", legal_issue="Lãi suất",
                        summary="Tóm tắt", text=masked, live=True)
    with pytest.raises(ValidationError) as error:
        judgment.full_clean()
    assert "Phạm Văn Hùng" in str(error.value) and "Che tên" in str(error.value)
    judgment.live = False
    judgment.full_clean()  # a draft may hold names while the editor works


@pytest.mark.django_db
def test_admin_mask_screen_applies_only_confirmed_masks(client, django_user_model):
    from django.contrib.auth.models import Permission

    judgment = Judgment.objects.create(number="2/2025/DS-ST", title="về vay tài sản", court="Tòa án nhân dân khu vực 1",
                                       judged_on=datetime.date(2025, 1, 2), case_type="dan-su", legal_issue="Lãi suất",
                                       summary="Bà Nguyễn Thị Lan cho ông Phạm Văn Hùng vay tiền.", text=TEXT)
    user = django_user_model.objects.create_user("ban-an", password="Mat-khau-rat-dai-2026")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "change_judgment"]))
    client.force_login(user)
    url = f"/quan-tri/tra-cuu/ban-an/{judgment.pk}/che-ten/"
    page = client.get(url).content.decode()
    assert "Nguyễn Thị Lan" in page and "Trần Quốc Bảo" not in page
    # Confirm the first two proposals only; "Đỗ Minh Tuấn" is left for later.
    response = client.post(url, {"confirm-0": "1", "confirm-1": "1", "letter-1": "B", "confirm-3": "1", "confirm-4": "1"})
    assert response.status_code == 302
    judgment.refresh_from_db()
    assert judgment.summary == "Bà A cho ông B vay tiền."
    assert find_names(judgment.text) == ["Đỗ Minh Tuấn"]


@pytest.mark.django_db
def test_public_list_filters_and_detail(client, db):
    from pbgdpl.legal.demo import load_demo_documents  # noqa: F401  (the registry the provisions point into)
    from pbgdpl.lookups.judgments.demo import load_demo_judgments

    load_demo_judgments()
    html = client.get("/tra-cuu/ban-an/", {"q": "lai suat vay"}).content.decode()
    assert "15/2025/DS-PT" in html and "99/2026/AL" in html and "21/2025/HS-ST" not in html
    html = client.get("/tra-cuu/ban-an/", {"loai": "an-le"}).content.decode()
    assert "99/2026/AL" in html and "15/2025/DS-PT" not in html
    html = client.get("/tra-cuu/ban-an/", {"nam": "２０２５"}).content.decode()
    assert "Năm phải là 4 chữ số" in html
    judgment = Judgment.objects.get(number="21/2025/HS-ST")
    html = client.get(judgment.get_absolute_url()).content.decode()
    assert "Trộm cắp xe máy" in html and "Dữ liệu mẫu" in html and "congbobanan.toaan.gov.vn" in html
    Judgment.objects.filter(pk=judgment.pk).update(live=False)
    assert client.get(judgment.get_absolute_url()).status_code == 404
