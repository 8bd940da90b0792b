"""Staff screens in the Wagtail admin: the queue, one question's processing page, the monthly report."""

from __future__ import annotations

import datetime
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pbgdpl.core import people
from pbgdpl.core.numbers import parse_ascii_int
from pbgdpl.core.text import fold_diacritics
from pbgdpl.legal.models import Field, LegalDocument, Provision, ProvisionKind
from pbgdpl.outreach import services as outreach

from . import routing, selectors, services
from .models import OPEN_STATUSES, AnswerTemplate, Question, RejectReason, Status

WAITING_CHOICES = [("", _("Mọi thời gian chờ")), ("3", _("Chờ trên 3 ngày")), ("7", _("Chờ trên 7 ngày")),
                   ("15", _("Chờ trên 15 ngày")), ("30", _("Chờ trên 30 ngày"))]


def can_process(user) -> bool:
    return user.has_perm("qa.answer_question") or user.has_perm("qa.approve_question")


class StaffMixin(WagtailAdminTemplateMixin):
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not can_process(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("qa_admin:queue"), "label": _("Hỏi đáp pháp luật")}]
        if self.page_title != _("Hỏi đáp pháp luật"):
            items.append({"url": "", "label": self.page_title})
        return items


def answerers():
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__codename="answer_question")
                | Q(user_permissions__codename="answer_question"))
        .distinct()
        .order_by(*people.SORT_BY_GIVEN_NAME)
    )


class QueueView(StaffMixin, TemplateView):
    template_name = "qa/admin/queue.html"
    page_title = _("Hỏi đáp pháp luật")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        qs = Question.objects.select_related("field", "assignee")
        status = params.get("status", "open")
        if status == "open":
            qs = qs.filter(status__in=OPEN_STATUSES)
        elif status in Status.values:
            qs = qs.filter(status=status)
        field = params.get("field", "")
        if (field_id := parse_ascii_int(field)) is not None:
            qs = qs.filter(field_id=field_id)
        elif field == "none":
            qs = qs.filter(field__isnull=True)
        assignee = params.get("assignee", "")
        if (assignee_id := parse_ascii_int(assignee)) is not None:
            qs = qs.filter(assignee_id=assignee_id)
        elif assignee == "me":
            qs = qs.filter(assignee=self.request.user)
        elif assignee == "none":
            qs = qs.filter(assignee__isnull=True)
        waiting = params.get("waiting", "")
        if (days := parse_ascii_int(waiting, maximum=36500)) is not None:
            qs = qs.filter(received_at__lt=timezone.now() - datetime.timedelta(days=days))
        q = params.get("q", "").strip()
        if q:
            qs = qs.filter(Q(tracking_code__iexact=q) | Q(text__icontains=q) | Q(title__icontains=q))
        # Oldest open questions first: they are the ones at risk.
        qs = qs.order_by("received_at") if status == "open" else qs.order_by("-received_at")
        page = Paginator(qs, 50).get_page(parse_ascii_int(params.get("page"), minimum=1) or 1)
        query = params.copy()
        query.pop("page", None)
        cutoff = selectors.overdue_cutoff()
        rows = [(question, question.status in OPEN_STATUSES and question.received_at < cutoff) for question in page]
        context.update(
            {
                "rows": rows,
                "page_obj": page,
                "query_string": query.urlencode(),
                "status": status,
                "status_choices": [("open", _("Đang xử lý")), ("", _("Tất cả"))] + list(Status.choices),
                "fields": Field.objects.active(),
                "field": field,
                "answerers": answerers(),
                "assignee": assignee,
                "waiting": waiting,
                "waiting_choices": WAITING_CHOICES,
                "q": q,
                "overdue_days": settings.QA_OVERDUE_DAYS,
                "counts": selectors.queue_counts(),
            }
        )
        return context


