from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.core.links import WebURLField
from alliances.core.uploads import upload_check
from alliances.program.enums import Attainment, IndicatorStatus, MeasureStatus, UpdateStatus
from alliances.program.models import Milestone, ProgrammeInstance

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionedForm(forms.Form):
    """Carries the version the person started editing, for optimistic locking."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MeasureForm(VersionedForm):
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DATE_INPUT)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE_INPUT)
    weight = forms.DecimalField(
        label=_("Weight in roll-ups"), min_value=0, max_digits=6, decimal_places=2
    )
    owner_organisations = forms.CharField(
        label=_("Owner organisations"),
        help_text=_("One organisation per line."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    description_fr = forms.CharField(
        label=_("Description (French)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self):
        cleaned = super().clean()
        start, due = cleaned.get("start_date"), cleaned.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", _("The due date is before the start date."))
        return cleaned


class AttainmentForm(VersionedForm):
    attainment = forms.ChoiceField(
        label=_("Attainment"),
        choices=[("", _("not assessed yet")), *Attainment.choices],
        required=False,
    )
    attainment_justification = forms.CharField(
        label=_("Justification"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attainment") and not cleaned.get("attainment_justification", "").strip():
            self.add_error("attainment_justification", _("Justify the attainment you set."))
        return cleaned


class ProgressUpdateForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    status = forms.ChoiceField(label=_("How does the measure stand?"), choices=UpdateStatus.choices)
    narrative = forms.CharField(
        label=_("What happened since the last update?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."))
        return value


class MilestoneForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    evidence_url = WebURLField(label=_("Evidence link"), required=False, max_length=200)

    class Meta:
        model = Milestone
        fields = ["kind", "title", "description", "due_date", "done_date", "weight", "evidence_url"]
        widgets = {
            "due_date": DATE_INPUT,
            "done_date": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_done_date(self):
        value = self.cleaned_data.get("done_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."))
        return value


class IndicatorValueForm(forms.Form):
    date = forms.DateField(label=_("Date of the measurement"), widget=DATE_INPUT)
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=4)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."))
        return value


class IndicatorOverrideForm(VersionedForm):
    status = forms.ChoiceField(
        label=_("Status set by hand"),
        choices=[("", _("automatic status")), *IndicatorStatus.choices],
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", _("Give the reason for setting the indicator's status by hand.")
            )
        return cleaned


class ReportForm(forms.Form):
    as_of = forms.DateField(label=_("As of"), widget=DATE_INPUT)
    instance = forms.ModelChoiceField(
        label=_("For the instance"), queryset=ProgrammeInstance.objects.none(), required=False
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instance"].queryset = programme.instances.all()

    def clean_as_of(self):
        value = self.cleaned_data["as_of"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("A report cannot be dated in the future."))
        return value


class ProgrammeImportForm(forms.Form):
    file = forms.FileField(
        label=_("Programme file (XLSX, or ZIP of CSV files)"),
        help_text=_("The format of the export. At most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_check(upload, kinds={"xlsx", "zip"}, max_bytes=5 * 1024 * 1024)
        return upload
