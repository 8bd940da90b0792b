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


def test_the_shape_preference_reaches_the_passages_not_only_the_title(tmp_path):
    """Most of an article's score comes from its best clause; the preference for articles titled
    as the kind of provision asked for must multiply that share too (schema field ``title_k``)."""
    import pytest

    from pbgdpl.search.index import IndexHandle
    from pbgdpl.search.indexer import build_temporary
    from pbgdpl.search.querybuild import STEER_BOOST, build_query
    from pbgdpl.search.registry import SearchEntry
    from pbgdpl.search.retrieval import retrieve
    from pbgdpl.search.understanding import understand

    entry = SearchEntry(key="law#dieu-11", kind="provision", title="Điều 11. Quyền của khách tham quan",
                        body="1. Khách tham quan được hướng dẫn tận tình.\n2. Khách tham quan được bồi thường thiệt hại.",
                        url="/law/#dieu-11", group_key="law", group_title="Luật Văn hóa", group_url="/law/")
    build_temporary(tmp_path / "ix", [entry])
    handle = IndexHandle.open(tmp_path / "ix")
    searcher = handle.searcher()
    pq = understand("khách tham quan có những quyền gì", handle, searcher, Dictionary())
    assert pq.steer == ["quyền"]
    steered = retrieve(searcher, build_query(pq, handle.schema, searcher).rank, 10)[0]
    pq.steer = []
    plain = retrieve(searcher, build_query(pq, handle.schema, searcher).rank, 10)[0]
    assert steered.passage == pytest.approx(plain.passage * STEER_BOOST, rel=1e-4)
    assert steered.whole == pytest.approx(plain.whole * STEER_BOOST, rel=1e-4)


def test_an_index_written_before_title_k_still_answers_a_shaped_question():
    """Web processes may read an index of schema 8 until the worker rebuilds it: the preference
    falls back to the title views instead of failing the search."""
    import tantivy

    from pbgdpl.search.querybuild import _steer_query

    builder = tantivy.SchemaBuilder()
    for name in ("title_f", "title_b"):
        builder.add_text_field(name, tokenizer_name="whitespace")
    old_schema = builder.build()
    pq = parse("khách du lịch có những quyền gì", Dictionary())
    assert _steer_query(pq, old_schema) is not None