class QuestionView(StaffMixin, TemplateView):
    """Everything about one question and the actions its status and the user's role allow."""

    template_name = "qa/admin/question.html"

    @property
    def page_title(self):
        return self.question.tracking_code

    def dispatch(self, request, *args, **kwargs):
        self.question = get_object_or_404(Question.objects.select_related("field", "assignee"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.question
        user = self.request.user
        answer = getattr(question, "answer", None)
        suggested_field = suggested_user = None
        if question.status in (Status.NEW, Status.SCREENED, Status.ASSIGNED):
            name = routing.suggest_field(question.text)
            suggested_field = Field.objects.filter(name=name).first() if name else None
            suggested_user = routing.suggest_answerer(name)
        citations = list(answer.citations.select_related("document")) if answer else []
        # A rejected form shows the editor's own rows again, not the stored ones.
        if self.request.method == "POST":
            citations = self._posted_citation_rows()
        context.update(
            {
                "question": question,
                "answer": answer,
                "citations": citations,
                "citation_rows": citations + [None] * max(1, 3 - len(citations)),
                "posted": self.request.POST if self.request.method == "POST" else None,
                "events": question.events.select_related("actor"),
                "overdue": selectors.is_overdue(question),
                "can_answer": user.has_perm("qa.answer_question"),
                "can_approve": user.has_perm("qa.approve_question"),
                "can_export": user.has_perm("qa.export_personal_data"),
                "reject_reasons": RejectReason.choices,
                "fields": Field.objects.active(),
                "answerers": answerers(),
                "suggested_field": suggested_field,
                "suggested_user": suggested_user,
                "templates": AnswerTemplate.objects.all(),
                "Status": {s.name: s.value for s in Status},
                "similar": _similar(question),
                "redacted_text": services.redact(question.text, name=question.name),
                "social_posts": list(outreach.posts_for(question._meta.label, question.pk).values()),
            }
        )
        return context

    def _posted_citation_rows(self):
        """The citation rows as typed, for redisplay: objects with the attributes the template reads."""
        from types import SimpleNamespace

        post = self.request.POST
        rows = []
        for doc_id, eid, query in zip(post.getlist("cite_doc"), post.getlist("cite_eid"),
                                      post.getlist("cite_doc_query"), strict=False):
            if doc_id or query:
                document = LegalDocument.objects.filter(pk=parse_ascii_int(doc_id) or 0).first()
                rows.append(SimpleNamespace(document_id=document.pk if document else None, document=document,
                                            eid=eid, label=eid, query=query))
        return rows

    def post(self, request, *args, **kwargs):
        question = self.question
        action = request.POST.get("action", "")
        post = request.POST
        try:
            if action == "accept":
                services.screen(question, request.user, accept=True, note=post.get("note", ""))
            elif action == "reject":
                duplicate = None
                if post.get("duplicate_code"):
                    duplicate = Question.objects.filter(tracking_code__iexact=post["duplicate_code"].strip()).first()
                    if duplicate is None:
                        raise services.WorkflowError("Không tìm thấy câu hỏi có mã tra cứu này.")
                if duplicate is not None:
                    # Naming the earlier question is a merge, whatever reason was left selected.
                    services.merge_duplicate(question, duplicate, request.user, note=post.get("note", "").strip())
                else:
                    services.screen(question, request.user, accept=False, reason=post.get("reason", ""),
                                    note=post.get("note", ""))
            elif action == "assign":
                assignee = answerers().filter(pk=post.get("assignee") or 0).first()
                field = Field.objects.filter(pk=post.get("field") or 0).first()
                services.assign(question, request.user, assignee, field=field, note=post.get("note", ""))
            elif action == "answer":
                services.save_answer(
                    question, request.user, text=post.get("text", ""), citations=_citations(post),
                    title=post.get("title", ""), public_text=post.get("public_text", ""),
                )
            elif action == "approve":
                services.approve(question, request.user, note=post.get("note", ""))
            elif action == "return":
                services.return_for_revision(question, request.user, note=post.get("note", ""))
            elif action == "publish":
                with transaction.atomic():
                    services.publish(question, request.user)
                    if question.status == Status.PUBLISHED:
                        outreach.share(question._meta.label, question.pk, title=question.display_title,
                                       summary=question.answer.text[:500], path=question.get_absolute_url(),
                                       facebook=bool(post.get("share_facebook")), zalo=bool(post.get("share_zalo")))
            elif action == "unpublish":
                services.unpublish(question, request.user, note=post.get("note", ""))
            else:
                raise services.WorkflowError("Thao tác không hợp lệ.")
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
            return self.get(request, *args, **kwargs)
        messages.success(request, _("Đã cập nhật câu hỏi %(code)s.") % {"code": question.tracking_code})
        return HttpResponseRedirect(reverse("qa_admin:question", args=[question.pk]))


def _citations(post) -> list[tuple[int, str, str]]:
    """Pairs of (document, provision eid) chosen in the citation rows; the label is the provision's heading.

    Without JavaScript the editor types the document's number in the search box and no document
    id comes with it: the number is looked up (exactly, ignoring case).
    """
    result = []
    queries = post.getlist("cite_doc_query")
    for index, (doc_id, eid) in enumerate(zip(post.getlist("cite_doc"), post.getlist("cite_eid"), strict=False)):
        query = queries[index].strip() if index < len(queries) else ""
        document_pk = parse_ascii_int(doc_id)
        if document_pk is None and query:
            document = LegalDocument.objects.published().filter(number__iexact=query).first()
            if document is None:
                raise services.WorkflowError(
                    f"Không tìm thấy văn bản “{query}”: gõ vài chữ của tên hoặc số hiệu rồi chọn trong danh sách gợi ý.")
            document_pk = document.pk
        if document_pk is None:
            continue
        document = LegalDocument.objects.filter(pk=document_pk).first()
        if document is None:
            continue
        label = ""
        if eid:
            provision = Provision.objects.filter(version_id=document.current_version_id, eid=eid).first()
            if provision is None:
                raise services.WorkflowError("Điều khoản được chọn không còn trong văn bản, hãy chọn lại.")
            label = provision.reference
        result.append((document.pk, eid, label))
    return result


def _similar(question: Question) -> list[Question]:
    """Published answers the search finds close to this question (for duplicates and reuse)."""
    from pbgdpl.search import engine

    page = engine.search(question.text[:300], kinds=["question"], grouped=False, with_facets=False, per_page=5)
    pks = [int(h.key.split(":", 1)[1]) for h in page.hits if h.key.startswith("question:")] if not page.error else []
    found = {q.pk: q for q in Question.objects.filter(pk__in=pks).exclude(pk=question.pk)}
    return [found[pk] for pk in pks if pk in found]


DOCUMENT_OPTIONS_LIMIT = 15


class DocumentOptionsView(View):
    """Citation chooser: published documents whose number or title holds every typed word.

    Typing without diacritics finds "Luật Đất đai" ("luat dat dai"); numbers match as written.
    """

    def get(self, request):
        if not can_process(request.user):
            raise PermissionDenied
        words = fold_diacritics(request.GET.get("q", "")).casefold().split()[:8]
        if not words:
            return JsonResponse({"options": []})
        found = []
        for pk, number, title in LegalDocument.objects.published().order_by("-issued_on", "-pk").values_list(
                "pk", "number", "title"):
            haystack = fold_diacritics(f"{number} {title}").casefold()
            if all(word in haystack for word in words):
                starts = fold_diacritics(number).casefold().startswith(words[0])
                found.append((not starts, pk, number, title))
        found.sort(key=lambda row: row[0])  # numbers typed from their start first, newest first otherwise
        options = [{"id": pk, "label": f"{number} — {title}"[:160] if number else title[:160]}
                   for _rank, pk, number, title in found[:DOCUMENT_OPTIONS_LIMIT]]
        return JsonResponse({"options": options, "more": len(found) > DOCUMENT_OPTIONS_LIMIT},
                            json_dumps_params={"ensure_ascii": False})


class ProvisionOptionsView(View):
    """Citation chooser: the articles (and their clauses) of one document, as JSON options."""

    def get(self, request):
        if not can_process(request.user):
            raise PermissionDenied
        document = LegalDocument.objects.filter(pk=parse_ascii_int(request.GET.get("document")) or 0).first()
        if document is None or not document.current_version_id:
            return JsonResponse({"options": []})
        nodes = Provision.objects.filter(
            version_id=document.current_version_id, kind__in=[ProvisionKind.ARTICLE, ProvisionKind.CLAUSE]
        ).select_related("parent").order_by("order")
        # A clause is listed as "Khoản 1 Điều 2": under several articles, "Khoản 1" alone repeats.
        options = [{"eid": n.eid, "label": (n.heading if n.kind == ProvisionKind.ARTICLE else n.reference)[:120]}
                   for n in nodes]
        return JsonResponse({"options": options}, json_dumps_params={"ensure_ascii": False})


class ReportView(StaffMixin, TemplateView):
    template_name = "qa/admin/report.html"
    page_title = _("Báo cáo hỏi đáp theo tháng")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = selectors.monthly_report(12)
        return context


class AttachmentView(View):
    """The asker's attached file, for staff only (it is not reachable under MEDIA_URL)."""

    def get(self, request, pk: int):
        if not can_process(request.user):
            raise PermissionDenied
        question = get_object_or_404(Question, pk=pk)
        if not question.attachment:
            raise Http404
        return FileResponse(question.attachment.open("rb"), as_attachment=True,
                            filename=f"{question.tracking_code}.{question.attachment.name.rsplit('.', 1)[-1]}")


class ExportPersonView(View):
    """JSON of everything stored about the asker of one question (by their email and phone)."""

    def get(self, request, pk: int):
        if not request.user.has_perm("qa.export_personal_data"):
            raise PermissionDenied
        question = get_object_or_404(Question, pk=pk)
        if not question.email and not question.phone:
            messages.warning(request, _("Câu hỏi này không còn thông tin cá nhân để xuất."))
            return HttpResponseRedirect(reverse("qa_admin:question", args=[pk]))
        data = services.export_person(email=question.email, phone=question.phone)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-{question.tracking_code}.json"'
        return response
