"""Synthetic national-scale data in the registries' real file formats, seeded and scalable.

At `--scale 1` it writes what a national import meets:

- RNA extractions, one `rna_waldec_<date>_dpt_<code>.csv` and one `rna_import_<date>_dpt_<code>.csv`
  per département, ≈1.9 million associations in all, shared out by population (from the committed
  commune file), with the Waldec theme families in realistic proportions, dissolved and deleted
  associations, UTF-8 with BOM and CRLF (most Waldec files) or Windows-1252 (the older files),
  and a handful of faulty lines (bad dates) as the real files have;
- a SIRENE `StockUniteLegale_utf8.csv` extract with ≈1 million relevant legal units
  (associations, most bridged to a generated RNA number, local authorities, EPCI, foundations,
  social-economy companies) and half as many ordinary companies that the import filters out.

`load_alliances()` then bulk-loads ≈100,000 alliances and ≈400,000 memberships (scaled) between
the organisations already in the database, across worlds and territories, for the read benchmarks.

    python -m benchmarks.generate --scale 0.01 --out /tmp/national   # files only
"""

# One module per thing generated: `registry_files` (RNA and SIRENE extractions), `network`
# (alliances and memberships), `kit` (resources and compass self-assessments), `survey` (a survey
# wave for the studies). The benchmarks call them all from here.

from pathlib import Path

from benchmarks.generate.common import Picker
from benchmarks.generate.kit import (
    NATIONAL_ASSESSMENTS,
    NATIONAL_RESOURCES,
    load_assessments,
    load_resources,
)
from benchmarks.generate.network import NATIONAL_ALLIANCES, load_alliances
from benchmarks.generate.registry_files import (
    NATIONAL_ASSOCIATIONS,
    NATIONAL_LEGAL_UNITS,
    Summary,
    write_rna,
    write_sirene,
)
from benchmarks.generate.survey import NATIONAL_RESPONDENTS, write_survey

__all__ = [
    "NATIONAL_ALLIANCES",
    "NATIONAL_ASSESSMENTS",
    "NATIONAL_ASSOCIATIONS",
    "NATIONAL_LEGAL_UNITS",
    "NATIONAL_RESOURCES",
    "NATIONAL_RESPONDENTS",
    "Picker",
    "Summary",
    "load_alliances",
    "load_assessments",
    "load_resources",
    "write_files",
    "write_rna",
    "write_sirene",
    "write_survey",
]


def write_files(out: Path, *, scale: float, seed: int = 12) -> Summary:
    rna = write_rna(out / "rna", scale=scale, seed=seed)
    sirene = write_sirene(out / "sirene", scale=scale, rna=rna, seed=seed)
    rna.legal_units, rna.filtered_units = sirene.legal_units, sirene.filtered_units
    rna.respondents = write_survey(out / "survey", scale=scale, seed=seed)
    return rna
