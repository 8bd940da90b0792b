"""The reporting app's open datasets (registered in ``ReportingConfig.ready()``).

Reporters' phone numbers and e-mails appear only for people who consented (``contact_consent``);
the other registries hold no personal data.
"""

from __future__ import annotations

from pbgdpl.core.open_data import Dataset, Field

from .aggregation import rollup
from .models import (
    AccessFramework,
    AccessResult,
    Bookshelf,
    Indicator,
    MediationTeam,
    Reporter,
    ReportingPeriod,
    Return,
    ReturnStatus,
    Unit,
)
from .pagecache import shows


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def reporter_rows():
    shows(Reporter, Unit)
    for r in Reporter.objects.filter(is_active=True).select_related("unit"):
        phone, email = r.public_contact()
        yield {"ho_ten": r.full_name, "loai": r.get_kind_display(), "cap": r.get_level_display(),
               "linh_vuc": r.field, "don_vi": r.unit.name, "so_buoi_tuyen_truyen": r.talks_given,
               "dien_thoai": phone, "thu_dien_tu": email}


def team_rows():
    shows(MediationTeam, Unit)
    for t in MediationTeam.objects.select_related("commune"):
        yield {"ten_to": t.name, "xa_phuong": t.commune.name, "ma_xa_phuong": t.commune.code, "nam": t.year,
               "so_hoa_giai_vien": t.mediators, "vu_viec_tiep_nhan": t.cases_received,
               "vu_viec_hoa_giai_thanh": t.cases_succeeded}


def bookshelf_rows():
    shows(Bookshelf, Unit)
    for b in Bookshelf.objects.select_related("commune"):
        yield {"ten_tu_sach": b.name, "xa_phuong": b.commune.name, "ma_xa_phuong": b.commune.code,
               "noi_dat": b.location, "so_dau_sach": b.titles}


def access_rows():
    shows(AccessResult, AccessFramework, Unit)
    for a in AccessResult.objects.select_related("commune", "framework"):
        yield {"xa_phuong": a.commune.name, "ma_xa_phuong": a.commune.code, "nam": a.year,
               "bo_tieu_chi": a.framework.decision, "tong_diem": _number(a.total),
               "du_dieu_kien": a.passed, "cong_nhan": a.recognised,
               "quyet_dinh_cong_nhan": a.decision_number if a.recognised else ""}


def totals_rows():
    """Accepted totals of every unit (its own subtree), by period and indicator."""
    shows(Return, Unit, Indicator, ReportingPeriod)
    roots = list(Unit.objects.filter(parent__isnull=True))
    names = dict(Unit.objects.values_list("pk", "name"))
    codes = dict(Unit.objects.values_list("pk", "code"))
    periods = ReportingPeriod.objects.select_related("form").filter(
        pk__in=Return.objects.filter(status=ReturnStatus.ACCEPTED).values("period_id")).order_by("start")
    for period in periods:
        for root in roots:
            result = rollup(period, root)
            for unit_id, totals in result.totals.items():
                for indicator in result.indicators:
                    value = totals.get(indicator.code)
                    if value is None:
                        continue
                    yield {"ky_bao_cao": period.label, "tu_ngay": period.start.isoformat(),
                           "den_ngay": period.end.isoformat(), "bieu_mau": period.form.code,
                           "ma_don_vi": codes[unit_id], "don_vi": names[unit_id], "ma_chi_tieu": indicator.code,
                           "chi_tieu": indicator.name, "don_vi_tinh": indicator.unit_of_measure,
                           "gia_tri": _number(value)}


TEXT, INT, NUM, BOOL, DATE = "chuỗi", "số nguyên", "số", "có/không", "ngày (YYYY-MM-DD)"

