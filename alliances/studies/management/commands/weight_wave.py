from django.core.management.base import BaseCommand, CommandError

from alliances.studies.errors import StudyError
from alliances.studies.models import Wave
from alliances.studies.services import wave_weight


class Command(BaseCommand):
    help = (
        "Rake one wave of a study on its margins (all, or those given with --margin), store the "
        "weights and print the report: convergence, design effect, effective sample size, "
        "trimming, and each margin's sample, target and weighted shares. A failed run is "
        "recorded with its error and the weights are left as they were."
    )

    def add_arguments(self, parser):
        parser.add_argument("study", help="Slug of the study.")
        parser.add_argument("wave", type=int, help="Wave number.")
        parser.add_argument(
            "--margin", action="append", dest="margins", help="Margin to use (repeatable)."
        )
        parser.add_argument(
            "--cap", type=float, help="Highest weight allowed, in multiples of the mean (e.g. 3)."
        )
        parser.add_argument("--max-iterations", type=int, default=1000)

    def handle(self, *args, study, wave, margins, cap, max_iterations, **options):
        target = Wave.objects.filter(study__slug=study, number=wave).first()
        if target is None:
            raise CommandError(f"No wave {wave} in a study with the slug “{study}”.")
        try:
            run = wave_weight(
                wave=target, variables=margins, cap=cap, max_iterations=max_iterations
            )
        except StudyError as error:
            raise CommandError(f"Weighting failed (recorded): {error}") from error
        for variable, rows in run.report["margins"].items():
            for row in rows:
                self.stdout.write(
                    f"{variable}={row['code']}: sample {row['sample']:.1f} %, target "
                    f"{row['target']:.1f} %, weighted {row['weighted']:.1f} %"
                )
        self.stdout.write(
            f"converged in {run.iterations} iterations (largest gap {run.max_margin_error:.3f} "
            f"points), {run.respondents} respondents, design effect {run.design_effect:.3f}, "
            f"effective sample size {run.effective_sample_size:.0f}, weights "
            f"{run.min_weight:.3f}–{run.max_weight:.3f}, {run.trimmed} trimmed"
        )
