"""Time the staff certificate PDF: `manage.py bench_certificate_pdf --runs 20`. Needs no database."""

import statistics
import time
from datetime import date
from types import SimpleNamespace

from django.core.management.base import BaseCommand

from providers.pdf import harfbuzz_subset_available, qr_svg_data_uri, render_pdf

TEMPLATE = "providers/pdf/certificate.html"
NUMBER = "SMC-7KQ2-M9XD-4TZP"
JINING_DISTRICTS = [
    ("任城区", "Rencheng"),
    ("兖州区", "Yanzhou"),
    ("曲阜市", "Qufu"),
    ("邹城市", "Zoucheng"),
    ("微山县", "Weishan"),
    ("鱼台县", "Yutai"),
    ("金乡县", "Jinxiang"),
    ("嘉祥县", "Jiaxiang"),
    ("汶上县", "Wenshang"),
    ("泗水县", "Sishui"),
    ("梁山县", "Liangshan"),
]
CATEGORIES = [
    ("家政保洁", "Housekeeping & Cleaning"),
    ("家电维修", "Appliance Repair"),
    ("管道疏通", "Plumbing & Drain Clearing"),
    ("母婴护理", "Maternity & Infant Care"),
]
QUALIFICATIONS = [
    ("家政服务员（高级）", "Domestic Service Worker (Senior)"),
    ("育婴员（四级）", "Childcare Worker (Level 4)"),
]


def bilingual(pairs):
    return [{"zh": zh, "en": en} for zh, en in pairs]


def staff_certificate_context():
    verify_url = f"http://127.0.0.1:8000/verify/{NUMBER}/"
    certificate = SimpleNamespace(
        number=NUMBER,
        kind="staff",
        holder_name="王堃喆",
        holder_name_en="",
        provider_name="济宁市任城区洁美家政服务有限公司",
        uscc="",
        categories=bilingual(CATEGORIES),
        districts=bilingual(JINING_DISTRICTS),
        qualifications=bilingual(QUALIFICATIONS),
        valid_from=date(2025, 11, 22),
        valid_until=date(2026, 11, 21),
        issued_on=date(2025, 11, 22),
    )
    return {"certificate": certificate, "verify_url": verify_url, "qr_data_uri": qr_svg_data_uri(verify_url)}


class Command(BaseCommand):
    help = "Render the staff certificate PDF (11 districts) repeatedly and print the timings."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="number of renders (default 20)")

    def handle(self, *args, runs, **options):
        context = staff_certificate_context()
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
