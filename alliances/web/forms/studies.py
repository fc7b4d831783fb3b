from django import forms
from django.utils.translation import gettext_lazy as _

from alliances.core.uploads import upload_check

MAX_MARGINS_BYTES = 2 * 1024 * 1024


class WaveWeightForm(forms.Form):
    margins = forms.MultipleChoiceField(
        label=_("Margins to weight on"), widget=forms.CheckboxSelectMultiple
    )
    cap = forms.FloatField(
        label=_("Highest weight allowed (trimming)"),
        required=False,
        min_value=1.01,
        help_text=_("In multiples of the mean weight, for example 3. Empty: no trimming."),
    )

    def __init__(self, *args, wave, **kwargs):
        super().__init__(*args, **kwargs)
        variables = [margin.variable for margin in wave.margins.all()]
        self.fields["margins"].choices = [(v, v) for v in variables]
        self.fields["margins"].initial = variables


class MarginsImportForm(forms.Form):
    wave = forms.TypedChoiceField(label=_("Wave"), coerce=int)
    file = forms.FileField(
        label=_("Targets file (CSV or XLSX)"),
        help_text=_("Columns margin, category, target_share (percent). At most 2 MB."),
    )
    source = forms.CharField(
        label=_("Source of the targets"),
        required=False,
        max_length=250,
        help_text=_("For example “INSEE, recensement 2021”."),
    )

    def __init__(self, *args, waves, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].choices = [(wave.number, wave.label) for wave in waves]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_check(upload, kinds={"csv", "xlsx"}, max_bytes=MAX_MARGINS_BYTES)
        return upload


class CrosstabForm(forms.Form):
    """The subgroup selector of a study page (GET, works without JavaScript)."""

    question = forms.ChoiceField(label=_("Question"))
    by = forms.ChoiceField(label=_("By subgroup"))
    wave = forms.TypedChoiceField(label=_("Wave"), coerce=int)

    def __init__(self, *args, questions, subgroups, waves, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [(q.variable, q.text) for q in questions]
        self.fields["by"].choices = [(q.variable, q.text) for q in subgroups]
        self.fields["wave"].choices = [(wave.number, wave.label) for wave in waves]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("question") and cleaned.get("question") == cleaned.get("by"):
            self.add_error("by", _("Choose a subgroup other than the question itself."))
        return cleaned
