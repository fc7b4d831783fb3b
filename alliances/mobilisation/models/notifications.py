from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliances.mobilisation.enums import DigestFrequency, NotificationKind


class Follow(models.Model):
    """A person follows a measure, an alliance, a territory or any other record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="follow_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.content_type.model} #{self.object_id}"


class NotificationSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    frequency = models.CharField(
        _("e-mail me"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.DAILY,
    )
    freshness_reminders = models.BooleanField(
        _("remind me of my measures and records due for an update or a confirmation"), default=True
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return str(self.user)


class Notification(models.Model):
    """One thing that happened, for one person, shown on the site and sent by e-mail once."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    # What happened (a contribution, an event): one notification per recipient and cause.
    cause_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of cause"), on_delete=models.CASCADE, related_name="+"
    )
    cause_id = models.PositiveBigIntegerField(_("cause id"))
    cause = GenericForeignKey("cause_type", "cause_id")
    text = models.CharField(_("text"), max_length=300)
    url = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "cause_type", "cause_id"],
                name="notification_once_per_cause",
            )
        ]
        indexes = [models.Index(fields=["recipient", "emailed_at"])]

    def __str__(self) -> str:
        return self.text


class Reminder(models.Model):
    """A freshness reminder sent to a measure's pilot; unique per period so none is sent twice."""

    measure = models.ForeignKey(
        "program.Measure", verbose_name=_("measure"), on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE
    )
    period = models.CharField(_("period"), max_length=10, help_text=_("ISO week, e.g. 2026-W48."))
    freshness = models.CharField(_("freshness when sent"), max_length=10)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("freshness reminder")
        verbose_name_plural = _("freshness reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "recipient", "period"], name="reminder_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} → {self.recipient} ({self.period})"


class JobRun(models.Model):
    """When a periodic job last ran and what it did; `run_jobs` runs the jobs that are due."""

    job = models.CharField(_("job"), max_length=40)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["job", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M}"


class ConfirmationReminder(models.Model):
    """A yearly "still accurate?" reminder about an organisation or an alliance, sent to one owner.

    Unique per record, recipient and period (a month), so running the job again sends nothing
    more, and someone who owns a record in several ways hears about it once.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    target = GenericForeignKey("content_type", "object_id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE
    )
    period = models.CharField(_("period"), max_length=10, help_text=_("Month, e.g. 2026-11."))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("confirmation reminder")
        verbose_name_plural = _("confirmation reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "recipient", "period"],
                name="confirmation_reminder_once_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id} → {self.recipient} ({self.period})"
