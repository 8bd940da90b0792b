"""How people type: chat shorthand, Telex leftovers, glued units and numbers (casual.py)."""

from pbgdpl.search import casual
from pbgdpl.search.dictionary import Dictionary
from pbgdpl.search.query import parse

# Folded syllables an index of laws would know.
VOCAB = {"dat", "nha", "tieng", "phai", "qua", "co", "tuoi", "lam", "quyen", "nguoi", "thanh", "nien", "chuc", "gi", "duoc", "khong"}


def typed(text, vocab=VOCAB, reserved=()):
    tokens = [(w, casual.analysis.fold_syllable(w), float(i)) for i, w in enumerate(text.split())]
    return " ".join(t[0] for t in casual.normalize_tokens(tokens, vocab, reserved))


def test_chat_shorthand_becomes_the_words_it_stands_for():
    assert typed("ko mún lm j") == "không muốn làm gì"
    assert typed("vk ck ntn") == "vợ chồng như thế nào"
    assert typed("hok bít") == "không biết"


def test_shorthand_that_is_also_a_word_is_left_alone():
    # "bt" is bồi thường or bình thường, "đk" điều kiện or đăng ký: not guessed.
    assert typed("bt đk") == "bt đk"
    # The editable dictionary's meaning of a form wins over the built-in table.
    assert typed("ng", reserved={"ng"}) == "ng"


def test_telex_leftovers_are_decoded_only_into_known_words():
    assert casual.telex_decode("ddaats") == "đất"
    assert casual.telex_decode("nhaf") == "nhà"
    assert casual.telex_decode("tieengs") == "tiếng"
    assert casual.telex_decode("nguwowif") == "người"
    assert typed("ddaats nhaf lamf") == "đất nhà làm"
    # A word the index already knows is never "decoded" ("co" stays "co").
    assert typed("co") == "co"
    # Unknown either way: left as typed.
    assert typed("xyzs") == "xyzs"


def test_chat_initials_f_w_are_respelled_when_the_result_is_a_word():
    assert typed("fai wa") == "phai qua"


def test_numbers_glued_to_units_and_lone_units_after_numbers():
    assert typed("con 17t") == "con 17 tuổi"
    assert typed("36th tuổi") == "36 tháng tuổi"
    assert typed("mười bảy t") == "mười bảy tuổi"
    # "t" alone elsewhere is not a unit.
    assert typed("t hỏi") == "t hỏi"


def test_number_words_and_digits_expand_to_each_other():
    assert casual.number_words(18) == "mười tám"
    assert casual.number_words(15) == "mười lăm"
    assert casual.number_words(21) == "hai mươi mốt"
    assert casual.number_words(24) == "hai mươi tư"
    assert casual.number_expansions(["18", "tuoi"]) == [["muoi", "tam", "tuoi"]]
    assert casual.number_expansions(["6", "thang"]) == [["sau", "thang"], ["06", "thang"]]
    assert casual.number_expansions(["muoi", "lam", "tuoi"]) == [["15", "tuoi"]]
    # "năm" alone before a unit is a year, not five.
    assert casual.number_expansions(["nam", "ngay"]) == []


def test_parse_reads_a_phone_typed_question():
    pq = parse("con mười bảy t có đc tự lập di chúc ko", Dictionary(), words=VOCAB)
    assert "tuoi" in pq.tokens and "t" not in pq.tokens
    assert ["17", "tuoi"] in pq.expansions
    # The trailing "không" of the question is not content.
    assert pq.tokens[-1] != "khong"


def test_a_stated_age_adds_the_laws_words_for_its_bracket():
    def brackets(text):
        return [" ".join(words) for words in casual.age_expansions(text.split())]

    assert brackets("con toi 17 tuoi mua xe") == ["chua thanh nien"]
    assert brackets("tre duoi 18 tuoi") == ["chua thanh nien"]
    assert brackets("con 10 tuoi lam vo kinh") == ["chua thanh nien", "duoi muoi lam tuoi"]
    assert brackets("be muoi bay tuoi") == ["chua thanh nien"]
    assert brackets("con 36 thang tuoi") == ["chua thanh nien", "duoi muoi lam tuoi", "chua du sau tuoi"]
    # An adult's age, or a question about an age, states no bracket to add.
    assert brackets("toi 30 tuoi") == []
    assert brackets("may tuoi thi duoc ket hon") == []
    assert brackets("du 18 tuoi") == []
    # Through the parser: "17t" is "17 tuổi".
    assert ["chua", "thanh", "nien"] in parse("con 17t mua xe tra gop", Dictionary()).expansions
