"""Who may take part in a contest: age, residence, unit and citizen ID rules."""

from __future__ import annotations

import datetime

from ..models import Contest, Contestant


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def eligibility_problem(contestant: Contestant, contest: Contest, today: datetime.date) -> str:
    """Why ``contestant`` may not take part in ``contest`` ("" when eligible)."""
    if contest.min_age:
        if contestant.birth_date is None:
            return "Cuộc thi yêu cầu ngày sinh. Vui lòng cập nhật ngày sinh trước khi dự thi."
        if age_on(contestant.birth_date, today) < contest.min_age:
            return f"Cuộc thi dành cho người từ đủ {contest.min_age} tuổi trở lên."
    if contest.residence_required and not contestant.commune:
        return "Cuộc thi dành cho người cư trú trong tỉnh: vui lòng chọn xã, phường nơi cư trú."
    if contest.require_unit and contestant.unit_id is None:
        return "Cuộc thi yêu cầu chọn đơn vị."
    if contest.require_citizen_id and not contestant.citizen_id_hash:
        return "Thể lệ cuộc thi yêu cầu số căn cước công dân: vui lòng bổ sung."
    return ""
