"""The totals exports open where officials open them: LibreOffice (headless, printing to PDF) and
openpyxl show the accepted totals; the PDF download is the same table."""

import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pbgdpl.reporting.services.pdf import xlsx_to_pdf

from .conftest import GOOD, form_data


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True,
                          timeout=30).stdout.decode()


@pytest.fixture
def accepted(client, officers, province, period):
    """Both communes' returns accepted: PB01 = 10 + 7, PB02 = 1,250 + 1,250, HG03 = 10 + 10."""
    for key, extra in (("a", {"PB01": "10"}), ("b", {"PB01": "7"})):
        client.force_login(officers[key])
        client.post(reverse("reporting_admin:return", args=[period.pk, province[key].pk]),
                    form_data({**GOOD, **extra}, "submit"))
    client.force_login(officers["province"])
    for key in ("a", "b"):
        client.post(reverse("reporting_admin:return", args=[period.pk, province[key].pk]), {"action": "accept"})
    return client


def test_xlsx_opens_in_libreoffice_and_openpyxl_and_pdf_download_has_the_totals(accepted, period):
    xlsx = accepted.get(reverse("reporting_admin:export", args=[period.pk])).content
    summary = {row[1]: row[4] for row in load_workbook(io.BytesIO(xlsx))["Tổng hợp"].iter_rows(min_row=6,
                                                                                              values_only=True)}
    assert (summary["PB01"], summary["PB02"], summary["HG03"]) == (17, 2500, 20)
    printed = pdf_text(xlsx_to_pdf(xlsx))  # the whole workbook, as LibreOffice reads it
    assert "TỔNG HỢP SỐ LIỆU" in printed and "Xã An Bình" in printed
    response = accepted.get(reverse("reporting_admin:export_pdf", args=[period.pk]))
    assert response["Content-Type"] == "application/pdf"
    lines = {line.split()[1]: line for line in pdf_text(response.content).splitlines()
             if len(line.split()) > 2 and line.split()[0].isdigit()}
    assert " 17 " in lines["PB01"] + " " and " 2500 " in lines["PB02"] + " " and " 20 " in lines["HG03"] + " "


def test_pdf_without_libreoffice_says_so_and_offers_the_excel(accepted, period, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    response = accepted.get(reverse("reporting_admin:export_pdf", args=[period.pk]), follow=True)
    assert "Chưa tạo được tệp PDF" in response.content.decode()
