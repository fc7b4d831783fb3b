from alliances.registry.models.alliances import Alliance, Catalyst, Membership, PublicationEvent
from alliances.registry.models.moderation import CorrectionRequest, OrganisationMerge
from alliances.registry.models.organisations import Organisation

__all__ = [
    "Alliance",
    "Catalyst",
    "CorrectionRequest",
    "Membership",
    "Organisation",
    "OrganisationMerge",
    "PublicationEvent",
]
