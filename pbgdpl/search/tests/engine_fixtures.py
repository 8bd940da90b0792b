"""Invented sample content shared by the engine tests (not benchmark data)."""

from __future__ import annotations

import datetime

from pbgdpl.search.registry import SearchEntry


def law_entries() -> list[SearchEntry]:
    labour = dict(
        group_key="legal:1", group_title="Bộ luật Lao động 2019", group_url="/van-ban/bo-luat-lao-dong/",
        doc_number="45/2019/QH14", date=datetime.date(2019, 11, 20),
        facets={"doc_type": ["Bộ luật"], "issuer": ["Quốc hội"], "validity": ["Còn hiệu lực"], "scope": ["Trung ương"]},
    )
    decree = dict(
        group_key="legal:2", group_title="Nghị định 100/2019/NĐ-CP quy định xử phạt vi phạm hành chính giao thông",
        group_url="/van-ban/nd-100/", doc_number="100/2019/NĐ-CP", date=datetime.date(2019, 12, 30),
        facets={"doc_type": ["Nghị định"], "issuer": ["Chính phủ"], "validity": ["Hết hiệu lực một phần"], "scope": ["Trung ương"]},
    )
    land = dict(
        group_key="legal:3", group_title="Luật Đất đai 2013", group_url="/van-ban/luat-dat-dai/",
        doc_number="45/2013/QH13", date=datetime.date(2013, 11, 29),
        facets={"doc_type": ["Luật"], "issuer": ["Quốc hội"], "validity": ["Hết hiệu lực"], "scope": ["Trung ương"]},
    )
    return [
        SearchEntry(key="legal:1#dieu-3", kind="legal", title="Điều 3. Giải thích từ ngữ",
                    body="Trong Bộ luật này, các từ ngữ dưới đây được hiểu như sau:\n"
                         "1. Người lao động là người làm việc cho người sử dụng lao động theo thỏa thuận, được trả lương.\n"
                         "2. Người sử dụng lao động là doanh nghiệp, cơ quan, tổ chức, hợp tác xã, hộ gia đình, cá nhân có thuê mướn lao động.",
                    url="/van-ban/bo-luat-lao-dong/#dieu-3", **labour),
        SearchEntry(key="legal:1#dieu-35", kind="legal", title="Điều 35. Quyền đơn phương chấm dứt hợp đồng lao động của người lao động",
                    body="1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động.\n"
                         "2. Người lao động không cần báo trước khi không được trả đủ lương hoặc trả lương không đúng thời hạn.",
                    url="/van-ban/bo-luat-lao-dong/#dieu-35", **labour),
        SearchEntry(key="legal:1#dieu-139", kind="legal", title="Điều 139. Nghỉ thai sản",
                    body="1. Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng; thời gian nghỉ trước khi sinh không quá 02 tháng.\n"
                         "2. Trường hợp sinh đôi trở lên thì tính từ con thứ 02 trở đi, cứ mỗi con, người mẹ được nghỉ thêm 01 tháng.",
                    url="/van-ban/bo-luat-lao-dong/#dieu-139", **labour),
        SearchEntry(key="legal:2#dieu-5", kind="legal", title="Điều 5. Xử phạt người điều khiển xe ô tô vi phạm quy tắc giao thông",
                    body="1. Phạt tiền từ 200.000 đồng đến 400.000 đồng đối với người điều khiển xe không chấp hành hiệu lệnh của đèn tín hiệu giao thông.\n"
                         "2. Phạt tiền đối với người điều khiển xe có nồng độ cồn vượt quá mức quy định.",
                    url="/van-ban/nd-100/#dieu-5", **decree),
        SearchEntry(key="legal:3#dieu-100", kind="legal", title="Điều 100. Cấp Giấy chứng nhận quyền sử dụng đất",
                    body="1. Hộ gia đình, cá nhân đang sử dụng đất ổn định mà có giấy tờ về quyền sử dụng đất thì được cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở.",
                    url="/van-ban/luat-dat-dai/#dieu-100", **land),
        SearchEntry(key="news:7", kind="news", title="Hội nghị phổ biến pháp luật về lao động năm 2024",
                    body="Sở Tư pháp tổ chức hội nghị phổ biến Bộ luật Lao động cho người lao động tại các khu công nghiệp.",
                    url="/tin-tuc/hoi-nghi/", date=datetime.date(2024, 5, 2), facets={}),
    ]
