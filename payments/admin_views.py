"""Wagtail admin for operators: read-only listings of payments, refunds, gateway notifications and
discrepancies, marking a discrepancy resolved, and the daily statements of every provider with exports.

Superusers and users with ``payments.view_payment`` (grantable to a group in Wagtail's group editor) get in;
anyone else with admin access gets 403. Nothing here creates, edits or deletes a payment or a refund: money
changes only through payments.services. Wagtail's model permission policy is replaced by that one check.
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.db.models import F
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput, BooleanRadioSelect

from accounts.admin_access import PlatformRoleRequiredMixin
from cms.templatetags.cms_tags import yuan
from providers.models import Provider
from providers.selectors import LOCAL_TIME

from . import reconciliation, statements
from .models import Channel, Discrepancy, NotificationRecord, Payment, Refund
from .statement_views import (
    BAD_REQUEST,
    DayForm,
    chosen_day,
    day_from_url,
    export_response,
    require_format,
)

VIEW_PAYMENTS = "payments.view_payment"
PER_PAGE = 50


def can_view_payments(user) -> bool:
    """Operators: a model-wide permission (superusers have every permission)."""
    return user.is_authenticated and user.has_perm(VIEW_PAYMENTS)


def field_label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


class OperatorRequiredMixin(PlatformRoleRequiredMixin):
    """Payment operators only."""

    def user_may_enter(self, user):
        return can_view_payments(user)


# Columns ---------------------------------------------------------------------------------------------------


class LocalTimeColumn(Column):
    """An exact Beijing time: audits compare it with the gateway's records, not "3 hours ago"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return f"{timezone.localtime(value, LOCAL_TIME):%Y-%m-%d %H:%M:%S}" if value else ""


class MoneyColumn(Column):
    def get_value(self, instance):
        return yuan(super().get_value(instance))


def payment_search_url(out_trade_no):
    return f"{reverse('payments_payments:index')}?{urlencode({'q': out_trade_no})}"


class PaymentLinkColumn(Column):
    """The payment's trade number, linking to the payments listing searched for it."""

    cell_template_name = "payments/admin/link_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = payment_search_url(context["raw_value"])
        return context


class ResolveColumn(Column):
    cell_template_name = "payments/admin/resolve_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Cells are rendered without the request's context processors, so the form gets its token here.
        context["csrf_token"] = get_token(parent_context["request"])
        context["url"] = reverse("payments_discrepancies:resolve", args=[instance.pk])
        return context


def choice_filter(label, choices):
    return django_filters.ChoiceFilter(
        label=label, choices=choices, empty_label=gettext_lazy("All"), widget=forms.RadioSelect
    )


def date_filter(label):
    # Days of the admin user's time zone, Asia/Shanghai unless they chose another in their profile.
    return django_filters.DateFromToRangeFilter(label=label, widget=DateRangePickerWidget)


# Listings --------------------------------------------------------------------------------------------------


class OperatorIndexView(OperatorRequiredMixin, IndexView):
    search_backend_name = None
    paginate_by = PER_PAGE

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class PaymentFilterSet(WagtailFilterSet):
    channel = choice_filter(field_label(Payment, "channel"), Channel.choices)
    status = choice_filter(field_label(Payment, "status"), Payment.Status.choices)
    created_at = date_filter(field_label(Payment, "created_at"))

    class Meta:
        model = Payment
        fields = ["channel", "status", "created_at"]


class PaymentIndexView(OperatorIndexView):
    page_title = gettext_lazy("All payments")
    search_fields = ["out_trade_no", "booking__number"]
    filterset_class = PaymentFilterSet
    default_ordering = "-created_at"
    columns = [
        Column("out_trade_no", label=field_label(Payment, "out_trade_no")),
        Column("order", label=gettext_lazy("Order number"), accessor="booking.number"),
        Column("provider", label=gettext_lazy("Provider"), accessor="booking.provider.name"),
        Column("channel", label=field_label(Payment, "channel"), accessor="get_channel_display"),
        MoneyColumn("amount", label=gettext_lazy("Amount"), sort_key="amount"),
        MoneyColumn("refunded_amount", label=gettext_lazy("Refunded")),
        StatusTagColumn(
            "status",
            label=field_label(Payment, "status"),
            accessor="get_status_display",
            primary=lambda payment: payment.status == Payment.Status.PAID,
        ),
        LocalTimeColumn("created_at", label=field_label(Payment, "created_at"), sort_key="created_at"),
        LocalTimeColumn("paid_at", label=field_label(Payment, "paid_at"), sort_key="paid_at"),
        Column("transaction_id", label=field_label(Payment, "transaction_id")),
    ]

    def get_base_queryset(self):
        return Payment.objects.select_related("booking__provider")


