from cpsites.print import hyphenation


def test_az_dictionary_file_matches_rules():
    lines = hyphenation._DIC.read_text("utf-8").splitlines()
    assert lines[0] == "UTF-8" and lines[1:] == hyphenation.patterns()


def test_az_breaks_with_dotted_capital_i():
    import pyphen

    hyphenation.install()
    d = pyphen.Pyphen(lang="az")
    assert d.inserted("məktəb") == "mək-təb"
    assert d.inserted("şəhərində") == "şə-hə-rin-də"
    # str.lower() would turn İ into two characters and shift every break after it
    assert d.inserted("İSTİQAMƏTİNDƏ") == "İS-Tİ-QA-MƏ-TİN-DƏ"


def test_fonts_cover_azerbaijani_and_cyrillic():
    from cpsites.print.fonts import missing_characters

    assert missing_characters("əƏİığĞşŞçÇöÖüÜ АБВЁЖЩЪЫЭЮЯ абвёжщъыэюя №₼«»–—") == []
    assert missing_characters("漢") == ["漢"]
