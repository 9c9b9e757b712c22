"""Load test of the API: requests/s and p95 of the services list beside a bare DRF view, in one run.

Starts gunicorn (2 workers by default) on this database and drives it with wrk, which must be installed
(Debian: apt-get install wrk). Throttling is lifted for the run; nothing is written to the database."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

# wrk reports p50/p75/p90/p99 only; this script prints the percentiles we publish, in microseconds.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("P50_US=%d\\nP95_US=%d\\nP99_US=%d\\nREQUESTS=%d\\nERRORS=%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout))
end
"""
TARGETS = [
    ("GET /api/v1/services/?page_size=20", "/api/v1/services/?page_size=20"),
    ("GET /api/v1/health/ (bare DRF view)", "/api/v1/health/"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Command(BaseCommand):
    help = "Measure requests/s and p95 latency of GET /api/v1/services/ and of a bare DRF view under wrk."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, seconds, connections, threads, workers, **options):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed (Debian: apt-get install wrk).")
        self.stdout.write(
            f"database: {connection.vendor}; gunicorn {workers} workers; wrk {threads} threads, "
            f"{connections} connections, {seconds} s per target"
        )
        port = _free_port()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.dev"),
            # As in production: no debug, persistent database connections.
            "DJANGO_DEBUG": "0",
            "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
            "API_THROTTLE_ANON": "100000000/min",
            "API_THROTTLE_USER": "100000000/min",
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=settings.BASE_DIR,
            env=environment,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            self._wait_until_up(base)
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
                script.write(WRK_REPORT)
            for label, path in TARGETS:
                self._warm_up(base + path)
                self._measure(label, base + path, script.name, seconds, connections, threads)
            os.unlink(script.name)
        finally:
            server.terminate()
            server.wait(timeout=30)

    def _wait_until_up(self, base):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/api/v1/health/", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise CommandError("gunicorn did not start within 60 s.")

    def _warm_up(self, url):
        with urllib.request.urlopen(url, timeout=30) as response:
            if response.status != 200:
                raise CommandError(f"{url} answered {response.status}.")

    def _measure(self, label, url, script, seconds, connections, threads):
        result = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "-s",
                script,
                "-H",
                "Accept-Language: zh-hans",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = dict(re.findall(r"^([A-Z0-9_]+)=(\d+)$", result.stdout, re.MULTILINE))
        rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1)
        self.stdout.write(
            f"{label}: {float(rate):.1f} requests/s, p50 {int(figures['P50_US']) / 1000:.1f} ms, "
            f"p95 {int(figures['P95_US']) / 1000:.1f} ms, p99 {int(figures['P99_US']) / 1000:.1f} ms, "
            f"{figures['REQUESTS']} requests, {figures['ERRORS']} errors"
        )
