import unicodedata

from pbgdpl.search import analysis


def test_folding_removes_every_mark_and_maps_d_bar():
    assert analysis.fold("Đất đai, NGƯỜI lao động") == "Dat dai, NGUOI lao dong"


def test_nfd_input_is_analysed_like_nfc():
    nfd = unicodedata.normalize("NFD", "Quyền sử dụng đất")
    assert analysis.syllables(nfd) == ["quyền", "sử", "dụng", "đất"]


def test_tone_marks_are_put_in_the_traditional_place():
    assert analysis.normalize("hoà thuỷ khoẻ hoá qúa") == "hòa thủy khỏe hóa quá"
    # Already canonical, with a final consonant, or marked vowels: unchanged.
    assert analysis.normalize("hoàng tuyển người giữ gìn quyền") == "hoàng tuyển người giữ gìn quyền"


def test_old_and_new_style_spellings_index_the_same_terms():
    assert analysis.index_views("Cộng hoà, sức khoẻ") == analysis.index_views("Cộng hòa, sức khỏe")


def test_bigrams_do_not_cross_punctuation():
    _, folded, grams = analysis.index_views("Đất đai, nhà ở")
    assert folded == "dat dai nha o"
    assert grams.split() == ["dat_dai", "nha_o"]


def test_document_numbers_are_kept_whole_and_folded():
    found = analysis.doc_numbers("theo Nghị định 100/2019/NĐ-CP và Quyết định 571/QĐ-UBND, Luật 45/2019/QH14")
    assert found == ["100/2019/nd-cp", "571/qd-ubnd", "45/2019/qh14"]


def test_document_number_terms_include_the_bare_number():
    terms = analysis.doc_number_terms("100/2019/NĐ-CP")
    assert "100/2019/nd-cp" in terms and "100" in terms and "100/nd-cp" in terms
