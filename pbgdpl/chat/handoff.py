"""Off hours: the citizen leaves the conversation as a question in the Q&A queue (with consent),
through the Q&A app's own service, and gets its private tracking link. Also the transcript by e-mail."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.utils import timezone

from pbgdpl.core.numbers import normalize_vietnamese_phone

from .models import Conversation, Message, Sender
from .services import ChatError, post_message

QA_TEXT_MIN, QA_TEXT_MAX = 30, 3000


def _clean_email(value: str) -> str:
    value = (value or "").strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise ChatError("Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@gmail.com.") from None
    return value


def _question_text(conversation: Conversation) -> str:
    texts = conversation.messages.filter(sender=Sender.CONTACT).order_by("seq").values_list("text", flat=True)
    return "\n".join(texts).strip()


def handoff_to_qa(conversation: Conversation, *, name: str, email: str = "", phone: str = "",
                  consent: bool) -> tuple[str, str]:
    """Create the Q&A question; returns (tracking code, private link). Raises ChatError on bad input."""
    from pbgdpl.qa import services as qa_services

    if not consent:
        raise ChatError("Bạn cần đồng ý để chúng tôi chuyển câu hỏi vào mục Hỏi đáp và trả lời bạn.")
    name = " ".join((name or "").split())
    if not 2 <= len(name) <= 100:
        raise ChatError("Vui lòng nhập họ và tên (2–100 ký tự).")
    email = _clean_email(email)
    phone = (phone or "").strip()
    if phone:
        phone = normalize_vietnamese_phone(phone) or ""
        if not phone:
            raise ChatError("Số điện thoại không hợp lệ: nhập số di động 10 chữ số, ví dụ 0912345678.")
    text = _question_text(conversation)
    if len(text) < QA_TEXT_MIN:
        raise ChatError(f"Câu hỏi cần ít nhất {QA_TEXT_MIN} ký tự để cán bộ hiểu sự việc: hãy viết thêm.")
    if len(text) > QA_TEXT_MAX:
        raise ChatError("Câu hỏi quá dài (tối đa 3.000 ký tự): hãy gửi qua mục Hỏi đáp.")
    submission = qa_services.submit_question(
        {"text": text, "name": name, "email": email, "phone": phone},
        submission_key=f"chat-{conversation.pk}-{conversation.last_seq}",
    )
    code = submission.question.tracking_code
    link = qa_services.private_url(submission.token) if submission.token else ""
    conversation.qa_tracking_code = code
    conversation.save(update_fields=["qa_tracking_code"])
    post_message(conversation, sender=Sender.SYSTEM, client_id=f"handoff-{code}",
                 text=f"Câu hỏi đã được chuyển vào mục Hỏi đáp pháp luật với mã tra cứu {code}.")
    return code, link


def send_transcript(conversation: Conversation, email: str) -> None:
    """E-mail the conversation (without internal notes) to the address the citizen gave."""
    email = _clean_email(email)
    if not email:
        raise ChatError("Vui lòng nhập địa chỉ thư điện tử để nhận nội dung cuộc trò chuyện.")
    contact = conversation.contact
    contact.email = email
    contact.save(update_fields=["email"])
    conversation.transcript_requested_at = timezone.now()
    conversation.save(update_fields=["transcript_requested_at"])
    lines = []
    for message in Message.objects.filter(conversation=conversation).exclude(sender=Sender.NOTE).order_by("seq"):
        who = {"contact": "Bạn", "staff": "Cán bộ", "system": "Hệ thống"}.get(message.sender, "")
        lines.append(f"[{timezone.localtime(message.created_at):%H:%M %d/%m/%Y}] {who}: {message.text}")
        lines += [f"    {link['title']}: {link['url']}" for link in message.links or []]
    send_mail("Nội dung cuộc trò chuyện với Sở Tư pháp", "\n".join(lines), None, [email])
    post_message(conversation, sender=Sender.SYSTEM, text="Đã gửi nội dung cuộc trò chuyện tới thư điện tử của bạn.")
