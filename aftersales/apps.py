from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AftersalesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "aftersales"
    verbose_name = _("After-sales")

    def ready(self):
        # Permissions exist only after migrate, so the group is completed after every app has migrated.
        post_migrate.connect(ensure_operators_group, dispatch_uid="aftersales.ensure_operators_group")


def ensure_operators_group(**kwargs):
    from django.contrib.auth.models import Group, Permission

    from .permissions import OPERATORS_GROUP

    group, _created = Group.objects.get_or_create(name=OPERATORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="aftersales", codename="operate_aftersales"),
        *Permission.objects.filter(content_type__app_label="providers", codename="review_provider"),
    )
