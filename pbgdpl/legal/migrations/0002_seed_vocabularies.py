"""Seed the editable vocabularies with the lists in DOMAIN.md (editors may change them later)."""

from django.db import migrations
from django.utils.text import slugify

DOCUMENT_TYPES = [
    "Hiến pháp", "Bộ luật", "Luật", "Nghị quyết", "Pháp lệnh", "Nghị quyết liên tịch", "Lệnh",
    "Quyết định", "Nghị định", "Thông tư", "Thông tư liên tịch", "Văn bản hợp nhất", "Chỉ thị",
    "Kế hoạch", "Công văn", "Hướng dẫn", "Thông báo", "Sắc lệnh", "Sắc luật",
]

# (name, abbreviation, scope)
ISSUERS = [
    ("Quốc hội", "QH", "central"),
    ("Ủy ban Thường vụ Quốc hội", "UBTVQH", "central"),
    ("Chủ tịch nước", "CTN", "central"),
    ("Chính phủ", "CP", "central"),
    ("Thủ tướng Chính phủ", "TTg", "central"),
    ("Văn phòng Chính phủ", "VPCP", "central"),
    ("Bộ Quốc phòng", "BQP", "central"),
    ("Bộ Công an", "BCA", "central"),
    ("Bộ Ngoại giao", "BNG", "central"),
    ("Bộ Nội vụ", "BNV", "central"),
    ("Bộ Tư pháp", "BTP", "central"),
    ("Bộ Tài chính", "BTC", "central"),
    ("Bộ Công Thương", "BCT", "central"),
    ("Bộ Nông nghiệp và Môi trường", "BNNMT", "central"),
    ("Bộ Xây dựng", "BXD", "central"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL", "central"),
    ("Bộ Khoa học và Công nghệ", "BKHCN", "central"),
    ("Bộ Giáo dục và Đào tạo", "BGDĐT", "central"),
    ("Bộ Y tế", "BYT", "central"),
    ("Bộ Dân tộc và Tôn giáo", "BDTTG", "central"),
    ("Ngân hàng Nhà nước Việt Nam", "NHNN", "central"),
    ("Thanh tra Chính phủ", "TTCP", "central"),
    # Ministries merged in 2025: kept because their documents are still in force.
    ("Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH", "central"),
    ("Bộ Tài nguyên và Môi trường", "BTNMT", "central"),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "BNNPTNT", "central"),
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT", "central"),
    ("Bộ Giao thông vận tải", "BGTVT", "central"),
    ("Bộ Thông tin và Truyền thông", "BTTTT", "central"),
    ("Tòa án nhân dân tối cao", "TANDTC", "central"),
    ("Hội đồng Thẩm phán Tòa án nhân dân tối cao", "HĐTP", "central"),
    ("Viện kiểm sát nhân dân tối cao", "VKSNDTC", "central"),
    ("Kiểm toán nhà nước", "KTNN", "central"),
    ("Hội đồng nhân dân tỉnh", "HĐND", "provincial"),
    ("Ủy ban nhân dân tỉnh", "UBND", "provincial"),
    ("Chủ tịch Ủy ban nhân dân tỉnh", "CT UBND", "provincial"),
    ("Sở Tư pháp", "STP", "provincial"),
    ("Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh", "HĐPH", "provincial"),
    ("Hội đồng nhân dân cấp xã", "HĐND xã", "commune"),
    ("Ủy ban nhân dân cấp xã", "UBND xã", "commune"),
]

FIELDS = [
    "Đất đai", "Hôn nhân và gia đình", "Lao động", "Dân sự", "Hình sự", "Hành chính", "Tố tụng",
    "Xử lý vi phạm hành chính", "Thuế, phí, lệ phí", "Tài chính, ngân hàng", "Doanh nghiệp, thương mại",
    "Đầu tư", "Xây dựng, nhà ở", "Giao thông vận tải", "Giáo dục", "Y tế", "Bảo hiểm",
    "Văn hóa, thể thao, du lịch", "Tài nguyên, môi trường", "Nông nghiệp", "Quốc phòng, an ninh",
    "Phòng, chống ma túy", "Phòng, chống tham nhũng", "Khiếu nại, tố cáo", "Trẻ em", "Bình đẳng giới",
    "Tư pháp, hộ tịch", "Hòa giải ở cơ sở", "Phổ biến, giáo dục pháp luật", "Bảo vệ người tiêu dùng",
    "Công nghệ thông tin, an ninh mạng", "Bảo vệ dữ liệu cá nhân", "Sở hữu trí tuệ",
    "Tổ chức bộ máy nhà nước", "Cán bộ, công chức, viên chức",
]


def _slug(text: str) -> str:
    return slugify(text.replace("đ", "d").replace("Đ", "D"))


def seed(apps, schema_editor):
    DocumentType = apps.get_model("legal", "DocumentType")
    Issuer = apps.get_model("legal", "Issuer")
    Field = apps.get_model("legal", "Field")
    for order, name in enumerate(DOCUMENT_TYPES, start=1):
        DocumentType.objects.get_or_create(slug=_slug(name), defaults={"name": name, "order": order * 10})
    for order, (name, abbreviation, scope) in enumerate(ISSUERS, start=1):
        Issuer.objects.get_or_create(
            slug=_slug(name),
            defaults={"name": name, "abbreviation": abbreviation, "scope": scope, "order": order * 10},
        )
    for order, name in enumerate(FIELDS, start=1):
        Field.objects.get_or_create(slug=_slug(name), defaults={"name": name, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
