"""A survey wave (codebook and microdata) in the formats the studies import reads."""

import csv
import random
from pathlib import Path

from benchmarks.generate.common import Picker

NATIONAL_RESPONDENTS = 20_000
SURVEY_REGIONS = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]


def write_survey(out: Path, *, scale: float, seed: int = 12) -> int:
    """A survey wave of 20,000 respondents (at scale 1) in the formats the studies import reads:
    `codebook.csv` (one line per answer label) and `wave.csv` (semicolon-separated microdata
    with an identifier, background variables for weighting, four questions and a design
    weight). Answers depend on the background, so weighting moves the estimates. Returns how
    many respondents.
    """
    rng = random.Random(seed + 5)
    out.mkdir(parents=True, exist_ok=True)
    total = max(10, round(NATIONAL_RESPONDENTS * scale))
    questions = [
        ("q1", "Faites-vous partie d'une alliance ?", "Are you part of an alliance?",
         [("oui", "Oui", "Yes"), ("non", "Non", "No"), ("nsp", "Ne sait pas", "Don't know")]),
        ("q2", "Connaissez-vous les ODD ?", "Do you know the SDGs?",
         [("1", "Très bien", "Very well"), ("2", "Un peu", "A little"),
          ("3", "De nom", "By name"), ("4", "Pas du tout", "Not at all")]),
        ("q3", "Votre structure coopère-t-elle avec une entreprise ?",
         "Does your organisation cooperate with a company?",
         [("oui", "Oui", "Yes"), ("non", "Non", "No")]),
        ("q4", "Priorité de votre territoire", "Your territory's priority",
         [("emploi", "Emploi", "Employment"), ("climat", "Climat", "Climate"),
          ("sante", "Santé", "Health"), ("education", "Éducation", "Education")]),
    ]  # fmt: skip
    background = [
        ("sexe", "Sexe", "Sex", [("1", "Homme", "Man"), ("2", "Femme", "Woman")]),
        ("age", "Âge", "Age",
         [("1", "18-34 ans", "18-34"), ("2", "35-64 ans", "35-64"),
          ("3", "65 ans et plus", "65+")]),
        ("region", "Région", "Region", [(code, code, code) for code in SURVEY_REGIONS]),
    ]  # fmt: skip
    with (out / "codebook.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["variable", "type", "text_fr", "text_en", "published", "code",
                         "label_fr", "label_en"])  # fmt: skip
        for published, entries in (("non", background), ("oui", questions)):
            for variable, text_fr, text_en, labels in entries:
                for index, (code, label_fr, label_en) in enumerate(labels):
                    head = [variable, "categorical", text_fr, text_en, published]
                    writer.writerow((head if index == 0 else [variable, "", "", "", ""])
                                    + [code, label_fr, label_en])  # fmt: skip
    # Quotas a little off the population, as real samples are: older people answer more.
    ages = Picker(rng, ["1", "2", "3"], [22, 48, 30])
    regions = Picker(rng, SURVEY_REGIONS, [19, 4, 4, 5, 9, 8, 6, 5, 9, 9, 12, 8, 1])
    with (out / "wave.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["id", "sexe", "age", "region", "q1", "q2", "q3", "q4", "poids"])
        for number in range(total):
            sex, age = rng.choice("12"), ages()
            member = rng.random() < 0.25 + 0.1 * int(age)  # older, more often in an alliance
            writer.writerow(
                [
                    f"R{number:06d}", sex, age, regions(),
                    "oui" if member else rng.choice(("non", "non", "nsp")),
                    rng.choice("1234" if member else "2344"),
                    rng.choice(("oui", "non")),
                    rng.choice(("emploi", "climat", "sante", "education")),
                    f"{rng.uniform(0.5, 2.0):.3f}",
                ]
            )  # fmt: skip
    return total
