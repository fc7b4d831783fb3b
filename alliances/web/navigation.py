"""The main navigation: one entry per part of the platform that is open to the public.

A part appears here once its pages exist; the home page describes all seven parts.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: Promise
    url_name: str
    section: str


MAIN_NAVIGATION = [
    NavItem(_("Roadmap"), "web:programme_list", "program"),
    NavItem(_("Resources"), "web:kit_resources", "kit"),
    NavItem(_("Alliances"), "web:alliance_list", "alliances"),
    NavItem(_("Actors"), "web:organisation_list", "organisations"),
    NavItem(_("Catalysts"), "web:catalyst_list", "catalysts"),
    NavItem(_("Events"), "web:event_list", "events"),
    NavItem(_("Territories"), "web:territory_index", "territories"),
    NavItem(_("Studies"), "web:study_index", "studies"),
    NavItem(_("SDGs"), "web:goal_index", "sdg"),
]
