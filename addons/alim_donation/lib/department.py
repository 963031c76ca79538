"""The French département of a postcode, kept as a pure function (the habilitation report's
SQL view computes the same in SQL)."""


def department_of(zip_code):
    """Two digits; three for the overseas départements (97x); 2A/2B for Corsica
    (20000-20190 / 20200-20620); '' for anything that is not a French postcode."""
    code = (zip_code or "").strip().replace(" ", "")
    if len(code) != 5 or not code.isascii() or not code.isdigit():
        return ""
    if code.startswith("97"):
        return code[:3]
    if code.startswith("20"):
        return "2A" if int(code) < 20200 else "2B"
    return code[:2]
