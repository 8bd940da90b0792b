"""Certificate of award (Giấy chứng nhận) for a winner, as a one-page A4 landscape PDF (fpdf2)."""

from __future__ import annotations

from pathlib import Path

import fontpkg_be_vietnam_pro
from django.utils import timezone
from fpdf import FPDF

from .models import Attempt

FONTS = Path(fontpkg_be_vietnam_pro.__file__).parent / "files"


def certificate_pdf(attempt: Attempt) -> bytes:
    from pbgdpl.core.models import PortalSettings

    portal = PortalSettings.objects.first()
    department = portal.department_name if portal else "Sở Tư pháp"
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("BVP", "", str(FONTS / "BeVietnamPro-Regular.ttf"))
    pdf.add_font("BVP", "B", str(FONTS / "BeVietnamPro-Bold.ttf"))
    pdf.add_page()
    pdf.set_draw_color(10, 58, 130)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 277, 190)
    pdf.set_font("BVP", "B", 14)
    pdf.set_y(22)
    pdf.cell(0, 8, department.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("BVP", "B", 30)
    pdf.set_text_color(164, 22, 26)
    pdf.ln(12)
    pdf.cell(0, 14, "GIẤY CHỨNG NHẬN", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("BVP", "", 15)
    pdf.ln(6)
    pdf.cell(0, 9, "Chứng nhận Ông/Bà", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("BVP", "B", 24)
    pdf.cell(0, 14, attempt.contestant.full_name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("BVP", "", 14)
    unit = attempt.contestant.unit.name if attempt.contestant.unit_id else attempt.contestant.commune
    if unit:
        pdf.cell(0, 8, unit, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("BVP", "B", 18)
    pdf.cell(0, 10, f"Đạt {attempt.get_prize_display()}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("BVP", "", 14)
    pdf.multi_cell(0, 8, f"{attempt.round.display_title} – {attempt.round.contest.title}", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    today = timezone.localdate()
    pdf.set_x(170)
    pdf.cell(100, 8, f"Ngày {today.day:02d} tháng {today.month:02d} năm {today.year}", align="C")
    return bytes(pdf.output())
