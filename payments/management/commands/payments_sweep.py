import time

from django.core.management.base import BaseCommand

from payments.services import sweep


class Command(BaseCommand):
    help = (
        "Query the gateways about payments still open (lost notifications), cancel orders left unpaid past "
        "their payment window and free their time, and retry refunds not yet accepted. Run it every minute "
        "(cron or a systemd timer), or keep it running with --every."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds until stopped.")

    def handle(self, *args, every=0, **options):
        while True:
            counts = sweep()
            self.stdout.write(
                "Queried {queried} open payments, cancelled {expired} unpaid orders, "
                "retried {refunds_retried} refunds.".format(**counts)
            )
            if every <= 0:
                return
            time.sleep(every)
