"""How a violation reads to a citizen: amounts in Vietnamese style, the provision it comes from."""

from __future__ import annotations


def money(amount: int) -> str:
    """4000000 → "4.000.000 đồng"."""
    return f"{amount:,}".replace(",", ".") + " đồng"


def fine_text(violation) -> str:
    """ "Phạt cảnh cáo hoặc phạt tiền từ 150.000 đồng đến 250.000 đồng" (individuals)."""
    if violation.fine_max == 0:
        return "Phạt cảnh cáo"
    fine = f"phạt tiền từ {money(violation.fine_min)} đến {money(violation.fine_max)}"
    return ("Phạt cảnh cáo hoặc " + fine) if violation.warning_allowed else fine[:1].upper() + fine[1:]


def organisation_fine_text(violation) -> str:
    low, high = violation.organisation_fine
    if high == 0 or violation.decree.organisation_multiplier == 1:
        return ""
    return f"Phạt tiền từ {money(low)} đến {money(high)}"


def legal_basis(violation) -> str:
    """ "điểm a khoản 3 Điều 6 Nghị định số 901/2026/NĐ-CP"."""
    from pbgdpl.legal.validity import document_label, eid_label

    return f"{eid_label(violation.eid)} {document_label(violation.decree.document)}"
