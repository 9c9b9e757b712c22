from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from aftersales.demo import load_aftersales
from aftersales.permissions import OPERATORS_GROUP
from booking.demo import load_bookings
from cms.demo import load_catalog
from payments.demo import pay_in_sandbox, record_past_payments
from providers.demo import load_providers
from providers.permissions import REVIEWERS_GROUP

DEMO_PASSWORD = "shangmen-demo"


class Command(BaseCommand):
    help = "Load the demo catalog and demo accounts (development only; safe to run again)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is disabled in these settings (DEMO_DATA_ALLOWED is False).")
        admin = self._admin()
        loaded = [
            ("catalog", load_catalog(user=admin)),
            ("providers", load_providers()),
            ("orders", load_bookings(pay=pay_in_sandbox)),
            ("past payments", bool(record_past_payments())),
            ("after-sales", load_aftersales()),
        ]
        for part, created in loaded:
            self.stdout.write(f"Demo {part}: {'loaded' if created else 'already present, left as it is'}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo accounts (password {DEMO_PASSWORD}):\n"
                "  admin        superuser and editor, platform reviewer, after-sales operator — /admin/\n"
                "  13800000003  provider administrator (济宁孔孟之乡家政服务有限公司) — /zh-hans/accounts/login/\n"
                "  13800000002  staff member of the same provider — /zh-hans/staff/me/\n"
                "  13800000001  customer with orders in every state — /zh-hans/orders/\n"
                "  13800000004  another customer — /zh-hans/orders/"
            )
        )

    def _admin(self):
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={
                "is_staff": True,
                "is_superuser": True,
                "email": "admin@shangmen.invalid",
                "first_name": "演示",
                "last_name": "编辑",
            },
        )
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        admin.groups.add(
            *Group.objects.filter(name__in=["Editors", "Moderators", REVIEWERS_GROUP, OPERATORS_GROUP])
        )
        return admin
