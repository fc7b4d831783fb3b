import pytest
from django.db import IntegrityError

from alliances.accounts.models import User

pytestmark = pytest.mark.django_db


def test_users_sign_in_with_a_normalised_email():
    user = User.objects.create_user("Marie.Curie@Example.ORG", "a-long-enough-password")
    assert user.email == "marie.curie@example.org"
    assert user.check_password("a-long-enough-password")
    assert not user.is_staff
    assert str(user) == "marie.curie@example.org"


def test_email_is_unique():
    User.objects.create_user("a@example.org")
    with pytest.raises(IntegrityError):
        User.objects.create_user("A@example.org")


def test_superuser_needs_staff_flags():
    admin = User.objects.create_superuser("admin@example.org", "a-long-enough-password")
    assert admin.is_staff and admin.is_superuser
    with pytest.raises(ValueError, match="is_staff"):
        User.objects.create_superuser("b@example.org", "x", is_staff=False)
    with pytest.raises(ValueError, match="e-mail"):
        User.objects.create_user("")
