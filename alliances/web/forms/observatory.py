from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliances.sdg.models import Goal, Target
from alliances.territories.enums import TerritoryKind
from alliances.territories.models import Territory


class ChallengeForm(forms.Form):
    """A challenge: an SDG goal (optionally one of its targets) in a territory."""

    goal = forms.ModelChoiceField(
        label=_("Sustainable Development Goal"),
        queryset=Goal.objects.order_by("number"),
        to_field_name="number",
    )
    target = forms.CharField(
        label=_("Target (optional)"),
        required=False,
        max_length=6,
        help_text=_("The code of one of the goal's targets, for example 13.3."),
    )
    kind = forms.ChoiceField(label=_("Kind of territory"), choices=TerritoryKind.choices)
    code = forms.CharField(
        label=_("INSEE code of the territory"),
        max_length=9,
        help_text=_("For example 01 (Ain), 84 (Auvergne-Rhône-Alpes) or 01053 (Bourg-en-Bresse)."),
    )

    def clean(self):
        data = super().clean()
        goal, code = data.get("goal"), data.get("target", "").strip()
        data["target"] = None
        if goal is not None and code:
            target = Target.objects.filter(code=code, goal=goal).first()
            if target is None:
                self.add_error(
                    "target",
                    ValidationError(
                        _("%(code)s is not a target of SDG %(goal)s."),
                        params={"code": code, "goal": goal.number},
                    ),
                )
            data["target"] = target
        if data.get("kind") and data.get("code"):
            territory = (
                Territory.objects.filter(kind=data["kind"], code=data["code"].strip().upper())
                .select_related("region", "departement", "epci", "commune")
                .first()
            )
            if territory is None:
                self.add_error("code", _("No territory of this kind has this code."))
            data["territory"] = territory
        return data
