from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alliances.mobilisation import jobs


class Command(BaseCommand):
    help = (
        "List the periodic jobs (freshness reminders, notification digests) and run those that "
        "are due. Run it from a scheduler every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="List the jobs; run nothing.")
        parser.add_argument(
            "--force", metavar="JOB", help="Run this job now, whether it is due or not."
        )

    def handle(self, *args, list=False, force=None, **options):
        now = timezone.now()
        names = {job.name: job for job in jobs.JOBS}
        if force and force not in names:
            raise CommandError(f"Unknown job {force!r}; jobs: {', '.join(names)}.")
        if list:
            for job in jobs.JOBS:
                run = jobs.last_run(job)
                last = f"{run.started_at:%Y-%m-%d %H:%M}" if run else "never"
                state = "due" if jobs.is_due(job, now) else "not due"
                self.stdout.write(f"{job.name}: {job.description}; last run {last}; {state}")
            due = sum(jobs.is_due(job, now) for job in jobs.JOBS)
            self.stdout.write(f"{len(jobs.JOBS)} jobs, {due} due.")
            return
        ran = []
        for job in jobs.JOBS:
            if job.name == force or (force is None and jobs.is_due(job, now)):
                run = jobs.run_job(job, now)
                self.stdout.write(f"{job.name}: {run.summary}")
                ran.append(job.name)
        self.stdout.write(f"Ran {len(ran)} of {len(jobs.JOBS)} jobs.")
