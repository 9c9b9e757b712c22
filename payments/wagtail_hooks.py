"""The operators' "Payments" menu in the Wagtail admin; the screens are in payments.admin_views."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .admin_views import VIEWSETS, can_view_payments, statement_urlpatterns
from .reconciliation import RESOLVE_ACTION


@hooks.register("register_admin_viewset")
def register_payment_viewsets():
    return VIEWSETS


@hooks.register("register_admin_urls")
def register_statement_urls():
    return [
        path(
            "payments/statements/",
            include((statement_urlpatterns, "payments_statements"), namespace="payments_statements"),
        )
    ]


@hooks.register("register_log_actions")
def register_payment_log_actions(actions):
    actions.register_action(RESOLVE_ACTION, _("Resolve discrepancy"), _("Discrepancy marked resolved"))


class OperatorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_payments(request.user)


@hooks.register("register_admin_menu_item")
def register_payments_menu():
    items = [
        OperatorMenuItem(
            viewset.index_view_class.page_title,
            reverse_lazy(viewset.get_url_name("index")),
            name=viewset.name,
            icon_name=viewset.icon,
            order=100 * position,
        )
        for position, viewset in enumerate(VIEWSETS, start=1)
    ]
    items.append(
        OperatorMenuItem(
            _("Daily statements"),
            reverse_lazy("payments_statements:index"),
            name="daily-statements",
            icon_name="table",
            order=100 * (len(items) + 1),
        )
    )
    return SubmenuMenuItem(_("Payments"), Menu(items=items), name="payments", icon_name="table", order=260)
