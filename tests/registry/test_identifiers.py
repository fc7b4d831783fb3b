import pytest
from django.core.exceptions import ValidationError

from alliances.registry.identifiers import (
    is_rna,
    is_siren,
    is_siret,
    validate_rna,
    validate_siren,
    validate_siret,
)
from tests.registry.factories import OrganisationFactory


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("732829320", True),
        ("732 829 320", True),
        ("732829321", False),  # Luhn fails
        ("73282932", False),
        ("", False),
        ("ABCDEFGHI", False),
    ],
)
def test_siren(value, valid):
    assert is_siren(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("73282932000074", True),
        ("73282932000075", False),
        ("35600000000048", True),  # La Poste's head office: Luhn
        ("35600000049837", True),  # a La Poste establishment: digit sum multiple of 5, not Luhn
        ("35600000049838", False),
        ("7328293200007", False),
    ],
)
def test_siret_with_the_la_poste_exception(value, valid):
    assert is_siret(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("W012000001", True),
        ("W9T1002867", True),  # Mayotte: letters allowed
        ("w9t1002867", True),  # typed in lower case
        ("W01200004", False),
        ("X012000001", False),
        ("W01200000é", False),
    ],
)
def test_rna(value, valid):
    assert is_rna(value) is valid


def test_validators_give_a_clear_message():
    with pytest.raises(ValidationError, match="pas un SIREN valide"):
        validate_siren("123456789")
    with pytest.raises(ValidationError, match="pas un SIRET valide"):
        validate_siret("12345678901234")
    with pytest.raises(ValidationError, match="pas un numéro RNA valide"):
        validate_rna("W123")


@pytest.mark.django_db
def test_model_validation_refuses_invalid_identifiers():
    organisation = OrganisationFactory.build(siren="123456789", rna_id="W12", siret="1")
    organisation.commune = None
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert set(error.value.message_dict) == {"siren", "rna_id", "siret"}
