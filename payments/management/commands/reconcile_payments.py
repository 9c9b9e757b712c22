from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from payments import services, statements
from payments.gateways import available_channels
from payments.models import Payment
from payments.statement_views import DayForm


class Command(BaseCommand):
    help = (
        "Ask the gateways about every payment created on a day (Beijing time; default yesterday) and record "
        "each disagreement with our records as a discrepancy for the operators. Exits 0 whether or not it "
        "finds any, so that a cron job only fails when the run itself does. Run it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", dest="day", default="", help="The day, as YYYY-MM-DD (default: yesterday)."
        )

    def handle(self, *args, day="", **options):
        day = self.parse_day(day) if day else statements.default_day()
        start, end = statements.day_bounds(day)
        created = Payment.objects.filter(created_at__gte=start, created_at__lt=end)
        channels = available_channels()
        payments = list(
            created.filter(channel__in=channels).select_related("booking").order_by("created_at", "pk")
        )
        by_id = {payment.pk: payment for payment in payments}
        found = services.reconcile(payments)
        for discrepancy in found:
            payment = by_id[discrepancy.payment_id]
            line = _("%(trade)s (order %(order)s, %(channel)s): ours “%(ours)s”, gateway “%(gateway)s”") % {
                "trade": payment.out_trade_no,
                "order": payment.booking.number,
                "channel": payment.channel,
                "ours": discrepancy.ours,
                "gateway": discrepancy.gateway,
            }
            self.stdout.write(f"{line} — {discrepancy.detail}" if discrepancy.detail else line)
        # Payments of a channel not configured here cannot be queried; say so rather than pass over them.
        skipped = created.exclude(channel__in=channels).count()
        self.stdout.write(
            _(
                "%(day)s: payments checked: %(checked)d; discrepancies: %(found)d; "
                "skipped (channel not configured here): %(skipped)d."
            )
            % {"day": f"{day:%Y-%m-%d}", "checked": len(payments), "found": len(found), "skipped": skipped}
        )

    @staticmethod
    def parse_day(value):
        form = DayForm({"day": value})
        if not form.is_valid():
            raise CommandError("--date: " + " ".join(form.errors["day"]))
        return form.cleaned_data["day"]
