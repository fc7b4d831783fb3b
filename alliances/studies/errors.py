"""The studies domain error and its messages (tests import the constants)."""

from django.utils.translation import gettext_lazy as _

from alliances.core.errors import DomainError


class StudyError(DomainError):
    """A survey could not be imported, weighted, estimated or published as asked."""


NO_RESPONDENTS = _("This wave has no respondents.")
NO_MARGINS = _("Choose at least one margin to weight on.")
MARGIN_WITHOUT_TARGETS = _("The margin “%(variable)s” has no targets.")
TARGETS_DO_NOT_SUM = _(
    "The targets of “%(variable)s” add up to %(total)s %%, not 100 %%: correct them."
)
TARGET_WITHOUT_RESPONDENTS = _(
    "The margin “%(variable)s” has a target of %(share)s %% for the code “%(code)s”, but no "
    "respondent has this code: raking cannot reach it. Merge this category with another one."
)
RESPONDENT_CODE_WITHOUT_TARGET = _(
    "%(count)s respondents have the code “%(code)s” for “%(variable)s”, which has no target."
)
VARIABLE_MISSING = _("No respondent has the variable “%(variable)s”.")
NOT_CONVERGED = _(
    "Raking did not converge after %(iterations)s iterations: the weighted margins are still "
    "%(gap)s percentage points away from the targets. Raise the highest weight allowed, merge "
    "small categories or drop a margin."
)
BAD_TRIMMING = _("The highest weight allowed must be greater than 1 (the mean weight).")
IMPORT_INVALID = _("The file has %(count)s problems; nothing was imported.")
CODEBOOK_NEEDED = _("A codebook file is needed for CSV and XLSX data.")
