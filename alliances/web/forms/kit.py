from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliances.core.links import validate_web_url
from alliances.kit.enums import (
    AudienceProfile,
    CompassAxis,
    Language,
    Maturity,
    QuestionnaireAudience,
    ResourceKind,
)
from alliances.kit.models import Theme
from alliances.kit.scoring import NOT_APPLICABLE
from alliances.kit.services.resources import ResourceData
from alliances.registry.models import Organisation
from alliances.sdg.models import Goal
from alliances.territories.models import Territory

MAX_LINKS = 5


class ResourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what it is, for whom, what it helps to do."),
    )
    body = forms.CharField(
        label=_("Body"),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Markdown: ## heading, - list, **bold**, [link](https://…)."),
    )
    profiles = forms.MultipleChoiceField(
        label=_("For whom"), choices=AudienceProfile.choices, widget=forms.CheckboxSelectMultiple
    )
    maturity = forms.ChoiceField(label=_("Maturity level"), choices=Maturity.choices)
    axes = forms.MultipleChoiceField(
        label=_("Compass axes it helps with"),
        choices=CompassAxis.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=Goal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    territory_code = forms.CharField(
        label=_("Territory (INSEE code, optional)"),
        required=False,
        max_length=9,
        help_text=_("Only for a resource about one territory: a commune, département or region."),
    )
    author_siren_or_rna = forms.CharField(
        label=_("Author organisation (SIREN or RNA number, optional)"),
        required=False,
        max_length=20,
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: label | https://address (at most five)."),
    )

    def clean_territory_code(self):
        code = self.cleaned_data["territory_code"].strip().upper()
        if not code:
            return None
        territory = (
            Territory.objects.filter(code=code)
            .order_by("kind")
            .filter(kind__in=["commune", "departement", "region"])
            .first()
        )
        if territory is None:
            raise ValidationError(_("No commune, département or region has the code “%s”.") % code)
        return territory

    def clean_author_siren_or_rna(self):
        return _organisation_by_number(self.cleaned_data["author_siren_or_rna"])

    def clean_links(self):
        links = []
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(_("At most %d links.") % MAX_LINKS)
        for number, line in enumerate(lines, start=1):
            label, separator, url = line.rpartition("|")
            if not separator or not label.strip():
                raise ValidationError(
                    _("Line %(number)d: write “label | https://address”.") % {"number": number}
                )
            try:
                validate_web_url(url.strip())
            except ValidationError as error:
                raise ValidationError(
                    _("Line %(number)d: “%(url)s” is not a web address.")
                    % {"number": number, "url": url.strip()}
                ) from error
            links.append((label.strip()[:200], url.strip()))
        return links

    @classmethod
    def initial_for(cls, resource) -> dict:
        return {
            "kind": resource.kind,
            "title": resource.title,
            "summary": resource.summary,
            "body": resource.body,
            "profiles": resource.profiles,
            "maturity": resource.maturity,
            "axes": [axis.axis for axis in resource.axes.all()],
            "goals": list(resource.goals.all()),
            "themes": list(resource.themes.all()),
            "language": resource.language,
            "territory_code": resource.territory.code if resource.territory_id else "",
            "author_siren_or_rna": (
                resource.author_organisation.siren or resource.author_organisation.rna_id or ""
                if resource.author_organisation_id
                else ""
            ),
            "links": "\n".join(
                f"{link.label} | {link.url}" for link in resource.links.all() if link.url
            ),
        }

    def to_data(self) -> ResourceData:
        data = self.cleaned_data
        return ResourceData(
            kind=data["kind"],
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            maturity=data["maturity"],
            profiles=data["profiles"],
            language=data["language"],
            axes=data["axes"],
            goals=list(data["goals"]),
            themes=list(data["themes"]),
            territory=data["territory_code"],
            author_organisation=data["author_siren_or_rna"],
            links=data["links"],
        )


TERRITORY_KINDS = [
    ("region", _("région")),
    ("departement", _("département")),
    ("epci", _("intercommunality (EPCI)")),
    ("commune", _("commune")),
]


def _organisation_by_number(value: str):
    """The registry organisation with this SIREN or RNA number, or a ValidationError."""
    value = value.replace(" ", "").upper()
    if not value:
        return None
    organisation = Organisation.objects.filter(siren=value).first()
    organisation = organisation or Organisation.objects.filter(rna_id=value).first()
    if organisation is None:
        raise ValidationError(
            _("No organisation of the registry has the SIREN or RNA number “%s”.") % value
        )
    return organisation


class CompassForm(forms.Form):
    """One radio group per question (checkboxes for a multiple-choice question), plus "not
    applicable" where allowed. Every question is optional here: the service knows which ones are
    asked, given the conditions. For an alliance evaluation (`alliance` given), the organisation
    is chosen among the alliance's members the person belongs to and no territory is asked."""

    profile = forms.ChoiceField(
        label=_("You answer as"), choices=[("", "—"), *AudienceProfile.choices]
    )

    def __init__(self, *args, questions, audience, alliance=None, evaluating=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.audience = audience
        if audience == QuestionnaireAudience.TERRITORY:
            self.fields["profile"].choices = [
                ("", "—"),
                (AudienceProfile.LOCAL_AUTHORITY, AudienceProfile.LOCAL_AUTHORITY.label),
                (AudienceProfile.CATALYST, AudienceProfile.CATALYST.label),
            ]
        if alliance is not None:
            # The member organisations this person belongs to (`evaluating`: their ids).
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("The member organisation you answer for"),
                queryset=Organisation.objects.filter(pk__in=evaluating or []).order_by(
                    "search_name"
                ),
                empty_label=None if len(evaluating or []) == 1 else "—",
            )
        else:
            self.fields["organisation"] = forms.CharField(
                label=_("Your organisation (SIREN or RNA number, optional)"),
                required=False,
                max_length=20,
                help_text=_(
                    "Peers are then the respondents of your organisation's world, and its "
                    "territory is recorded if you give none."
                ),
            )
            territory_required = audience == QuestionnaireAudience.TERRITORY
            self.fields["territory_kind"] = forms.ChoiceField(
                label=_("Kind of territory"),
                choices=[("", "—"), *TERRITORY_KINDS],
                required=territory_required,
            )
            self.fields["territory_code"] = forms.CharField(
                label=_("Territory (INSEE code)")
                if territory_required
                else _("Territory (INSEE code, optional)"),
                required=territory_required,
                max_length=9,
                help_text=_("For instance 75056 for the commune of Paris, 69 for the Rhône."),
            )
        self.questions = questions
        for question in questions:
            choices = [(str(option.pk), option.label) for option in question.options.all()]
            if question.allows_not_applicable:
                choices.append((NOT_APPLICABLE, _("Not applicable")))
            field_class, widget = (
                (forms.MultipleChoiceField, forms.CheckboxSelectMultiple)
                if question.is_multiple
                else (forms.ChoiceField, forms.RadioSelect)
            )
            self.fields[question.field_name] = field_class(
                label=question.text,
                choices=choices,
                required=False,
                widget=widget,
                help_text=question.help,
            )

    def clean_organisation(self):
        value = self.cleaned_data.get("organisation")
        if isinstance(value, str):
            return _organisation_by_number(value)
        return value

    def clean(self):
        data = super().clean()
        kind, code = data.get("territory_kind"), (data.get("territory_code") or "").strip()
        data["territory"] = None
        if kind and code:
            territory = Territory.objects.filter(kind=kind, code=code.upper()).first()
            if territory is None:
                self.add_error(
                    "territory_code",
                    _("No territory of this kind has the code “%s”.") % code,
                )
            data["territory"] = territory
        elif kind or code:
            self.add_error(
                "territory_code" if kind else "territory_kind",
                _("Give both the kind of territory and its code."),
            )
        return data

    def answers(self) -> dict:
        return {
            question.pk: self.cleaned_data.get(question.field_name) or ""
            for question in self.questions
        }

    def add_answer_errors(self, errors: dict[int, str]) -> None:
        for question in self.questions:
            if question.pk in errors:
                self.add_error(question.field_name, str(errors[question.pk]))

    def respondent_fields(self) -> list:
        """Who answers, for what: the bound fields shown before the questions."""
        names = ["profile", "organisation", "territory_kind", "territory_code"]
        return [self[name] for name in names if name in self.fields]

    def groups(self) -> list[tuple]:
        """Questions grouped by axis, as (axis, [(question, bound field)])."""
        grouped: list[tuple] = []
        for question in self.questions:
            if not grouped or grouped[-1][0].pk != question.axis_id:
                grouped.append((question.axis, []))
            grouped[-1][1].append((question, self[question.field_name]))
        return grouped


class SavedSearchForm(forms.Form):
    label = forms.CharField(
        label=_("Name of the search"),
        max_length=120,
        help_text=_("You will get an e-mail when new resources match it."),
    )
