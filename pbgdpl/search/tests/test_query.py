from pbgdpl.search.dictionary import Dictionary
from pbgdpl.search.lawnames import law_names_for
from pbgdpl.search.query import definition_candidates, definition_term, parse

LAWS = [law_names_for("Bộ luật Lao động 2019"), law_names_for("Bộ luật Dân sự 2015")]


def test_provision_reference_with_and_without_diacritics():
    for text in ("điều 35 bộ luật lao động", "dieu 35 bo luat lao dong", "Đ.35 BLLĐ"):
        pq = parse(text, Dictionary(), LAWS)
        assert pq.provision_ref["article"] == "35", text
        assert pq.law is not None and pq.law.group_title == "Bộ luật Lao động 2019", text


def test_clause_reference():
    pq = parse("khoản 2 điều 35 bộ luật lao động", Dictionary(), LAWS)
    assert pq.provision_ref["article"] == "35"
    pq = parse("điều 35 khoản 2 BLLĐ", Dictionary(), LAWS)
    assert pq.provision_ref == {"article": "35", "clause": "2", "point": None}


def test_document_number_is_recognised():
    pq = parse("nghị định 100/2019/NĐ-CP phạt nồng độ cồn", Dictionary(), [])
    assert pq.doc_number == "100/2019/nd-cp"
    assert "100" not in pq.tokens


def test_question_words_are_dropped_but_content_stays():
    pq = parse("Nghỉ thai sản được bao nhiêu tháng, đúng hay sai?", Dictionary(), [])
    assert pq.tokens == ["nghi", "thai", "san", "duoc", "thang"]
    pq = parse("nghi thai san duoc bao nhieu thang", Dictionary(), [])
    assert pq.tokens == ["nghi", "thai", "san", "duoc", "thang"]


def test_a_query_of_only_question_words_is_still_searched():
    assert parse("là gì", Dictionary(), []).tokens == ["la", "gi"]


def test_dictionary_abbreviations_and_synonyms():
    d = Dictionary.from_rows([
        ("abbreviation", "cty", "công ty"),
        ("abbreviation", "ko", "không"),
        ("synonym", "sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
        ("abbreviation", "ca", "công an"),
    ])
    pq = parse("cty ko trả lương", d, [], words={"tra", "luong"})
    assert pq.tokens == ["cong", "ty", "khong", "tra", "luong"]
    pq = parse("lam so do mat bao lau", d, [], words={"lam", "so", "do"})
    # A colloquial phrase is searched as its legal term (see test_colloquial.py).
    assert pq.tokens[:8] == ["lam", "giay", "chung", "nhan", "quyen", "su", "dung", "dat"]
    # An abbreviation that is also an ordinary word typed without marks is left alone…
    assert parse("ca nhan", d, [], words={"ca", "nhan"}).tokens == ["ca", "nhan"]
    # …unless written in capitals.
    assert parse("CA xã", d, [], words={"ca", "xa"}).tokens == ["cong", "an", "xa"]


def test_law_named_in_the_query_is_taken_out_of_the_content():
    pq = parse("Theo Bộ luật Dân sự năm 2015, năng lực hành vi là gì", Dictionary(), LAWS)
    assert pq.law.group_title == "Bộ luật Dân sự 2015"
    assert "dan" not in pq.tokens and "2015" not in pq.tokens


def test_definition_intent():
    assert definition_candidates("an ninh mang la gi".split())[0] == "an_ninh_mang"
    assert definition_candidates("dinh nghia cua nguoi lao dong".split())[0] == "nguoi_lao_dong"
    assert definition_candidates("nghi thai san may thang".split()) == []
    assert definition_term("1. Người lao động là người làm việc cho người sử dụng lao động") == "nguoi_lao_dong"


def test_a_leading_trong_or_thi_is_kept_when_typed_with_diacritics():
    """"Trọng" and "Thi" fold to the prepositions "trong" and "thì": they are the subject here."""
    assert parse("Trọng tài thương mại là gì", Dictionary(), []).defined_terms[0] == "trong_tai_thuong_mai"
    assert parse("Thi hành án là gì", Dictionary(), []).defined_terms[0] == "thi_hanh_an"
    assert parse("Trong luật này, người lao động là gì", Dictionary(), []).defined_terms[0] == "luat_nay_nguoi_lao_dong"
    assert "nguoi_lao_dong" in parse("Trong luật này, người lao động là gì", Dictionary(), []).defined_terms
    assert parse("thì trọng tài là gì", Dictionary(), []).defined_terms == ["trong_tai"]
    # Without diacritics the first word stays; the shorter tails cover the preposition reading.
    assert parse("trong tai thuong mai la gi", Dictionary(), []).defined_terms[0] == "trong_tai_thuong_mai"
    assert parse("thi hanh an la gi", Dictionary(), []).defined_terms[0] == "thi_hanh_an"
