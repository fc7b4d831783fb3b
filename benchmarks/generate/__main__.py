"""`python -m benchmarks.generate --scale … --out …`: writes the files (see the package)."""

import argparse
from pathlib import Path

from benchmarks import generate


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description=generate.__doc__,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    parser.add_argument("--scale", type=float, default=1.0, help="1 = national scale")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, required=True, help="folder for rna/ and sirene/")
    args = parser.parse_args()
    summary = generate.write_files(args.out, scale=args.scale, seed=args.seed)
    print(
        f"{summary.files} RNA files, {summary.rna_rows:,} associations "
        f"({summary.waldec_rows:,} Waldec, {summary.import_rows:,} import); SIRENE "
        f"{summary.legal_units:,} relevant legal units and {summary.filtered_units:,} to filter "
        f"out; a survey of {summary.respondents:,} respondents — in {args.out}"
    )


if __name__ == "__main__":
    main()
