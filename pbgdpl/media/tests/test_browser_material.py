"""A phone (360×740) opens an outreach material from the list and downloads it."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from pbgdpl.media.models import Material
from pbgdpl.media.processing import process_material
from pbgdpl.media.services import run_processing


@pytest.mark.browser
def test_open_a_material_and_download_it_on_a_phone(transactional_db, live_server, phone, screenshot_dir, tiny_pdf):
    material = Material(title="Tờ gấp: Luật Đất đai năm 2024", kind="to-gap", year=2025, issuer="Sở Tư pháp",
                        live=True)
    material.file.save("to-gap.pdf", ContentFile(tiny_pdf), save=False)
    material.save()
    assert run_processing(Material, material.pk, process_material) == "done"
    page = phone
    page.goto(live_server.url + "/tai-lieu-tuyen-truyen/?q=dat+dai")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("link", name=material.title).first.click()
    page.wait_for_url(f"**{material.get_absolute_url()}")
    assert page.evaluate("document.querySelector('.md-preview img').naturalWidth > 0")  # the preview loaded
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(screenshot_dir / "media-material-360.png"), full_page=True)
    with page.expect_download() as event:
        page.get_by_role("link", name="Tải về").click()
    download = event.value
    assert download.suggested_filename.endswith(".pdf")
    assert open(download.path(), "rb").read() == tiny_pdf
