from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliances.accounts.models import OrganisationRole
from alliances.core.links import WebURLField
from alliances.core.uploads import upload_check
from alliances.registry.enums import AllianceType, MembershipRole, World
from alliances.registry.identifiers import compact, is_rna, is_siren
from alliances.registry.models import Organisation
from alliances.registry.services.alliances import MemberInput
from alliances.registry.services.organisations import EDITABLE_FIELDS
from alliances.sdg.models import Goal
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory

MEMBER_ROWS = 4


class AllianceSubmitForm(forms.Form):
    title = forms.CharField(label=_("Title of the alliance"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: who acts together, for what."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    alliance_type = forms.ChoiceField(label=_("Type of alliance"), choices=AllianceType.choices)
    departement = forms.ModelChoiceField(
        label=_("Département covered"),
        queryset=Territory.objects.filter(kind=TerritoryKind.DEPARTEMENT).order_by("code"),
    )
    commune_code = forms.CharField(
        label=_("INSEE code of the commune (optional)"),
        required=False,
        max_length=5,
        help_text=_("For an alliance that covers one commune, for example 01053."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=Goal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Only the moderators see it, to ask you questions about the proposal."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(MEMBER_ROWS):
            required = index < 2
            self.fields[f"member_{index}_name"] = forms.CharField(
                label=_("Name"), max_length=300, required=required
            )
            self.fields[f"member_{index}_identifier"] = forms.CharField(
                label=_("SIREN or RNA number"), max_length=20, required=required
            )
            self.fields[f"member_{index}_world"] = forms.ChoiceField(
                label=_("World"), choices=World.choices, required=required
            )
            self.fields[f"member_{index}_role"] = forms.ChoiceField(
                label=_("Role"), choices=MembershipRole.choices, required=required
            )

    def member_rows(self) -> list[list]:
        return [
            [self[f"member_{i}_{part}"] for part in ("name", "identifier", "world", "role")]
            for i in range(MEMBER_ROWS)
        ]

    def clean(self):
        cleaned = super().clean()
        for index in range(MEMBER_ROWS):
            value = cleaned.get(f"member_{index}_identifier", "")
            if value and not (is_siren(compact(value)) or is_rna(value)):
                self.add_error(
                    f"member_{index}_identifier",
                    ValidationError(
                        _(
                            "“%(value)s” is neither a valid SIREN (9 digits, Luhn check) nor a "
                            "valid RNA number (W followed by 9 digits or capitals)."
                        )
                        % {"value": value}
                    ),
                )
        code = cleaned.get("commune_code", "").strip().upper()
        departement = cleaned.get("departement")
        cleaned["commune"] = None
        if code:
            commune = Territory.objects.filter(kind=TerritoryKind.COMMUNE, code=code).first()
            if commune is None:
                self.add_error("commune_code", _("No commune has this INSEE code."))
            elif departement and commune.departement_id != departement.pk:
                self.add_error("commune_code", _("This commune is not in the département chosen."))
            cleaned["commune"] = commune
        return cleaned

    def members(self) -> list[MemberInput]:
        return [
            MemberInput(
                name=self.cleaned_data[f"member_{i}_name"],
                world=self.cleaned_data[f"member_{i}_world"],
                identifier=self.cleaned_data[f"member_{i}_identifier"],
                role=self.cleaned_data[f"member_{i}_role"],
            )
            for i in range(MEMBER_ROWS)
            if self.cleaned_data.get(f"member_{i}_identifier")
        ]

    def submission(self) -> dict:
        """What `alliance_submit` takes from the valid form (the page and the API alike); the
        author is the caller's to add."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "summary": data["summary"],
            "description": data["description"],
            "alliance_type": data["alliance_type"],
            "territories": [data["commune"] or data["departement"]],
            "goals": list(data["goals"]),
            "members": self.members(),
            "contact_email": data["contact_email"],
        }


class CorrectionForm(forms.Form):
    message = forms.CharField(
        label=_("What should be corrected?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_("Only the moderators see it, to ask you for details."),
    )


class AllianceImportForm(forms.Form):
    file = forms.FileField(
        label=_("Alliances file (XLSX or CSV, made from the template)"),
        help_text=_("One row per alliance–member. At most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_check(upload, kinds={"csv", "xlsx"}, max_bytes=5 * 1024 * 1024)
        return upload


class OrganisationForm(forms.ModelForm):
    """An organisation's record as its administrators edit it; identifiers are checked (SIREN and
    SIRET with their Luhn key, RNA format) and must not belong to another organisation."""

    goals = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=Goal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    website = WebURLField(label=_("Website"), required=False, max_length=200)
    # Wider than the stored identifiers: people type spaces and dots, removed before the checks.
    siren = forms.CharField(label=_("SIREN"), required=False, max_length=20)
    siret = forms.CharField(label=_("SIRET of the head office"), required=False, max_length=25)
    rna_id = forms.CharField(label=_("RNA number"), required=False, max_length=20)

    class Meta:
        model = Organisation
        fields = [*EDITABLE_FIELDS, "goals"]

    def clean_siren(self):
        return compact(self.cleaned_data.get("siren") or "") or None

    def clean_siret(self):
        return compact(self.cleaned_data.get("siret") or "")

    def clean_rna_id(self):
        return (self.cleaned_data.get("rna_id") or "").strip().upper() or None

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] or "" for name in EDITABLE_FIELDS} | {
            "siren": self.cleaned_data["siren"],
            "rna_id": self.cleaned_data["rna_id"],
        }


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        help_text=_("The person must already have an account on the platform."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationRole.choices)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationRole.choices)
