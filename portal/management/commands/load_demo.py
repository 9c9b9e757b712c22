from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from cms.demo import load_catalog

DEMO_PASSWORD = "shangmen-demo"


class Command(BaseCommand):
    help = "Load the demo catalog and demo accounts (development only; safe to run again)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is disabled in these settings (DEMO_DATA_ALLOWED is False).")
        admin = self._admin()
        created = load_catalog(user=admin)
        self.stdout.write(
            "Demo catalog loaded." if created else "Demo catalog already present; left as it is."
        )
        self.stdout.write(
            self.style.SUCCESS(f"Editor and superuser: admin / {DEMO_PASSWORD}  (sign in at /admin/)")
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
        admin.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
        return admin