DATASETS = [
    Dataset("bao-cao-vien", "Báo cáo viên, tuyên truyền viên pháp luật",
            "Danh sách báo cáo viên, tuyên truyền viên pháp luật đang hoạt động. Số điện thoại và thư điện tử "
            "chỉ có khi người đó đồng ý công khai.",
            [Field("ho_ten", TEXT, "Họ và tên"), Field("loai", TEXT, "Báo cáo viên hoặc tuyên truyền viên"),
             Field("cap", TEXT, "Cấp công nhận"), Field("linh_vuc", TEXT, "Lĩnh vực pháp luật phụ trách"),
             Field("don_vi", TEXT, "Đơn vị công tác"), Field("so_buoi_tuyen_truyen", INT, "Số buổi đã tuyên truyền"),
             Field("dien_thoai", TEXT, "Số điện thoại (chỉ khi đồng ý công khai)"),
             Field("thu_dien_tu", TEXT, "Thư điện tử (chỉ khi đồng ý công khai)")], reporter_rows),
    Dataset("to-hoa-giai", "Tổ hòa giải ở cơ sở", "Tổ hòa giải theo xã, phường, với số hòa giải viên và số vụ việc.",
            [Field("ten_to", TEXT, "Tên tổ hòa giải"), Field("xa_phuong", TEXT, "Xã, phường"),
             Field("ma_xa_phuong", TEXT, "Mã đơn vị (X + mã xã theo danh mục 2025)"), Field("nam", INT, "Năm số liệu"),
             Field("so_hoa_giai_vien", INT, "Số hòa giải viên"), Field("vu_viec_tiep_nhan", INT, "Số vụ, việc tiếp nhận"),
             Field("vu_viec_hoa_giai_thanh", INT, "Số vụ, việc hòa giải thành")], team_rows),
    Dataset("tu-sach-phap-luat", "Tủ sách pháp luật", "Tủ sách pháp luật ở xã, phường: nơi đặt và số đầu sách.",
            [Field("ten_tu_sach", TEXT, "Tên tủ sách"), Field("xa_phuong", TEXT, "Xã, phường"),
             Field("ma_xa_phuong", TEXT, "Mã đơn vị"), Field("noi_dat", TEXT, "Nơi đặt"),
             Field("so_dau_sach", INT, "Số đầu sách")], bookshelf_rows),
    Dataset("chuan-tiep-can", "Kết quả xây dựng xã, phường đạt chuẩn tiếp cận pháp luật",
            "Tổng điểm tự đánh giá của từng xã, phường theo năm, đủ điều kiện đạt chuẩn hay chưa, và quyết định "
            "công nhận của tỉnh.",
            [Field("xa_phuong", TEXT, "Xã, phường"), Field("ma_xa_phuong", TEXT, "Mã đơn vị"),
             Field("nam", INT, "Năm đánh giá"), Field("bo_tieu_chi", TEXT, "Văn bản quy định bộ tiêu chí"),
             Field("tong_diem", NUM, "Tổng điểm"), Field("du_dieu_kien", BOOL, "Đủ điều kiện đạt chuẩn"),
             Field("cong_nhan", BOOL, "Tỉnh đã quyết định công nhận đạt chuẩn"),
             Field("quyet_dinh_cong_nhan", TEXT, "Số quyết định công nhận (nếu có)")], access_rows),
    Dataset("so-lieu-pbgdpl", "Số liệu phổ biến, giáo dục pháp luật theo kỳ báo cáo",
            "Tổng hợp số liệu đã được duyệt của từng đơn vị (gồm các đơn vị cấp dưới) theo kỳ báo cáo và chỉ tiêu.",
            [Field("ky_bao_cao", TEXT, "Kỳ báo cáo"), Field("tu_ngay", DATE, "Ngày bắt đầu kỳ"),
             Field("den_ngay", DATE, "Ngày kết thúc kỳ"), Field("bieu_mau", TEXT, "Mã biểu mẫu"),
             Field("ma_don_vi", TEXT, "Mã đơn vị"), Field("don_vi", TEXT, "Đơn vị"),
             Field("ma_chi_tieu", TEXT, "Mã chỉ tiêu"), Field("chi_tieu", TEXT, "Tên chỉ tiêu"),
             Field("don_vi_tinh", TEXT, "Đơn vị tính"), Field("gia_tri", NUM, "Giá trị tổng hợp")], totals_rows),
]
