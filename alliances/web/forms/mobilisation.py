from django import forms
from django.utils.translation import gettext_lazy as _

from alliances.mobilisation.enums import (
    ContributionKind,
    DigestFrequency,
    EventKind,
    Stance,
)
from alliances.mobilisation.selectors import WHEN_PAST, WHEN_UPCOMING
from alliances.mobilisation.services.contributions import BODY_MAX_LENGTH
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory


class EventFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=[(WHEN_UPCOMING, _("Upcoming")), (WHEN_PAST, _("Past"))],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *EventKind.choices], required=False
    )
    territory = forms.ModelChoiceField(
        label=_("Region or département"),
        queryset=Territory.objects.filter(
            kind__in=[TerritoryKind.REGION, TerritoryKind.DEPARTEMENT]
        ).order_by("kind", "code"),
        required=False,
        empty_label=_("All of France"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].label_from_instance = lambda territory: (
            f"{territory.name} ({territory.code})"
            if territory.kind == TerritoryKind.DEPARTEMENT
            else f"{territory.name} — {territory.get_kind_display()}"
        )


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("For the confirmation and the cancellation link; only the organisers see it."),
    )
    organisation = forms.CharField(label=_("Your organisation"), max_length=200, required=False)


class ContributionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of contribution"), choices=ContributionKind.choices)
    stance = forms.ChoiceField(
        label=_("Your stance (proposals only)"),
        choices=[("", _("No stance")), *Stance.choices],
        required=False,
    )
    body = forms.CharField(
        label=_("Your contribution"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text. Your name is shown, never your e-mail address."),
    )

    def clean(self):
        data = super().clean()
        if data.get("stance") and data.get("kind") != ContributionKind.PROPOSAL:
            self.add_error("stance", _("Only a proposal takes a stance."))
        return data


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should a moderator look at it?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding (shown to the author and logged)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NotificationSettingsForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail me"), choices=DigestFrequency.choices, widget=forms.RadioSelect
    )
    freshness_reminders = forms.BooleanField(
        label=_(
            "Remind me of the measures I pilot when they are due for an update, and of the "
            "organisations and alliances I answer for once a year"
        ),
        required=False,
    )


def _when_widget():
    return forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"})


class DebateForm(forms.Form):
    title = forms.CharField(
        label=_("Question put up for debate"),
        max_length=300,
        help_text=_("A question people can answer, e.g. “Which events should carry measure 4?”"),
    )
    framing = forms.CharField(
        label=_("Framing"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("What is at stake, what is already known, what contributors are asked."),
    )
    opens_at = forms.DateTimeField(label=_("Opens at"), widget=_when_widget())
    closes_at = forms.DateTimeField(label=_("Closes at"), widget=_when_widget())

    def clean(self):
        data = super().clean()
        opens_at, closes_at = data.get("opens_at"), data.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The debate must close after it opens."))
        return data


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Conclusion"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_(
            "What the debate brought out and what the programme will do with it; shown on the "
            "measure's page and in the next follow-up report."
        ),
    )
