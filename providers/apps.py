from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "providers"
    verbose_name = _("Providers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Permissions exist only after migrate (Wagtail's come after ours), so this runs after every app.
        post_migrate.connect(ensure_reviewers_group, dispatch_uid="providers.ensure_reviewers_group")


def ensure_reviewers_group(**kwargs):
    from django.contrib.auth.models import Group, Permission

    from .permissions import REVIEWERS_GROUP

    group, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="providers", codename="review_provider"),
    )
