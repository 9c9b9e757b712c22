from django.core.management.base import BaseCommand

from aftersales.selectors import complaint_queue
from aftersales.services import close_unanswered_complaints


class Command(BaseCommand):
    help = (
        "Close resolved complaints whose customer neither confirmed nor reopened them within "
        "AFTERSALES_CONFIRM_DAYS, and report how many complaints are past a time limit. Run it hourly."
    )

    def handle(self, *args, **options):
        closed = close_unanswered_complaints()
        overdue = complaint_queue(overdue=True).count()
        self.stdout.write(
            f"Closed {closed} resolved complaints left unanswered; {overdue} complaints are overdue."
        )
