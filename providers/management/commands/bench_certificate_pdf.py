"""Time the staff certificate PDF: `manage.py bench_certificate_pdf --runs 20`. Needs no database."""

import statistics
import time

from django.core.management.base import BaseCommand

from providers.pdf import harfbuzz_subset_available, render_pdf
from providers.pdf_samples import sample_certificate_context

TEMPLATE = "providers/pdf/certificate.html"


class Command(BaseCommand):
    help = "Render the staff certificate PDF (11 districts) repeatedly and print the timings."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="number of renders (default 20)")

    def handle(self, *args, runs, **options):
        context = sample_certificate_context("staff")
        durations_ms = []
        for _ in range(max(runs, 1)):
            started = time.perf_counter()
            pdf = render_pdf(TEMPLATE, context)
            durations_ms.append((time.perf_counter() - started) * 1000)

        # The first render builds the shared font configuration; the others show the steady state.
        steady = durations_ms[1:] or durations_ms
        p90 = statistics.quantiles(steady, n=10, method="inclusive")[-1] if len(steady) > 1 else steady[0]
        self.stdout.write(f"renders:            {len(durations_ms)}")
        self.stdout.write(f"first render:       {durations_ms[0]:.0f} ms")
        self.stdout.write(f"median (after 1st): {statistics.median(steady):.0f} ms")
        self.stdout.write(f"p90 (after 1st):    {p90:.0f} ms")
        self.stdout.write(f"PDF size:           {len(pdf) / 1024:.0f} KB")
        self.stdout.write(
            f"harfbuzz-subset:    {'available' if harfbuzz_subset_available() else 'MISSING (slow)'}"
        )
