"""The staff inbox in the admin: queues, replying, notes, assignment, closing, the report, permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from pbgdpl.chat import services
from pbgdpl.chat.models import CannedAnswer, Conversation, Message, Sender, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(always_open):
    conversation, _token = services.start_web_conversation("browser-1")
    services.post_message(conversation, sender=Sender.CONTACT, text="Tôi muốn hỏi về đăng ký khai sinh", client_id="c1")
    return Conversation.objects.get(pk=conversation.pk)


def test_agent_answers_from_the_unassigned_queue_and_the_conversation_moves_to_mine(client, agent, conversation):
    client.force_login(agent)
    inbox = client.get("/quan-tri/hoi-truc-tuyen/")
    assert inbox.status_code == 200
    assert "Tôi muốn hỏi về đăng ký khai sinh" in inbox.content.decode()
    url = f"/quan-tri/hoi-truc-tuyen/{conversation.pk}/"
    client.post(url, {"action": "note", "text": "Kiểm tra hồ sơ cũ", "client_id": "n1"})
    client.post(url, {"action": "reply", "text": "Chào bạn, bạn cần giấy chứng sinh.", "client_id": "r1"})
    client.post(url, {"action": "reply", "text": "Chào bạn, bạn cần giấy chứng sinh.", "client_id": "r1"})  # resubmit
    staff_messages = Message.objects.filter(conversation=conversation, sender=Sender.STAFF)
    assert [m.text for m in staff_messages] == ["Chào bạn, bạn cần giấy chứng sinh."]
    conversation.refresh_from_db()
    assert conversation.assignee == agent and conversation.first_response_at is not None
    mine = client.get("/quan-tri/hoi-truc-tuyen/?queue=mine").content.decode()
    assert f"#{conversation.pk}" in mine
    unassigned = client.get("/quan-tri/hoi-truc-tuyen/?queue=unassigned").content.decode()
    assert f"#{conversation.pk}<" not in unassigned
    page = client.get(url).content.decode()
    assert "Kiểm tra hồ sơ cũ" in page and "Ghi chú nội bộ" in page
    # The citizen's replay never includes the note.
    assert all(m.sender != Sender.NOTE for m in services.messages_after(conversation, 0))


def test_transfer_close_and_canned_answer_with_provision_link(client, agent, conversation, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://pbgdpl.example.gov.vn"
    other = get_user_model().objects.create_user("truc2", password="x" * 12, first_name="Minh")
    other.user_permissions.add(Permission.objects.get(codename="answer_conversation"))
    CannedAnswer.objects.create(title="Khai sinh", shortcut="khai-sinh", text="Hồ sơ gồm giấy chứng sinh.",
                                provision_url="/van-ban/luat-ho-tich-2014/#dieu-16")
    client.force_login(agent)
    url = f"/quan-tri/hoi-truc-tuyen/{conversation.pk}/"
    client.post(url, {"action": "reply", "canned": CannedAnswer.objects.get().pk, "text": ""})
    reply = Message.objects.get(sender=Sender.STAFF)
    assert reply.text == "Hồ sơ gồm giấy chứng sinh.\nhttps://pbgdpl.example.gov.vn/van-ban/luat-ho-tich-2014/#dieu-16"
    client.post(url, {"action": "assign", "assignee": other.pk})
    conversation.refresh_from_db()
    assert conversation.assignee == other
    assert Message.objects.filter(sender=Sender.NOTE, text="Chuyển cho Minh.").exists()
    client.post(url, {"action": "status", "status": "closed"})
    conversation.refresh_from_db()
    assert conversation.status == Status.CLOSED and conversation.closed_at
    assert f"#{conversation.pk}" in client.get("/quan-tri/hoi-truc-tuyen/?queue=closed").content.decode()


def test_monthly_report_counts_conversations_and_first_response(client, agent, conversation):
    from django.contrib.auth.models import Group

    board = Group.objects.create(name="board-test")
    board.permissions.add(Permission.objects.get(codename="manage_chat"))
    agent.groups.add(board)
    services.post_message(conversation, sender=Sender.STAFF, text="Trả lời", author=agent)
    client.force_login(agent)
    page = client.get("/quan-tri/hoi-truc-tuyen/bao-cao/").content.decode()
    assert "Số cuộc trò chuyện" in page
    from pbgdpl.chat import report

    stats = report.monthly(report.parse_month(""))
    assert (stats["total"], stats["answered"]) == (1, 1)


def test_staff_without_the_role_cannot_open_the_inbox(client, conversation):
    user = get_user_model().objects.create_user("bientap", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/quan-tri/hoi-truc-tuyen/").status_code in (302, 403)
    assert client.get(f"/quan-tri/hoi-truc-tuyen/{conversation.pk}/").status_code in (302, 403)


def test_the_conversation_page_links_addresses_escapes_the_rest_and_offers_to_take_only_when_useful(
        client, agent, conversation):
    services.post_message(conversation, sender=Sender.CONTACT, client_id="c2",
                          text='Xem /van-ban/luat-ho-tich-2014/#dieu-13. và https://dichvucong.gov.vn/p?a=1&b=2 <b onclick="x">đậm</b>')
    client.force_login(agent)
    url = f"/quan-tri/hoi-truc-tuyen/{conversation.pk}/"
    page = client.get(url).content.decode()
    assert '<a href="/van-ban/luat-ho-tich-2014/#dieu-13">/van-ban/luat-ho-tich-2014/#dieu-13</a>. và' in page
    assert ('<a href="https://dichvucong.gov.vn/p?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">'
            in page)
    assert "&lt;b onclick=&quot;x&quot;&gt;đậm&lt;/b&gt;" in page and '<b onclick="x">' not in page
    assert "Nhận xử lý" in page  # unassigned
    client.post(url, {"action": "reply", "text": "Chào bạn.", "client_id": "r1"})  # a reply assigns it
    assert "Nhận xử lý" not in client.get(url).content.decode()


def test_the_block_list_is_in_vietnamese_and_blocks_are_only_made_from_a_conversation(admin_client):
    from pbgdpl.chat.models import BlockedClient

    BlockedClient.objects.create(client_key="a" * 64, reason="quấy rối")
    listing = admin_client.get("/quan-tri/snippets/chat/blockedclient/").content.decode()
    assert "Người bị chặn" in listing or "người bị chặn" in listing
    assert "Blocked client" not in listing and "Client key" not in listing and "Created at" not in listing
    assert "/quan-tri/snippets/chat/blockedclient/add/" not in listing  # a hash nobody can type
    assert admin_client.get("/quan-tri/snippets/chat/blockedclient/add/").status_code in (302, 403)
