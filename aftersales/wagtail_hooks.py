"""The operators' "After-sales" menu in the Wagtail admin; the screens are in aftersales.admin_views."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .admin_views import NAMESPACE, urlpatterns
from .permissions import OPERATE, can_operate


@hooks.register("register_admin_urls")
def register_aftersales_urls():
    return [path("aftersales/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


@hooks.register("register_permissions")
def register_aftersales_permission():
    # Lets administrators give the operators' permission to another group in Wagtail's group editor.
    app_label, codename = OPERATE.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


class OperatorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_operate(request.user)


@hooks.register("register_admin_menu_item")
def register_aftersales_menu():
    entries = [
        (_("Complaints"), reverse_lazy(f"{NAMESPACE}:complaints"), "complaints", "warning"),
        (
            _("Overdue complaints"),
            format_lazy("{}?overdue=true", reverse_lazy(f"{NAMESPACE}:complaints")),
            "overdue-complaints",
            "time",
        ),
        (_("Compensation claims"), reverse_lazy(f"{NAMESPACE}:claims"), "claims", "tag"),
        (_("Claims per provider"), reverse_lazy(f"{NAMESPACE}:claim_totals"), "claim-totals", "table"),
        (_("Reviews"), reverse_lazy(f"{NAMESPACE}:reviews"), "reviews", "comment"),
        (_("Feedback"), reverse_lazy(f"{NAMESPACE}:feedback_list"), "feedback", "mail"),
    ]
    items = [
        OperatorMenuItem(label, link, name=name, icon_name=icon, order=100 * position)
        for position, (label, link, name, icon) in enumerate(entries, start=1)
    ]
    return SubmenuMenuItem(
        _("After-sales"), Menu(items=items), name="aftersales", icon_name="clipboard-list", order=270
    )
