"""Rebuild demo_data/laws.jsonl.gz from the public law texts of the benchmark corpora.

Developers only (needs ../shared/bench). Reads the articles (corpus.jsonl) — never the queries or
relevance judgements — and writes one JSON Lines row per law in the import format, with metadata
from LAWS below. The output is committed so the seed works without ../shared.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pbgdpl.legal.demo import DEMO_DIR

QH = "Quốc hội"
CHAIR_TITLE = "Chủ tịch Quốc hội"

# number → metadata. Dates are the widely published ones (passed = issued_on); see demo_data/README.md.
LAWS: dict[str, dict] = {
    "91/2015/QH13": {"title": "Bộ luật Dân sự", "issued_on": "2015-11-24", "effective_from": "2017-01-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Dân sự"]},
    "45/2019/QH14": {"title": "Bộ luật Lao động", "issued_on": "2019-11-20", "effective_from": "2021-01-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Lao động"],
                     "relations": [{"predicate": "replaces", "object_number": "10/2012/QH13",
                                    "object_issuer": QH, "effective_on": "2021-01-01"}]},
    "24/2018/QH14": {"title": "Luật An ninh mạng", "issued_on": "2018-06-12", "effective_from": "2019-01-01",
                     "signer": "Nguyễn Thị Kim Ngân",
                     "fields": ["Công nghệ thông tin, an ninh mạng", "Quốc phòng, an ninh"]},
    "01/VBHN-VPQH": {"title": "Bộ luật Hình sự (văn bản hợp nhất năm 2017)", "issuer": "Văn phòng Quốc hội",
                     "issued_on": "2017-07-10", "effective_from": "2018-01-01",
                     "signer": "Nguyễn Hạnh Phúc", "signer_title": "Chủ nhiệm Văn phòng Quốc hội",
                     "fields": ["Hình sự"],
                     "summary": "Hợp nhất Bộ luật Hình sự số 100/2015/QH13 và Luật số 12/2017/QH14 sửa đổi, "
                                "bổ sung một số điều của Bộ luật Hình sự."},
    "73/2021/QH14": {"title": "Luật Phòng, chống ma túy", "issued_on": "2021-03-30",
                     "effective_from": "2022-01-01", "signer": "Nguyễn Thị Kim Ngân",
                     "fields": ["Phòng, chống ma túy"]},
    "72/2020/QH14": {"title": "Luật Bảo vệ môi trường", "issued_on": "2020-11-17",
                     "effective_from": "2022-01-01", "signer": "Nguyễn Thị Kim Ngân",
                     "fields": ["Tài nguyên, môi trường"]},
    "58/2010/QH12": {"title": "Luật Viên chức", "issued_on": "2010-11-15", "effective_from": "2012-01-01",
                     "signer": "Nguyễn Phú Trọng", "fields": ["Cán bộ, công chức, viên chức"]},
    "68/2020/QH14": {"title": "Luật Cư trú", "issued_on": "2020-11-13", "effective_from": "2021-07-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Hành chính", "Tư pháp, hộ tịch"]},
    "104/2016/QH13": {"title": "Luật Tiếp cận thông tin", "issued_on": "2016-04-06",
                      "effective_from": "2018-07-01", "signer": "Nguyễn Thị Kim Ngân", "fields": ["Hành chính"]},
    "31/2018/QH14": {"title": "Luật Trồng trọt", "issued_on": "2018-11-19", "effective_from": "2020-01-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Nông nghiệp"]},
    "32/2018/QH14": {"title": "Luật Chăn nuôi", "issued_on": "2018-11-19", "effective_from": "2020-01-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Nông nghiệp"]},
    "Hiến pháp 2013": {"title": "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "type": "Hiến pháp",
                       "issued_on": "2013-11-28", "effective_from": "2014-01-01", "signer": "Nguyễn Sinh Hùng",
                       "fields": ["Tổ chức bộ máy nhà nước"]},
    "09/2017/QH14": {"title": "Luật Du lịch", "issued_on": "2017-06-19", "effective_from": "2018-01-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Văn hóa, thể thao, du lịch"]},
    "93/2015/QH13": {"title": "Luật Tố tụng hành chính", "issued_on": "2015-11-25",
                     "effective_from": "2016-07-01", "signer": "Nguyễn Thị Kim Ngân",
                     "fields": ["Tố tụng", "Hành chính"]},
    "52/2014/QH13": {"title": "Luật Hôn nhân và gia đình", "issued_on": "2014-06-19",
                     "effective_from": "2015-01-01", "signer": "Nguyễn Sinh Hùng",
                     "fields": ["Hôn nhân và gia đình"]},
    "05/2022/QH15": {"title": "Luật Điện ảnh", "issued_on": "2022-06-15", "effective_from": "2023-01-01",
                     "signer": "Vương Đình Huệ", "fields": ["Văn hóa, thể thao, du lịch"]},
    "54/2010/QH12": {"title": "Luật Trọng tài thương mại", "issued_on": "2010-06-17",
                     "effective_from": "2011-01-01", "signer": "Nguyễn Phú Trọng",
                     "fields": ["Doanh nghiệp, thương mại", "Tố tụng"]},
    "57/2020/QH14": {"title": "Luật Thanh niên", "issued_on": "2020-06-16", "effective_from": "2021-01-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Hành chính"]},
    "43/2019/QH14": {"title": "Luật Giáo dục", "issued_on": "2019-06-14", "effective_from": "2020-07-01",
                     "signer": "Nguyễn Thị Kim Ngân", "fields": ["Giáo dục"]},
}

# Documents cited by relations whose text is not in the corpora: metadata only.
CITED_ONLY: list[dict] = [
    {"number": "10/2012/QH13", "title": "Bộ luật Lao động", "type": "Bộ luật", "issuer": QH,
     "issued_on": "2012-06-18", "effective_from": "2013-05-01", "signer": "Nguyễn Sinh Hùng",
     "signer_title": CHAIR_TITLE, "fields": ["Lao động"], "scope": "central",
     "summary": "Bộ luật Lao động năm 2012, được thay thế bởi Bộ luật Lao động số 45/2019/QH14. "
                "Toàn văn không có trong dữ liệu trình diễn."},
    {"number": "52/2019/QH14", "title": "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và "
                                        "Luật Viên chức", "type": "Luật", "issuer": QH,
     "issued_on": "2019-11-25", "effective_from": "2020-07-01", "signer": "Nguyễn Thị Kim Ngân",
     "signer_title": CHAIR_TITLE, "fields": ["Cán bộ, công chức, viên chức"], "scope": "central",
     "summary": "Toàn văn không có trong dữ liệu trình diễn.",
     "relations": [{"predicate": "amends", "object_number": "58/2010/QH12", "object_issuer": QH}]},
    {"number": "203/2025/QH15", "title": "Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp nước Cộng hòa "
                                         "xã hội chủ nghĩa Việt Nam", "type": "Nghị quyết", "issuer": QH,
     "issued_on": "2025-06-16", "effective_from": "2025-07-01", "signer": "Trần Thanh Mẫn",
     "signer_title": CHAIR_TITLE, "fields": ["Tổ chức bộ máy nhà nước"], "scope": "central",
     "summary": "Toàn văn không có trong dữ liệu trình diễn.",
     "relations": [{"predicate": "amends", "object_number": "Hiến pháp 2013", "object_issuer": QH}]},
]


def article_text(article: str, raw: str) -> str:
    """"Điều N. <title>" then the body, one paragraph a line (the corpus separates them by blank lines)."""
    title, _sep, body = raw.partition("\n")
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    return "\n".join([f"Điều {article}. {title.strip()}", *paragraphs])


class Command(BaseCommand):
    help = "Dựng lại dữ liệu luật trình diễn (demo_data/laws.jsonl.gz) từ ../shared/bench/*/corpus.jsonl."

    def add_arguments(self, parser):
        parser.add_argument("--bench", default=str(Path(settings.BASE_DIR).parent / "shared" / "bench"))

    def handle(self, *args, bench, **options):
        corpora = sorted(Path(bench).glob("*/corpus.jsonl"))
        if not corpora:
            raise CommandError(f"Không tìm thấy corpus.jsonl nào trong {bench}.")
        laws: dict[str, dict] = {}
        for corpus in corpora:
            seen_here: set[str] = set()
            with corpus.open(encoding="utf-8") as handle:
                for line in handle:
                    item = json.loads(line)
                    number = item["doc_number"]
                    if number in laws and number not in seen_here:
                        continue  # the same law in an earlier corpus already
                    seen_here.add(number)
                    law = laws.setdefault(number, {"type": item["doc_type"], "articles": []})
                    law["articles"].append(article_text(item["article"], item["text"]))
        rows = []
        for number, law in laws.items():
            meta = LAWS.get(number)
            if meta is None:
                raise CommandError(f"Thiếu siêu dữ liệu cho {number}: thêm vào LAWS.")
            row = {
                "number": number,
                "type": meta.get("type", law["type"]),
                "issuer": meta.get("issuer", QH),
                "scope": "central",
                "signer_title": meta.get("signer_title", CHAIR_TITLE),
                **{k: v for k, v in meta.items() if k not in {"type", "issuer", "signer_title"}},
                "text": "\n".join(law["articles"]),
            }
            rows.append(row)
        rows.extend(CITED_ONLY)
        DEMO_DIR.mkdir(exist_ok=True)
        target = DEMO_DIR / "laws.jsonl.gz"
        # mtime=0: the same input gives byte-identical output (clean diffs).
        with gzip.GzipFile(target, "wb", mtime=0) as raw:
            for row in rows:
                raw.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
        articles = sum(len(law["articles"]) for law in laws.values())
        self.stdout.write(f"Đã ghi {len(rows)} văn bản ({articles} điều) vào {target}.")
