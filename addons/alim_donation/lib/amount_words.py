"""A sum of euros in French words, as a donation receipt writes it ("trente-cinq euros et
cinquante centimes"), in the traditional spelling:

- hyphens only between tens and units below a hundred, "et" with one (and eleven) after the
  tens up to seventy: "vingt et un", "soixante et onze", but "quatre-vingt-un";
- "vingt" and "cent" take an s when multiplied and ending the number, or followed only by
  "millions"/"milliards" (nouns, not numerals): "quatre-vingts", "deux cents", "deux cents
  millions", but "quatre-vingt-dix", "deux cent un", "deux cent mille";
- "mille" never takes an s; "million" and "milliard" are nouns: "deux millions", and a
  noun after them takes "de": "un million d'euros";
- the noun is plural from two on: "zéro euro", "un euro", "deux euros", "un centime".
"""

UNITS = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
).split()
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_hundred(n, last):
    """1..99; ``last``: nothing but a noun follows (so "quatre-vingts" takes its s)."""
    if n < 20:
        return UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix..., quatre-vingt-dix...
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = 10 + unit
        joint = " et " if tens == 7 and unit == 1 else "-"
        return f"{base}{joint}{UNITS[rest]}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 and last else "quatre-vingt" + (f"-{UNITS[unit]}" if unit else "")
    if unit == 0:
        return TENS[tens]
    joint = " et " if unit == 1 else "-"
    return f"{TENS[tens]}{joint}{UNITS[unit]}"


def _below_thousand(n, last):
    """1..999; ``last`` as above."""
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        if hundreds == 1:
            words.append("cent")
        else:
            words.append(f"{UNITS[hundreds]} cent" + ("s" if not rest and last else ""))
    if rest:
        words.append(_below_hundred(rest, last))
    return " ".join(words)


def integer_words(n):
    """A whole number of 0 or more in French words."""
    if n < 0:
        raise ValueError("a sum of money in words is not negative")
    if n == 0:
        return UNITS[0]
    words = []
    for value, name in ((10**9, "milliard"), (10**6, "million")):
        count, n = divmod(n, value)
        if count:
            # "cents"/"quatre-vingts" keep their s before the noun "millions"
            words.append(f"{integer_words_noun(count)} {name}{'s' if count > 1 else ''}")
    thousands, n = divmod(n, 1000)
    if thousands:
        words.append("mille" if thousands == 1 else f"{_below_thousand(thousands, False)} mille")
    if n:
        words.append(_below_thousand(n, True))
    return " ".join(words)


def integer_words_noun(n):
    """A count before a noun (millions, milliards): "deux cents", "quatre-vingts"."""
    if n >= 1000:
        return integer_words(n)
    return _below_thousand(n, True)


def _with_noun(n, singular, plural):
    words = integer_words(n)
    noun = singular if n < 2 else plural
    if n and n % 10**6 == 0:  # ends on "million(s)" or "milliard(s)": "un million d'euros"
        article = "d'" if noun[0] in "aeéiouy" else "de "
        return f"{words} {article}{noun}"
    return f"{words} {noun}"


def euros_in_words(amount):
    """A sum in euros, rounded to the cent, in French words: "zéro euro", "un euro",
    "deux euros", "quatre-vingts euros", "trente-cinq euros et cinquante centimes",
    "cinquante centimes", "un million d'euros"."""
    cents_total = round(abs(amount) * 100)
    euros, cents = divmod(cents_total, 100)
    if not cents:
        return _with_noun(euros, "euro", "euros")
    cents_words = _with_noun(cents, "centime", "centimes")
    if not euros:
        return cents_words
    return f"{_with_noun(euros, 'euro', 'euros')} et {cents_words}"
