from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliances.core.models import TimeStampedModel
from alliances.mobilisation.enums import (
    ContributionKind,
    ModerationAction,
    ReactionKind,
    Stance,
    Visibility,
)


class ContributionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(visibility=Visibility.VISIBLE)

    def on(self, target):
        return self.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )


class Contribution(TimeStampedModel):
    """A comment, proposal or testimony on a measure, an alliance or any other record."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    target = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ContributionKind.choices, default=ContributionKind.COMMENT
    )
    stance = models.CharField(_("stance"), max_length=10, choices=Stance.choices, blank=True)
    body = models.TextField(_("text"))
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stance="") | models.Q(kind="proposal"),
                name="contribution_stance_only_on_proposals",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Reaction(models.Model):
    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="reactions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE
    )
    kind = models.CharField(_("reaction"), max_length=10, choices=ReactionKind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "user", "kind"], name="reaction_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.contribution_id}"


class ContributionReport(models.Model):
    """Someone asked moderators to look at a contribution."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contribution report")
        verbose_name_plural = _("contribution reports")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "reporter"],
                condition=models.Q(handled_at__isnull=True),
                name="report_once_while_open",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.contribution_id}: {self.reason[:60]}"


class ModerationLog(models.Model):
    """Every moderator action on a contribution: who, when, what and why."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="moderation_log",
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=ModerationAction.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} #{self.contribution_id}"
