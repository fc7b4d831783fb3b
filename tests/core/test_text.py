import pytest

from alliances.core.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("L'Abergement-Clémenciat", "l abergement clemenciat"),
        ("Saint-Étienne", "saint etienne"),
        ("  ÎLE   d’Yeu ", "ile d yeu"),
        ("Œuvre", "oeuvre"),
        ("Cœuvres-et-Valsery", "coeuvres et valsery"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded
