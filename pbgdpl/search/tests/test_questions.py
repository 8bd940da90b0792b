"""Question shapes steer to the kind of provision that answers them (questions.py)."""

from pbgdpl.search import questions
from pbgdpl.search.dictionary import Dictionary
from pbgdpl.search.query import parse


def steer(text):
    return questions.steering(parse(text, Dictionary()).folded)


def test_shapes_with_and_without_diacritics():
    assert steer("Khởi kiện quyết định hành chính trong bao lâu?")[:2] == ["thời hạn", "thời hiệu"]
    assert steer("khoi kien quyet dinh hanh chinh trong bao lau")[:2] == ["thời hạn", "thời hiệu"]
    assert "điều kiện" in steer("Nam mấy tuổi thì được kết hôn?")
    assert "thẩm quyền" in steer("nop don ly hon o dau")
    assert "trách nhiệm" in steer("con làm vỡ kính nhà hàng xóm thì ai phải đền")
    assert "thủ tục" in steer("thủ tục đăng ký tạm trú thế nào")
    assert "quyền" in steer("khách du lịch có những quyền gì")
    assert "nghiêm cấm" in steer("đăng tin bịa đặt có bị cấm không")
    assert "mức" in steer("lãi suất tối đa là bao nhiêu phần trăm")


def test_a_plain_statement_has_no_shape():
    assert steer("quyền sử dụng đất của hộ gia đình") == []


def test_trailing_particles_are_not_content():
    assert parse("ông bà cho đất có đòi lại được không", Dictionary()).tokens[-2:] == ["doi", "lai"]
    # "vay" typed without marks is the verb (borrow), not the particle "vậy".
    assert parse("lai suat cho vay", Dictionary(), words={"lai", "suat", "cho", "vay"}).tokens[-1] == "vay"
    assert parse("sao lại như vậy", Dictionary()).tokens[-1] != "vay"
