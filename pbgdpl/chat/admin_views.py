"""The staff inbox in the Wagtail admin: queues, one conversation, the monthly report.

Everything works with plain forms; static/chat/inbox.js adds live messages, typing and sending
over the staff WebSocket.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pbgdpl.core import people
from pbgdpl.core.site_address import site_base

from . import report, services, staff
from .models import CannedAnswer, Channel, Conversation, Sender, Status

QUEUES = [("unassigned", _("Chưa phân công")), ("mine", _("Của tôi")), ("waiting", _("Chờ người hỏi")),
          ("closed", _("Đã đóng")), ("all", _("Tất cả đang mở"))]


def queue_filter(queue: str, user) -> Q:
    return {
        "unassigned": Q(status=Status.OPEN, assignee__isnull=True),
        "mine": Q(assignee=user) & ~Q(status=Status.CLOSED),
        "waiting": Q(status=Status.WAITING),
        "closed": Q(status=Status.CLOSED),
    }.get(queue, ~Q(status=Status.CLOSED))


def agents():
    User = get_user_model()
    return (User.objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__permissions__codename="answer_conversation")
                    | Q(user_permissions__codename="answer_conversation"))
            .distinct().order_by(*people.SORT_BY_GIVEN_NAME))


class InboxMixin(WagtailAdminTemplateMixin):
    header_icon = "mail"
    manage_only = False

    def dispatch(self, request, *args, **kwargs):
        allowed = staff.may_manage(request.user) if self.manage_only else staff.may_answer(request.user)
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("chat_admin:inbox"), "label": _("Hỏi trực tuyến")}]
        if self.page_title != _("Hỏi trực tuyến"):
            items.append({"url": "", "label": self.page_title})
        return items


class InboxView(InboxMixin, TemplateView):
    template_name = "chat/admin/inbox.html"
    page_title = _("Hỏi trực tuyến")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        queue = self.request.GET.get("queue") or "unassigned"
        if queue not in dict(QUEUES):
            queue = "unassigned"
        base = Conversation.objects.select_related("contact", "assignee")
        counts = base.aggregate(**{key: Count("pk", filter=queue_filter(key, user)) for key, _ in QUEUES})
        rows = base.filter(queue_filter(queue, user)).order_by("-last_message_at")
        page = Paginator(rows, 50).get_page(self.request.GET.get("p"))
        last = {m.conversation_id: m for m in _last_messages([c.pk for c in page])}
        context.update(queue=queue, queues=[(k, label, counts[k]) for k, label in QUEUES], page=page,
                       rows=[(c, last.get(c.pk)) for c in page], can_manage=staff.may_manage(user))
        return context


def _last_messages(ids: list[int]):
    from django.db.models import Max

    from .models import Message

    latest = (Message.objects.filter(conversation_id__in=ids).exclude(sender=Sender.NOTE)
              .values("conversation_id").annotate(top=Max("seq")))
    query = Q()
    for row in latest:
        query |= Q(conversation_id=row["conversation_id"], seq=row["top"])
    return Message.objects.filter(query) if query else []


class ConversationView(InboxMixin, TemplateView):
    template_name = "chat/admin/conversation.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.conversation = get_object_or_404(Conversation.objects.select_related("contact", "assignee"),
                                              pk=kwargs["pk"])

    @property
    def page_title(self):
        return f"{_('Cuộc trò chuyện')} #{self.conversation.pk}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        conversation = self.conversation
        context.update(
            conversation=conversation,
            chat_messages=conversation.messages.select_related("author", "delivery").order_by("seq"),
            history=conversation.contact.conversations.exclude(pk=conversation.pk).order_by("-created_at")[:20],
            canned=[(c, c.full_text(site_base())) for c in CannedAnswer.objects.all()],
            agents=agents(),
            statuses=Status.choices,
            client_id=uuid.uuid4().hex,
            base_url=site_base(),
            platform=conversation.channel != Channel.WEB,
            can_manage=staff.may_manage(self.request.user),
        )
        return context

    def post(self, request, *args, **kwargs):
        conversation = self.conversation
        action = request.POST.get("action")
        here = reverse("chat_admin:conversation", args=[conversation.pk])
        if action in {"reply", "note"}:
            text = request.POST.get("text", "").strip()
            canned = CannedAnswer.objects.filter(pk=request.POST.get("canned") or None).first()
            if canned and not text:
                text = canned.full_text(site_base())
            if not text:
                flash.error(request, _("Vui lòng nhập nội dung trả lời."))
                return HttpResponseRedirect(here)
            if len(text) > settings.CHAT_MESSAGE_MAX_CHARS * 2:
                flash.error(request, _("Nội dung quá dài."))
                return HttpResponseRedirect(here)
            services.post_message(conversation, sender=Sender.STAFF if action == "reply" else Sender.NOTE,
                                  text=text, author=request.user,
                                  client_id=request.POST.get("client_id", "")[:64])
        elif action == "assign":
            assignee = agents().filter(pk=request.POST.get("assignee") or None).first()
            if assignee is None:
                flash.error(request, _("Chọn cán bộ để giao."))
            else:
                services.assign(conversation, assignee, actor=request.user)
        elif action == "take":
            services.assign(conversation, request.user, actor=request.user)
        elif action == "status" and request.POST.get("status") in Status.values:
            services.set_status(conversation, request.POST["status"], actor=request.user)
        elif action == "block":
            services.block_contact(conversation.contact, reason=request.POST.get("reason", ""))
            flash.success(request, _("Đã chặn người liên hệ này."))
        elif action == "delete" and staff.may_manage(request.user):
            services.delete_conversation(conversation)
            flash.success(request, _("Đã xóa cuộc trò chuyện và mọi tin nhắn."))
            return HttpResponseRedirect(reverse("chat_admin:inbox"))
        return HttpResponseRedirect(here)


class ReportView(InboxMixin, TemplateView):
    template_name = "chat/admin/report.html"
    page_title = _("Báo cáo hỏi trực tuyến")
    manage_only = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = report.parse_month(self.request.GET.get("thang", ""))
        context.update(month=month, stats=report.monthly(month),
                       previous=(month.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m"))
        return context
