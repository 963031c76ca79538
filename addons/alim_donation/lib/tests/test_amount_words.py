import pytest
from alim_donation_lib.amount_words import euros_in_words, integer_words
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    "amount, words",
    [
        (0, "zéro euro"),
        (0.0, "zéro euro"),
        (1, "un euro"),
        (1.99, "un euro et quatre-vingt-dix-neuf centimes"),
        (2, "deux euros"),
        (0.01, "un centime"),
        (0.5, "cinquante centimes"),
        (35.5, "trente-cinq euros et cinquante centimes"),
        (21, "vingt et un euros"),
        (71, "soixante et onze euros"),
        (80, "quatre-vingts euros"),
        (81, "quatre-vingt-un euros"),
        (91, "quatre-vingt-onze euros"),
        (99.8, "quatre-vingt-dix-neuf euros et quatre-vingts centimes"),
        (100, "cent euros"),
        (200, "deux cents euros"),
        (201, "deux cent un euros"),
        (280, "deux cent quatre-vingts euros"),
        (1000, "mille euros"),
        (1001.01, "mille un euros et un centime"),
        (2000, "deux mille euros"),
        (80000, "quatre-vingt mille euros"),
        (200000, "deux cent mille euros"),
        (1234.56, "mille deux cent trente-quatre euros et cinquante-six centimes"),
        (1_000_000, "un million d'euros"),
        (2_000_000, "deux millions d'euros"),
        (200_000_000, "deux cents millions d'euros"),
        (280_000_000, "deux cent quatre-vingts millions d'euros"),
        (1_200_000, "un million deux cent mille euros"),
        (1_000_000_000, "un milliard d'euros"),
        (2_000_080, "deux millions quatre-vingts euros"),
    ],
)
def test_euros_in_words(amount, words):
    assert euros_in_words(amount) == words


def test_negative_refused():
    with pytest.raises(ValueError):
        integer_words(-1)


@given(st.integers(min_value=0, max_value=10**12))
def test_words_are_french_and_mille_never_plural(n):
    words = integer_words(n)
    assert "milles" not in words
    assert "  " not in words and words == words.strip()
    assert "zéro" not in words or n == 0
    # an s on cent/vingt only at the end of the number or before millions/milliards
    for index, word in enumerate(words.split()):
        if word in ("cents", "quatre-vingts") or word.endswith("-vingts"):
            following = words.split()[index + 1 :]
            assert not following or following[0].startswith("milli")


@given(st.integers(min_value=0, max_value=10**9 - 1), st.integers(min_value=0, max_value=99))
def test_plural_from_two(euros, cents):
    words = euros_in_words(euros + cents / 100)
    if euros >= 2:
        assert "euros" in words
    elif euros or not cents:
        assert words.split(" et ")[0].endswith(" euro")
    if cents >= 2:
        assert words.endswith(" centimes")
    elif cents == 1:
        assert words.endswith(" centime")