class RefundFilterSet(WagtailFilterSet):
    status = choice_filter(field_label(Refund, "status"), Refund.Status.choices)
    kind = choice_filter(field_label(Refund, "kind"), Refund.Kind.choices)
    created_at = date_filter(field_label(Refund, "created_at"))

    class Meta:
        model = Refund
        fields = ["status", "kind", "created_at"]


class RefundIndexView(OperatorIndexView):
    page_title = capfirst(Refund._meta.verbose_name_plural)
    search_fields = ["out_refund_no", "payment__out_trade_no", "payment__booking__number"]
    filterset_class = RefundFilterSet
    default_ordering = "-created_at"
    columns = [
        Column("out_refund_no", label=field_label(Refund, "out_refund_no")),
        PaymentLinkColumn("payment", label=gettext_lazy("Payment"), accessor="payment.out_trade_no"),
        Column("order", label=gettext_lazy("Order number"), accessor="payment.booking.number"),
        Column("kind", label=field_label(Refund, "kind"), accessor="get_kind_display"),
        MoneyColumn("amount", label=gettext_lazy("Amount"), sort_key="amount"),
        StatusTagColumn(
            "status",
            label=field_label(Refund, "status"),
            accessor="get_status_display",
            primary=lambda refund: refund.status == Refund.Status.SUCCEEDED,
        ),
        Column("reason", label=field_label(Refund, "reason")),
        Column("failure", label=field_label(Refund, "failure")),
        Column("requested_by", label=gettext_lazy("Requested by"), accessor="requested_by"),
        LocalTimeColumn("created_at", label=field_label(Refund, "created_at"), sort_key="created_at"),
        LocalTimeColumn("succeeded_at", label=field_label(Refund, "succeeded_at"), sort_key="succeeded_at"),
    ]

    def get_base_queryset(self):
        return Refund.objects.select_related("payment__booking", "requested_by")


class NotificationFilterSet(WagtailFilterSet):
    outcome = choice_filter(field_label(NotificationRecord, "outcome"), NotificationRecord.Outcome.choices)
    channel = choice_filter(field_label(NotificationRecord, "channel"), Channel.choices)
    received_at = date_filter(field_label(NotificationRecord, "received_at"))

    class Meta:
        model = NotificationRecord
        fields = ["outcome", "channel", "received_at"]


class NotificationIndexView(OperatorIndexView):
    """Every call to the notification endpoint, forged and replayed ones included: the audit log."""

    page_title = capfirst(NotificationRecord._meta.verbose_name_plural)
    search_fields = ["reference"]
    filterset_class = NotificationFilterSet
    default_ordering = "-received_at"
    columns = [
        LocalTimeColumn(
            "received_at", label=field_label(NotificationRecord, "received_at"), sort_key="received_at"
        ),
        Column("channel", label=field_label(NotificationRecord, "channel"), accessor="get_channel_display"),
        Column("kind", label=field_label(NotificationRecord, "kind")),
        StatusTagColumn(
            "outcome",
            label=field_label(NotificationRecord, "outcome"),
            accessor="get_outcome_display",
            primary=lambda record: record.outcome == NotificationRecord.Outcome.REJECTED,
        ),
        Column("reason", label=field_label(NotificationRecord, "reason")),
        Column("reference", label=field_label(NotificationRecord, "reference")),
        Column("remote_addr", label=field_label(NotificationRecord, "remote_addr")),
    ]


