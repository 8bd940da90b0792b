"""The daily validity refresh (task, command, periodic job) and the demo loader."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pbgdpl.core.periodic import periodic_jobs
from pbgdpl.legal.models import LegalDocument, Validity
from pbgdpl.search.models import OutboxEntry

from .factories import at

D = datetime.date


def test_daily_task_updates_statuses_that_dates_changed_and_queues_them(make_document):
    from pbgdpl.legal.tasks import refresh_validity

    with at("2025-12-01"):
        law = make_document(issued_on=D(2025, 6, 1), effective_from=D(2026, 1, 1))
        steady = make_document(issued_on=D(2015, 6, 1), effective_from=D(2016, 1, 1))
    assert law.validity == Validity.NOT_YET
    OutboxEntry.objects.all().delete()
    with at("2026-01-01"):
        result = refresh_validity.enqueue()
    assert result.return_value == 1
    law.refresh_from_db()
    assert law.validity == Validity.IN_FORCE and law.validity_checked_on == D(2026, 1, 1)
    assert list(OutboxEntry.objects.values_list("object_pk", flat=True)) == [str(law.pk)]
    assert steady.pk not in {int(pk) for pk in OutboxEntry.objects.values_list("object_pk", flat=True)}


def test_refresh_is_a_registered_daily_job():
    import pbgdpl.legal.tasks  # noqa: F401  (run_worker imports every app's tasks module)

    job = next(job for job in periodic_jobs() if job.name == "legal-refresh-validity")
    assert job.every == 24 * 3600


def test_refresh_command_accepts_a_date_and_refuses_a_bad_one(make_document):
    with at("2026-11-27"):
        make_document(issued_on=D(2026, 11, 1), effective_from=D(2027, 1, 1))
    out = StringIO()
    call_command("refresh_validity", "--date", "2027-02-01", stdout=out)
    assert "Đã cập nhật tình trạng hiệu lực của 1 văn bản." in out.getvalue()
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("refresh_validity", "--date", "01/02/2026")


@pytest.mark.django_db
def test_demo_loader_imports_laws_and_provincial_documents_once():
    from pbgdpl.legal.demo import load_demo_documents

    with at("2026-11-27"):
        summary = load_demo_documents(StringIO())
        assert "bị từ chối 0" in summary
        civil = LegalDocument.objects.get(number="91/2015/QH13")
        assert civil.current_version.provisions.articles().count() == 689
        assert LegalDocument.objects.get(number="10/2012/QH13").validity == Validity.EXPIRED
        assert LegalDocument.objects.get(number="12/2024/QĐ-UBND").validity == Validity.EXPIRED
        assert LegalDocument.objects.get(number="08/2025/NQ-HĐND").validity == Validity.PARTLY_EXPIRED
        assert LegalDocument.objects.get(number="30/2026/QĐ-UBND").validity == Validity.NOT_YET
        assert LegalDocument.objects.open_for_comment().count() == 1
        # The attached Quy chế restarts its numbering without clashing with the decision's articles.
        decision = LegalDocument.objects.get(number="21/2026/QĐ-UBND").current_version.provisions
        assert decision.filter(eid="dieu-3").exists() and decision.filter(eid="quy-che-dieu-3").exists()
        again = load_demo_documents(StringIO())
    # The laws are checked again (unchanged); the provincial samples are not re-imported.
    assert again.startswith("Thêm mới 0, cập nhật 0, không đổi 22")
    assert LegalDocument.objects.count() == 30


@pytest.mark.django_db
def test_demo_samples_installed_later_keep_their_place_in_the_date_lists():
    """A demo installed months later still has a decision about to take effect and a draft open."""
    from pbgdpl.legal.demo import load_demo_documents

    with at("2027-03-27"):  # 120 days after the samples were written
        load_demo_documents(StringIO())
        soon = LegalDocument.objects.get(number="30/2026/QĐ-UBND")
        assert soon.effective_from == D(2026, 12, 5) + datetime.timedelta(days=120)
        assert soon.validity == Validity.NOT_YET
        assert LegalDocument.objects.open_for_comment().count() == 1
        assert LegalDocument.objects.get(number="91/2015/QH13").effective_from == D(2017, 1, 1)
