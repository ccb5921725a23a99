from bot.text import stem, tokens, words


def test_numbers_and_ranges_are_searchable():
    assert tokens("The daily dosage is 400-420mg per day.") == ["daili", "dosag", "400", "420", "mg", "per", "day"]


def test_unicode_is_normalised_and_case_folded():
    assert words("ＭＡＧＮＥＳＩＵＭ Ｍｇ") == ["magnesium", "mg"]


def test_stop_words_are_removed_and_words_stemmed():
    assert tokens("What are the headaches of the nerves?") == [stem("headaches"), stem("nerves")]
    assert stem("headaches") == stem("headache")


def test_apostrophes_split_contractions():
    assert tokens("Can't sleep, doesn't help") == [stem("sleep"), "help"]
