import pytest

from pbgdpl.search import engine
from pbgdpl.search.dictionary import Dictionary
from pbgdpl.search.index import IndexHandle
from pbgdpl.search.indexer import build_temporary

from .engine_fixtures import law_entries

DICT = Dictionary.from_rows([
    ("abbreviation", "cty", "công ty"),
    ("abbreviation", "bllđ", "bộ luật lao động"),
    ("synonym", "sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
    ("synonym", "bị đuổi việc", "đơn phương chấm dứt hợp đồng lao động"),
])


@pytest.fixture(scope="module")
def handle(tmp_path_factory):
    path = tmp_path_factory.mktemp("index") / "ix"
    build_temporary(path, law_entries())
    return IndexHandle.open(path)


def search(handle, q, **kw):
    return engine.search(q, handle=handle, dictionary=DICT, **kw)


def first_key(page):
    return page.groups[0].hits[0].key if page.groups else None


def test_finds_the_article_with_and_without_diacritics(handle):
    assert first_key(search(handle, "nghỉ thai sản được mấy tháng")) == "legal:1#dieu-139"
    assert first_key(search(handle, "nghi thai san duoc may thang")) == "legal:1#dieu-139"


def test_results_are_grouped_by_document(handle):
    page = search(handle, "người lao động")
    flat = search(handle, "người lao động", grouped=False, per_page=100)
    # Groups are runs of one document's consecutive articles in the ranking: the page reads
    # in the ranking's order, and no two neighbouring groups are the same document.
    shown = [h.key for h in page.displayed_hits()]
    assert shown == [h.key for h in flat.hits][: len(shown)]
    keys = [g.key for g in page.groups]
    assert all(a != b for a, b in zip(keys, keys[1:], strict=False))
    labour = next(g for g in page.groups if g.key == "legal:1")
    assert labour.title == "Bộ luật Lao động 2019" and 1 <= len(labour.hits) <= 3
    assert labour.doc_number == "45/2019/QH14"


def test_snippet_marks_accented_words_for_an_unaccented_query(handle):
    page = search(handle, "nghi thai san")
    snippet = page.groups[0].hits[0].snippet_html
    assert "<mark>nghỉ</mark>" in snippet and "<mark>thai</mark>" in snippet


def test_snippet_is_escaped(tmp_path):
    from pbgdpl.search.registry import SearchEntry

    build_temporary(tmp_path / "ix", [SearchEntry(key="x", kind="news", title="Tin", body="<script>alert(1)</script> hội nghị", url="/x/")])
    page = engine.search("hoi nghi", handle=IndexHandle.open(tmp_path / "ix"), dictionary=DICT)
    assert "<script>" not in page.groups[0].hits[0].snippet_html


def test_typo_is_tolerated(handle):
    # "thia" is not a word of the index; it is corrected to "thai".
    page = search(handle, "nghi thia san")
    assert first_key(page) == "legal:1#dieu-139"


def test_dictionary_synonym_finds_legal_wording(handle):
    assert first_key(search(handle, "làm sổ đỏ")) == "legal:3#dieu-100"
    assert first_key(search(handle, "bi duoi viec")) == "legal:1#dieu-35"


def test_provision_reference_is_a_direct_hit(handle):
    for q in ("điều 35 bộ luật lao động", "dieu 35 bo luat lao dong", "đ.35 BLLĐ"):
        page = search(handle, q)
        assert page.direct_hit is not None, q
        assert page.direct_hit.url == "/van-ban/bo-luat-lao-dong/#dieu-35", q
        assert first_key(page) == "legal:1#dieu-35", q


def test_document_number_is_a_direct_hit(handle):
    page = search(handle, "100/2019/nđ-cp")
    assert page.direct_hit.url == "/van-ban/nd-100/"
    assert page.groups[0].key == "legal:2"


def test_named_law_is_preferred(handle):
    page = search(handle, "người lao động bộ luật lao động")
    assert page.groups[0].key == "legal:1"


def test_definition_question_finds_the_defining_clause(handle):
    page = search(handle, "người sử dụng lao động là gì", grouped=False)
    assert page.hits[0].key == "legal:1#dieu-3"


def test_suggestion_restores_diacritics_from_the_index(handle):
    page = search(handle, "nghi thai san")
    assert page.suggestion == "nghỉ thai sản"
    assert search(handle, "nghỉ thai sản").suggestion is None
    # Context decides between spellings of one folded syllable; dictionary phrases keep theirs.
    assert search(handle, "nguoi lao dong").suggestion == "người lao động"
    assert "đuổi việc" in search(handle, "bi duoi viec").suggestion


def test_facet_counts_agree_with_filtered_totals(handle):
    page = search(handle, "lao động")
    assert page.total == len({g.key for g in search(handle, "lao động", per_page=100).groups})
    kinds = {v.value: v.count for v in page.facets["kind"]}
    assert sum(kinds.values()) == page.total
    for facet in ("kind", "doc_type", "validity"):
        for value in page.facets.get(facet, []):
            filtered = search(handle, "lao động", filters={facet: [value.value]}, per_page=100)
            assert filtered.total == value.count == len({g.key for g in filtered.groups}), (facet, value)
    # A facet ignores its own selection but applies the others.
    page = search(handle, "lao động", filters={"kind": ["news"]})
    assert {v.value for v in page.facets["kind"]} >= {"news", "legal"}
    assert all(v.count <= 1 for v in page.facets.get("doc_type", []))


def test_sort_by_date_and_pagination(handle):
    page = search(handle, "lao động", sort="newest", per_page=1)
    assert page.groups[0].key == "news:7"
    second = search(handle, "lao động", sort="newest", per_page=1, page=2)
    assert second.groups[0].key != page.groups[0].key


def test_ungrouped_hits_for_evaluation(handle):
    page = search(handle, "người lao động", grouped=False, per_page=100)
    keys = [h.key for h in page.hits]
    assert len(keys) == len(set(keys)) >= 3


def test_bad_input_never_raises(handle):
    for q in ("", "   ", "???", "a" * 5000, "điều", "\x00\u0301", "100/"):
        page = search(handle, q)
        assert page.error is None


def test_suggest_completes_titles_and_numbers(handle):
    titles = [s.title for s in engine.suggest("bo luat lao", handle=handle)]
    assert titles == ["Bộ luật Lao động 2019"]
    assert engine.suggest("100/2019", handle=handle)[0].url == "/van-ban/nd-100/"
    assert engine.suggest("luật đất", handle=handle)[0].doc_number == "45/2013/QH13"


def test_definition_question_keeps_a_subject_that_folds_like_a_preposition(tmp_path):
    """"Trọng tài thương mại là gì" once lost "trọng" (folded "trong") and landed on the clause
    defining "thương mại"."""
    from pbgdpl.search.registry import SearchEntry

    def article(n: int, law: str, text: str) -> SearchEntry:
        return SearchEntry(key=f"{law}#dieu-{n}", kind="provision", title=f"Điều {n}. Giải thích từ ngữ", body=text,
                           url=f"/van-ban/{law}/#dieu-{n}", group_key=law, group_title=law, group_url=f"/van-ban/{law}/")

    build_temporary(tmp_path / "ix", [
        article(3, "Luật Trọng tài thương mại 2010",
                "1. Trọng tài thương mại là phương thức giải quyết tranh chấp do các bên thỏa thuận.\n"
                "2. Thỏa thuận trọng tài là thỏa thuận giữa các bên."),
        article(3, "Luật Kinh doanh 2020", "1. Thương mại là hoạt động nhằm mục đích sinh lợi của thương nhân."),
    ])
    own = IndexHandle.open(tmp_path / "ix")
    for q in ("Trọng tài thương mại là gì", "trong tai thuong mai la gi"):
        assert first_key(search(own, q)) == "Luật Trọng tài thương mại 2010#dieu-3", q


def test_a_documents_later_article_does_not_jump_over_another_documents_best():
    from pbgdpl.search.presentation import _runs
    from pbgdpl.search.retrieval import EntryScore

    def entry(gid, score):
        return EntryScore(gid=gid, first_position=0, whole=score)

    a1, b1, a2, a3, c1 = entry(1, 9), entry(2, 8), entry(1, 7), entry(1, 6), entry(3, 5)
    # A1 B1 A2 A3 C1: the Civil Code's second article stays below the other law's best one.
    assert _runs([a1, b1, a2, a3, c1], scored=True) == [[a1], [b1], [a2, a3], [c1]]
    # In date order a document is one group.
    assert _runs([a1, b1, a2, a3, c1], scored=False) == [[a1, a2, a3], [b1], [c1]]


def test_answer_card_shows_the_provision_with_the_qa_that_answers_too(tmp_path):
    from pbgdpl.search.registry import SearchEntry

    family = dict(group_key="legal:9", group_title="Luật Hôn nhân và gia đình 2014", group_url="/van-ban/hngd/",
                  facets={"validity": ["Còn hiệu lực"]})
    entries = [
        SearchEntry(key="provision:81", kind="provision", title="Điều 81. Việc trông nom, chăm sóc, nuôi dưỡng con sau khi ly hôn",
                    body="3. Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi, trừ trường hợp người mẹ không đủ điều kiện.",
                    url="/van-ban/hngd/#dieu-81", **family),
        SearchEntry(key="provision:8", kind="provision", title="Điều 8. Điều kiện kết hôn",
                    body="1. Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên.", url="/van-ban/hngd/#dieu-8", **family),
        SearchEntry(key="question:5", kind="question", title="Ly hôn thì con nhỏ ở với ai?",
                    body="Con dưới 36 tháng tuổi được giao cho mẹ nuôi sau khi ly hôn.", url="/hoi-dap/5/",
                    group_key="question:5", group_title="Ly hôn thì con nhỏ ở với ai?", group_url="/hoi-dap/5/"),
    ]
    build_temporary(tmp_path / "ix", entries)
    page = engine.search("con dưới 36 tháng tuổi sau khi ly hôn giao cho ai nuôi", handle=IndexHandle.open(tmp_path / "ix"), dictionary=DICT)
    assert page.answer is not None and page.answer.key == "provision:81"
    assert page.answer.validity == "Còn hiệu lực" and "<mark>" in page.answer.snippet_html
    assert [qa.key for qa in page.answer_questions] == ["question:5"]
    assert page.displayed_hits()[0].key == "provision:81"


def test_a_recognised_phrase_is_marked_not_its_scattered_syllables():
    from pbgdpl.search.snippets import highlight

    text = "Vì lý do sức khỏe, người lớn hơn 60 tuổi được ưu tiên. Vợ, chồng có quyền yêu cầu ly hôn."
    html = highlight(text, {"ly", "hon", "ly_hon"})
    assert "<mark>ly</mark> <mark>hôn</mark>" in html
    assert "<mark>lý</mark>" not in html and "<mark>hơn</mark>" not in html
    # A syllable that is in no phrase of the query is marked wherever it stands.
    assert "<mark>tuổi</mark>" in highlight(text, {"tuoi", "ly", "hon", "ly_hon"})


def test_a_published_qa_competes_with_provisions_through_its_answering_paragraph(tmp_path):
    from pbgdpl.search.registry import SearchEntry

    family = dict(group_key="legal:9", group_title="Luật Hôn nhân và gia đình 2014", group_url="/van-ban/hngd/")
    filler = "\n".join(f"Đoạn {i}: Sở Tư pháp cảm ơn bạn đã gửi câu hỏi tới chuyên mục, chúng tôi xin trả lời như sau." for i in range(12))
    entries = [
        SearchEntry(key="provision:51", kind="provision", title="Điều 51. Quyền yêu cầu giải quyết ly hôn",
                    body="1. Vợ, chồng có quyền yêu cầu Tòa án giải quyết ly hôn.\n"
                         "3. Chồng không có quyền yêu cầu ly hôn khi vợ đang có thai.",
                    url="/van-ban/hngd/#dieu-51", **family),
        SearchEntry(key="provision:56", kind="provision", title="Điều 56. Ly hôn theo yêu cầu của một bên",
                    body="1. Khi vợ hoặc chồng yêu cầu ly hôn mà hòa giải tại Tòa án không thành thì Tòa án giải quyết cho ly hôn.",
                    url="/van-ban/hngd/#dieu-56", **family),
        SearchEntry(key="question:7", kind="question", title="Vợ đang mang thai, chồng có được ly hôn không?",
                    body=f"Tôi muốn hỏi về ly hôn.\n{filler}\nChồng không có quyền yêu cầu ly hôn khi vợ đang mang thai, sinh con hoặc nuôi con dưới 12 tháng tuổi.",
                    url="/hoi-dap/7/", group_key="question:7", group_title="Vợ đang mang thai, chồng có được ly hôn không?", group_url="/hoi-dap/7/"),
    ]
    build_temporary(tmp_path / "ix", entries)
    page = engine.search("vợ mang thai chồng có được ly hôn không", handle=IndexHandle.open(tmp_path / "ix"),
                         dictionary=DICT, grouped=False)
    keys = [h.key for h in page.hits]
    assert keys.index("question:7") < keys.index("provision:56")
    # The snippet is the paragraph that answers, not the courtesy text.
    qa = page.hits[keys.index("question:7")]
    assert "dưới 12 tháng" in qa.snippet_html
