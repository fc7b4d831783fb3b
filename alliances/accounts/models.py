from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class PlatformRole(models.TextChoices):
    """A platform-wide role. Platform administrators are superusers; the rest are scoped links."""

    CONTRIBUTOR = "contributor", _("contributor")
    MODERATOR = "moderator", _("moderator")


class User(AbstractUser):
    """A person with an account, identified by e-mail address."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    is_demo = models.BooleanField(
        _("demo account"), default=False, help_text=_("Created by the demo data loader.")
    )
    platform_role = models.CharField(
        _("platform role"),
        max_length=20,
        choices=PlatformRole.choices,
        default=PlatformRole.CONTRIBUTOR,
        help_text=_(
            "Moderators moderate submissions and contributions everywhere and edit the kit. "
            "Platform administrators are superusers."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.email


class TokenScope(models.TextChoices):
    READ = "read", _("read only")
    WRITE = "write", _("read and write")


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the key is shown once, at creation."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for."))
    prefix = models.CharField(_("prefix"), max_length=8, db_index=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(
        _("scope"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class OrganisationRole(models.TextChoices):
    MEMBER = "member", _("member")
    ADMIN = "admin", _("administrator")


class OrganisationMembership(models.Model):
    """A person acting for an organisation of the registry: a member, or an administrator who edits
    the organisation's record, its alliances' drafts and its members."""

    user = models.ForeignKey(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="user_memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=OrganisationRole.choices, default=OrganisationRole.MEMBER
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        ordering = ["organisation_id", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="organisation_membership_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"


class CatalystAssignment(models.Model):
    """A person acting as a territorial catalyst: linked to the registry's catalyst record (whose
    territories they then serve) or directly to one territory."""

    user = models.ForeignKey(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="catalyst_assignments",
    )
    catalyst = models.ForeignKey(
        "registry.Catalyst",
        verbose_name=_("catalyst record"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="accounts",
    )
    territory = models.ForeignKey(
        "territories.Territory",
        verbose_name=_("territory"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("catalyst assignment")
        verbose_name_plural = _("catalyst assignments")
        ordering = ["user__email", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(catalyst__isnull=False, territory__isnull=True)
                | models.Q(catalyst__isnull=True, territory__isnull=False),
                name="catalyst_assignment_to_a_record_or_a_territory",
            ),
            models.UniqueConstraint(
                fields=["user", "catalyst"], name="catalyst_assignment_once_per_record"
            ),
            models.UniqueConstraint(
                fields=["user", "territory"], name="catalyst_assignment_once_per_territory"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.catalyst or self.territory}"
