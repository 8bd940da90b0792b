"""Violations follow the decree's text; an editor's correction survives a re-parse and is flagged when the text moves."""

from __future__ import annotations

import pytest

from pbgdpl.legal.services import save_document
from pbgdpl.lookups.admin_forms import ViolationAdminForm
from pbgdpl.lookups.models import Violation
from pbgdpl.lookups.penalties.services import sync_decree


def _edit(violation: Violation, **changes) -> Violation:
    from wagtail.admin.panels import get_edit_handler  # the admin's own form for the model

    form_class = get_edit_handler(Violation).get_form_class()
    assert issubclass(form_class, ViolationAdminForm)
    data = {name: getattr(violation, name) for name in form_class._meta.fields}
    data.update(changes)
    for key in ("additional_penalties", "remedial_measures"):
        if isinstance(data.get(key), list):
            import json

            data[key] = json.dumps(data[key], ensure_ascii=False)
    data = {key: ("" if value is None else value) for key, value in data.items()}
    if not data.get("needs_review"):
        data.pop("needs_review", None)
    if not data.get("warning_allowed"):
        data.pop("warning_allowed", None)
    form = form_class(data=data, instance=violation)
    assert form.is_valid(), form.errors
    return form.save()


@pytest.mark.django_db
def test_sample_decrees_become_violations_marked_as_samples(sample_decrees):
    traffic = sample_decrees["901/2026/NĐ-CP"]
    assert traffic.is_sample and traffic.violations.count() == 34
    assert sample_decrees["902/2026/NĐ-CP"].violations.count() == 12


@pytest.mark.django_db
def test_correction_survives_reparse_and_is_flagged_when_the_text_changes(sample_decrees):
    decree = sample_decrees["901/2026/NĐ-CP"]
    helmet = decree.violations.get(eid="dieu-6-khoan-1-diem-a")
    _edit(helmet, behaviour="Không đội mũ bảo hiểm khi đi xe máy (biên tập lại)")
    helmet.refresh_from_db()
    assert helmet.edited

    # Re-reading the same text keeps the correction and raises no flag.
    sync_decree(decree.document)
    helmet.refresh_from_db()
    assert helmet.behaviour.endswith("(biên tập lại)") and not helmet.needs_review

    # The decree is amended: the fine of that clause changes. Uncorrected rows follow the text,
    # the corrected one keeps the editor's words and asks for a review.
    document = decree.document
    new_text = document.current_version.text.replace(
        "1. Phạt tiền từ 400.000 đồng đến 600.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây:\na) Không đội",
        "1. Phạt tiền từ 600.000 đồng đến 800.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm sau đây:\na) Không đội",
    )
    assert new_text != document.current_version.text
    save_document(document, text=new_text)
    sync_decree(document)
    helmet.refresh_from_db()
    passenger = decree.violations.get(eid="dieu-6-khoan-1-diem-b")
    assert (passenger.fine_min, passenger.fine_max) == (600_000, 800_000)
    assert (helmet.fine_min, helmet.fine_max) == (400_000, 600_000)
    assert helmet.needs_review and "thay đổi" in helmet.review_note
    assert helmet.parsed["fine_min"] == 600_000


@pytest.mark.django_db
def test_admin_form_refuses_a_minimum_above_the_maximum(sample_decrees):
    violation = sample_decrees["902/2026/NĐ-CP"].violations.first()
    form_class = Violation.base_form_class
    from wagtail.admin.panels import get_edit_handler

    form_class = get_edit_handler(Violation).get_form_class()
    form = form_class(data={"behaviour": violation.behaviour, "fine_min": 5, "fine_max": 1,
                            "additional_penalties": "[]", "remedial_measures": "[]"}, instance=violation)
    assert not form.is_valid()
    assert form.errors["fine_max"] == ["Mức phạt tối đa phải lớn hơn hoặc bằng mức tối thiểu."]
    violation.refresh_from_db()
    assert not violation.edited


@pytest.mark.django_db
def test_a_document_that_is_not_a_penalty_decree_gets_no_violations(sample_decrees):
    document = sample_decrees["902/2026/NĐ-CP"].document
    document.title = "Quy định về quản lý nhà chung cư"
    assert sync_decree(document) is None
    assert not Violation.objects.filter(decree__document=document).exists()