class DiscrepancyFilterSet(WagtailFilterSet):
    open = django_filters.BooleanFilter(
        label=gettext_lazy("Still open"),
        field_name="resolved_at",
        lookup_expr="isnull",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Discrepancy
        fields = ["open"]


class DiscrepancyIndexView(OperatorIndexView):
    page_title = capfirst(Discrepancy._meta.verbose_name_plural)
    search_fields = ["payment__out_trade_no", "payment__booking__number"]
    filterset_class = DiscrepancyFilterSet
    columns = [
        PaymentLinkColumn("payment", label=gettext_lazy("Payment"), accessor="payment.out_trade_no"),
        Column("order", label=gettext_lazy("Order number"), accessor="payment.booking.number"),
        Column("provider", label=gettext_lazy("Provider"), accessor="payment.booking.provider.name"),
        Column("channel", label=field_label(Payment, "channel"), accessor="payment.get_channel_display"),
        Column("ours", label=field_label(Discrepancy, "ours")),
        Column("gateway", label=field_label(Discrepancy, "gateway")),
        Column("detail", label=field_label(Discrepancy, "detail")),
        LocalTimeColumn("found_at", label=field_label(Discrepancy, "found_at"), sort_key="found_at"),
        LocalTimeColumn("resolved_at", label=field_label(Discrepancy, "resolved_at"), sort_key="resolved_at"),
        ResolveColumn("resolve", label=""),
    ]

    def get_base_queryset(self):
        # Open ones first (no default_ordering, so this stays unless a column header is clicked).
        return Discrepancy.objects.select_related("payment__booking__provider").order_by(
            F("resolved_at").desc(nulls_first=True), "-found_at"
        )


class ResolveDiscrepancyView(OperatorRequiredMixin, View):
    def get(self, request, pk):
        return redirect("payments_discrepancies:index")

    def post(self, request, pk):
        discrepancy = get_object_or_404(Discrepancy.objects.select_related("payment"), pk=pk)
        if reconciliation.resolve_discrepancy(discrepancy, actor=request.user):
            messages.success(
                request,
                _("The discrepancy of %(payment)s is marked resolved.") % {"payment": discrepancy.payment},
            )
        else:
            messages.warning(request, _("This discrepancy was already resolved."))
        return redirect("payments_discrepancies:index")


# Daily statements ------------------------------------------------------------------------------------------


class AdminDayForm(DayForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].widget = AdminDateInput(format="%Y-%m-%d")


class StatementsView(OperatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The day's totals per provider, with the overview's and each provider's statement as CSV or XLSX."""

    template_name = "payments/admin/statements.html"
    page_title = gettext_lazy("Daily statements")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request):
        form, day = chosen_day(request, AdminDayForm)
        overview = statements.daily_overview(day) if day else None
        context = self.get_context_data(
            form=form, overview=overview, formats=list(statements.EXPORT_CONTENT_TYPES)
        )
        return self.render_to_response(context, status=BAD_REQUEST if overview is None else 200)


class OverviewExportView(OperatorRequiredMixin, View):
    def get(self, request, day, fmt):
        require_format(fmt)
        day, bad_request = day_from_url(day)
        if bad_request is not None:
            return bad_request
        overview = statements.daily_overview(day)
        return export_response(statements.overview_dataset(overview), fmt, f"statements-{day:%Y%m%d}")


class ProviderExportView(OperatorRequiredMixin, View):
    def get(self, request, day, provider_id, fmt):
        require_format(fmt)
        provider = get_object_or_404(Provider, pk=provider_id)
        day, bad_request = day_from_url(day)
        if bad_request is not None:
            return bad_request
        statement = statements.provider_statement(provider, day)
        return export_response(
            statements.statement_dataset(statement), fmt, f"statement-{provider.pk}-{day:%Y%m%d}"
        )


statement_urlpatterns = [
    path("", StatementsView.as_view(), name="index"),
    path("<str:day>.<slug:fmt>", OverviewExportView.as_view(), name="overview_export"),
    path("<str:day>/<int:provider_id>.<slug:fmt>", ProviderExportView.as_view(), name="provider_export"),
]


# Viewsets --------------------------------------------------------------------------------------------------


class ReadOnlyViewSet(ModelViewSet):
    """An index (and its results fragment) only: no add, edit, delete, copy, history or inspect views."""

    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = None

    def get_common_view_kwargs(self, **kwargs):
        return {"model": self.model, "header_icon": self.icon, **kwargs}

    def listing(self, results_only=False):
        return self.construct_view(
            self.index_view_class,
            index_url_name=self.get_url_name("index"),
            index_results_url_name=self.get_url_name("index_results"),
            results_only=results_only,
        )

    def get_urlpatterns(self):
        return [
            path("", self.listing(), name="index"),
            path("results/", self.listing(results_only=True), name="index_results"),
        ]

    def register_admin_url_finder(self):
        # There is no edit view to point to.
        pass

    def get_permissions_to_register(self):
        # The one permission of this admin (payments.view_payment) is registered by the payments viewset.
        return Permission.objects.none()


class PaymentViewSet(ReadOnlyViewSet):
    model = Payment
    name = "payments_payments"
    url_prefix = "payments/payments"
    icon = "list-ul"
    index_view_class = PaymentIndexView

    def get_permissions_to_register(self):
        # Lets administrators give operators access in Wagtail's group editor.
        app_label, codename = VIEW_PAYMENTS.split(".")
        return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


class RefundViewSet(ReadOnlyViewSet):
    model = Refund
    name = "payments_refunds"
    url_prefix = "payments/refunds"
    icon = "arrow-left"
    index_view_class = RefundIndexView


class NotificationViewSet(ReadOnlyViewSet):
    model = NotificationRecord
    name = "payments_notifications"
    url_prefix = "payments/notifications"
    icon = "mail"
    index_view_class = NotificationIndexView


class DiscrepancyViewSet(ReadOnlyViewSet):
    model = Discrepancy
    name = "payments_discrepancies"
    url_prefix = "payments/discrepancies"
    icon = "warning"
    index_view_class = DiscrepancyIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/resolve/", ResolveDiscrepancyView.as_view(), name="resolve"),
        ]


VIEWSETS = [PaymentViewSet(), RefundViewSet(), NotificationViewSet(), DiscrepancyViewSet()]
