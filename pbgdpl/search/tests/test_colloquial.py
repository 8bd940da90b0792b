"""Citizen wording: colloquial phrases, question phrases before fillers, the "mấy" suggestion."""

import datetime

import pytest

from pbgdpl.search import engine
from pbgdpl.search.dictionary import Dictionary
from pbgdpl.search.index import IndexHandle
from pbgdpl.search.indexer import build_temporary
from pbgdpl.search.query import parse
from pbgdpl.search.registry import SearchEntry

from .engine_fixtures import law_entries

DICT = Dictionary.from_rows([
    ("synonym", "ly dị", "ly hôn"),
    ("synonym", "nghỉ đẻ", "nghỉ thai sản|chế độ thai sản"),
    ("synonym", "cần giấy tờ gì", "hồ sơ|thành phần hồ sơ"),
    ("synonym", "nhận bố con", "nhận cha con"),
    ("synonym", "nhận cha con", "xác định cha mẹ con"),
    ("filler", "gì", ""),
    ("filler", "vậy", ""),
])


def family_entries() -> list[SearchEntry]:
    fam = dict(group_key="legal:9", group_title="Luật Hôn nhân và gia đình 2014", group_url="/van-ban/hngd/",
               doc_number="52/2014/QH13", date=datetime.date(2014, 6, 19), facets={"doc_type": ["Luật"]})
    civil = dict(group_key="legal:8", group_title="Bộ luật Dân sự 2015", group_url="/van-ban/blds/",
                 doc_number="91/2015/QH13", date=datetime.date(2015, 11, 24), facets={"doc_type": ["Bộ luật"]})
    return [
        SearchEntry(key="legal:9#dieu-51", kind="legal", title="Điều 51. Quyền yêu cầu giải quyết ly hôn",
                    body="1. Vợ, chồng hoặc cả hai người có quyền yêu cầu Tòa án giải quyết ly hôn.",
                    url="/van-ban/hngd/#dieu-51", **fam),
        SearchEntry(key="legal:8#dieu-612", kind="legal", title="Điều 612. Di sản",
                    body="Di sản bao gồm tài sản riêng của người chết. Người thừa kế cần có giấy tờ chứng minh quyền thừa kế di sản.",
                    url="/van-ban/blds/#dieu-612", **civil),
        SearchEntry(key="legal:8#dieu-613", kind="legal", title="Điều 613. Người thừa kế",
                    body="Người thừa kế là cá nhân phải là người còn sống vào thời điểm mở thừa kế; di sản, di chúc, di tặng.",
                    url="/van-ban/blds/#dieu-613", **civil),
    ]


@pytest.fixture(scope="module")
def handle(tmp_path_factory):
    path = tmp_path_factory.mktemp("index") / "ix"
    build_temporary(path, law_entries() + family_entries())
    return IndexHandle.open(path)


def first_key(page):
    return page.groups[0].hits[0].key if page.groups else None


def test_colloquial_phrase_is_searched_as_its_legal_term(handle):
    for q in ("ly dị cần giấy tờ gì", "ly di can giay to gi", "ly di"):
        page = engine.search(q, handle=handle, dictionary=DICT)
        # The divorce article, not the inheritance articles that "di" (di sản) would match.
        assert first_key(page) == "legal:9#dieu-51", q
    pq = parse("ly di", DICT, [], words={"ly", "di", "hon"})
    assert pq.tokens == ["ly", "hon"]
    assert pq.colloquial == [("ly di", "ly hôn")]


def test_colloquial_phrase_counts_like_the_legal_term(handle):
    colloquial = engine.search("nghi de", handle=handle, dictionary=DICT, grouped=False)
    legal = engine.search("nghi thai san", handle=handle, dictionary=DICT, grouped=False)
    assert colloquial.hits[0].key == legal.hits[0].key == "legal:1#dieu-139"
    assert colloquial.hits[0].score == pytest.approx(legal.hits[0].score, rel=0.35)
    # Other legal terms of the entry are still searched, as expansions.
    assert ["che", "do", "thai", "san"] in parse("nghỉ đẻ", DICT, []).expansions


def test_a_term_that_is_also_legal_wording_is_not_replaced():
    pq = parse("nhận cha con", DICT, [])
    assert pq.tokens == ["nhan", "cha", "con"]


def test_question_phrase_is_matched_before_fillers_are_removed():
    for q in ("cần giấy tờ gì để đăng ký", "can giay to gi de dang ky"):
        pq = parse(q, DICT, [], words={"can", "giay", "to", "gi", "de", "dang", "ky"})
        assert ["ho", "so"] in pq.expansions, q
        # A question phrase says what kind of answer is wanted: its words stay (minus "gì").
        assert pq.tokens[:3] == ["can", "giay", "to"], q
    # Without the phrase, "gì" alone is still just a question word.
    assert "gi" not in parse("thủ tục gì", DICT, []).tokens


def test_unaccented_word_that_spells_a_filler_is_not_a_question_word_in_a_phrase():
    d = Dictionary.from_rows([("synonym", "vay nặng lãi", "cho vay lãi nặng"), ("filler", "vậy", "")])
    pq = parse("vay nang lai", d, [], words={"vay", "nang", "lai"})
    assert pq.tokens == ["cho", "vay", "lai", "nang"]


def test_suggestion_prefers_the_question_word_may(handle):
    page = engine.search("nghi thai san duoc may thang", handle=handle, dictionary=DICT)
    assert page.suggestion == "nghỉ thai sản được mấy tháng"
    assert engine.search("nghi de duoc may thang", handle=handle, dictionary=DICT).suggestion == "nghỉ đẻ được mấy tháng"


def test_citizen_seed_file_is_well_formed_and_seeded(db):
    from pbgdpl.search.dictionary import CITIZEN_SEED_FILE, SEED_FILE, parse_tsv
    from pbgdpl.search.models import DictionaryEntry

    rows = parse_tsv(CITIZEN_SEED_FILE)
    lines = [x for x in CITIZEN_SEED_FILE.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    assert rows and len(rows) == len(lines)  # nothing skipped
    first_seed = {(k, t) for k, t, _ in parse_tsv(SEED_FILE)}
    for kind, term, expansions in rows:
        assert (kind, term) not in first_seed, term  # a later file never repeats the first seed
        assert DictionaryEntry.objects.filter(kind=kind, term=term, expansions=expansions).exists(), term
