"""Checks and normalisation of the official identifiers: SIREN, SIRET and RNA id.

SIREN and SIRET use `python-stdnum`, which implements the Luhn check and La Poste's exception
(its establishments `356000000…` are valid when the sum of the 14 digits is a multiple of 5).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

RNA_PATTERN = re.compile(r"^W[0-9A-Z]{9}$")

INVALID_SIREN = _("“%(value)s” is not a valid SIREN: 9 digits that pass the Luhn check.")
INVALID_SIRET = _(
    "“%(value)s” is not a valid SIRET: 14 digits that pass the Luhn check "
    "(La Poste's establishments excepted)."
)
INVALID_RNA = _("“%(value)s” is not a valid RNA number: W followed by 9 digits or capitals.")


def compact(value: str) -> str:
    """Remove the spaces, dots and dashes people type in identifiers; upper-case letters."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def is_siren(value: str) -> bool:
    return bool(value) and stdnum_siren.is_valid(value) and len(compact(value)) == 9


def is_siret(value: str) -> bool:
    return bool(value) and stdnum_siret.is_valid(value) and len(compact(value)) == 14


def is_rna(value: str) -> bool:
    return bool(RNA_PATTERN.match(compact(value)))


def validate_siren(value: str) -> None:
    if not is_siren(value):
        raise ValidationError(INVALID_SIREN, code="invalid_siren", params={"value": value})


def validate_siret(value: str) -> None:
    if not is_siret(value):
        raise ValidationError(INVALID_SIRET, code="invalid_siret", params={"value": value})


def validate_rna(value: str) -> None:
    if not is_rna(value):
        raise ValidationError(INVALID_RNA, code="invalid_rna", params={"value": value})
