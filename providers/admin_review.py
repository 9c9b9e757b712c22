"""Wagtail admin for platform reviewers: the review queue, all providers, expiring papers, and a provider's
review page with its decisions, quality actions and background checks.

Every view answers 403 unless ``providers.permissions.can_review`` says yes; Wagtail's own model
permissions are not consulted. Status only ever changes through ``services.change_status``.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, Table, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.admin_access import PlatformRoleRequiredMixin
from accounts.services import record_personal_data_access
from cms.models import District

from . import selectors, services
from .models import (
    ACTIVE_PROVIDER_STATUSES,
    Certificate,
    Provider,
    ProviderDocument,
    ProviderEvent,
    ServiceOffer,
    Staff,
    StaffCertificate,
)
from .permissions import REVIEW, can_review

NAMESPACE = "provider_review"
REVIEW_WITHIN_DAYS = 30

# What a reviewer can do, in the order the buttons appear; the service decides whether it is allowed.
ACTION_BUTTONS = {
    "start_review": _("Start review"),
    "approve": _("Approve"),
    "request_more": _("Request more papers"),
    "reject": _("Reject"),
    "warn": _("Warn"),
    "clear_warning": _("Clear the warning"),
    "suspend": _("Suspend"),
    "reinstate": _("Reinstate"),
    "revoke": _("Revoke"),
}
REVIEW_ACTIONS = list(ACTION_BUTTONS)
SERIOUS_ACTIONS = {"reject", "suspend", "revoke"}

# How each kind of history entry reads ("<actor> <label>"); unknown codes are shown as they are.
EVENT_LABELS = {
    "created": _("started the application"),
    "updated": _("changed the application"),
    "submit": _("submitted the application"),
    "start_review": _("started the review"),
    "approve": _("certified the provider"),
    "reject": _("rejected the application"),
    "request_more": _("asked for more papers"),
    "warn": _("issued a warning"),
    "clear_warning": _("cleared the warning"),
    "suspend": _("suspended the provider"),
    "reinstate": _("reinstated the provider"),
    "revoke": _("revoked the certification"),
    "paper_uploaded": _("uploaded a paper"),
    "paper_removed": _("removed a paper"),
    "staff_added": _("added a staff member"),
    "staff_updated": _("changed a staff member"),
    "staff_left": _("recorded that a staff member left"),
    "quality_warning_confirmed": _("confirmed a quality warning"),
    "quality_warning_dismissed": _("dismissed a quality warning"),
}


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def field_label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


# Access ----------------------------------------------------------------------------------------------------


class ReviewerRequiredMixin(PlatformRoleRequiredMixin):
    """Platform reviewers only."""

    def user_may_enter(self, user):
        return can_review(user)


# Listings --------------------------------------------------------------------------------------------------


def _categories(provider):
    return "、".join(category.title for category in provider.categories.all())


def _districts(provider):
    return "、".join(district.name for district in provider.districts.all())


def _provider_columns():
    return [
        TitleColumn(
            "legal_name_zh",
            label=field_label(Provider, "legal_name_zh"),
            sort_key="legal_name_zh",
            get_url=lambda provider: url("inspect", provider.pk),
        ),
        Column("uscc", label=_("USCC"), sort_key="uscc"),
        Column("kind", label=field_label(Provider, "kind"), accessor="get_kind_display"),
        StatusTagColumn(
            "status",
            label=field_label(Provider, "status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda provider: provider.status in ACTIVE_PROVIDER_STATUSES,
        ),
        DateColumn("created_at", label=field_label(Provider, "created_at"), sort_key="created_at"),
        Column("categories", label=field_label(Provider, "categories"), accessor=_categories),
    ]


class QueueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(status.value, status.label) for status in selectors.REVIEW_QUEUE_STATUSES],
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Provider
        fields = ["status"]


class ProviderFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Provider.Status.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    districts = django_filters.ModelChoiceFilter(
        label=_("District"), field_name="districts", queryset=District.objects.select_related("city")
    )

    class Meta:
        model = Provider
        fields = ["status", "districts"]


class ReviewQueueView(ReviewerRequiredMixin, IndexView):
    """Applied and under-review providers, longest waiting first."""

    page_title = _("Review queue")
    search_fields = ["legal_name_zh", "legal_name_en", "uscc"]
    search_backend_name = None
    paginate_by = 50
    filterset_class = QueueFilterSet
    columns = _provider_columns()

    def get_base_queryset(self):
        return selectors.review_queue().prefetch_related("categories")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class AllProvidersView(ReviewQueueView):
    page_title = _("All providers")
    filterset_class = ProviderFilterSet
    columns = [
        *_provider_columns(),
        Column("districts", label=field_label(Provider, "districts"), accessor=_districts),
    ]

    def get_base_queryset(self):
        return Provider.objects.order_by("legal_name_zh").prefetch_related("categories", "districts")


class DayColumn(Column):
    """A calendar date as 2026-07-01: papers expire on a day, not "3 days, 7 hours ago"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "Y-m-d") if value else ""


class DaysLeftColumn(Column):
    """Days until ``expires_on``; negative means already expired and is shown in red."""

    cell_template_name = "providers/admin/days_left_cell.html"

    def get_value(self, instance):
        return (instance.expires_on - timezone.localdate()).days


class ExpiringPapersView(ReviewerRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "providers/admin/expiring_papers.html"
    page_title = _("Expiring papers")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        papers = Table(
            [
                TitleColumn(
                    "provider",
                    label=_("Provider"),
                    accessor="provider.legal_name_zh",
                    get_url=lambda document: url("inspect", document.provider_id),
                ),
                Column("kind", label=field_label(ProviderDocument, "kind"), accessor="get_kind_display"),
                DayColumn("expires_on", label=field_label(ProviderDocument, "expires_on")),
                DaysLeftColumn("days_left", label=_("Days left")),
            ],
            list(selectors.expiring_papers(REVIEW_WITHIN_DAYS)),
            caption=_("Provider papers"),
        )
        certificates = Table(
            [
                TitleColumn(
                    "provider",
                    label=_("Provider"),
                    accessor="staff.provider.legal_name_zh",
                    get_url=lambda certificate: url("inspect", certificate.staff.provider_id),
                ),
                Column("staff", label=_("Staff member"), accessor="staff.real_name"),
                Column("qualification", label=_("Certificate"), accessor="qualification.name"),
                Column("number", label=field_label(StaffCertificate, "number")),
                DayColumn("expires_on", label=field_label(StaffCertificate, "expires_on")),
                DaysLeftColumn("days_left", label=_("Days left")),
            ],
            list(selectors.expiring_staff_certificates(REVIEW_WITHIN_DAYS)),
            caption=_("Staff certificates"),
        )
        context.update(papers=papers, certificates=certificates, within_days=REVIEW_WITHIN_DAYS)
        return context


# One provider ----------------------------------------------------------------------------------------------


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the provider will see it)"), required=False, widget=forms.Textarea
    )


class BackgroundCheckForm(forms.Form):
    background_check = forms.ChoiceField(
        label=field_label(Staff, "background_check"),
        choices=[
            (choice.value, choice.label)
            for choice in (Staff.BackgroundCheck.PASSED, Staff.BackgroundCheck.FAILED)
        ],
    )
    background_checked_on = forms.DateField(
        label=field_label(Staff, "background_checked_on"),
        # An <input type="date"> wants ISO dates whatever the admin language's date format is.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_background_checked_on(self):
        checked_on = self.cleaned_data["background_checked_on"]
        if checked_on > timezone.localdate():
            raise forms.ValidationError(_("The check date cannot be in the future."))
        return checked_on


def document_url(document):
    """The permission-checked download; only the name if the portal does not serve papers (yet)."""
    try:
        return reverse("providers:document", args=[document.pk])
    except NoReverseMatch:
        return ""


def event_label(action):
    return EVENT_LABELS.get(action, action)


def beijing_time(moment):
    return date_format(localtime(moment, selectors.LOCAL_TIME), "Y-m-d H:i") if moment else "—"


def company_facts(provider):
    """(label, value) rows for the company panel, labelled with the model's own (translated) names."""
    rows = [
        (name, getattr(provider, name))
        for name in ("legal_name_zh", "legal_name_en", "uscc", "legal_representative", "contact_name")
    ]
    rows.insert(2, ("kind", provider.get_kind_display()))
    rows += [
        ("contact_phone", provider.contact_phone),
        ("registered_address", provider.registered_address),
        ("categories", "、".join(category.title for category in provider.categories.all())),
        ("districts", "、".join(district.name for district in provider.districts.all())),
        ("created_at", beijing_time(provider.created_at)),
        ("certified_at", beijing_time(provider.certified_at)),
        (
            "papers_valid_until",
            date_format(provider.papers_valid_until, "Y-m-d") if provider.papers_valid_until else "—",
        ),
    ]
    return [
        {"name": name, "label": field_label(Provider, name), "value": value or "—"} for name, value in rows
    ]


def table_labels():
    return {
        "paper": field_label(ProviderDocument, "kind"),
        "file": field_label(ProviderDocument, "file"),
        "valid_until": field_label(ProviderDocument, "expires_on"),
        "real_name": field_label(Staff, "real_name"),
        "id_number": field_label(Staff, "id_number"),
        "phone": field_label(get_user_model(), "phone"),
        "background_check": field_label(Staff, "background_check"),
        "status": field_label(Provider, "status"),
        "offered": field_label(ServiceOffer, "is_active"),
        "number": field_label(Certificate, "number"),
        "certificate_kind": field_label(Certificate, "kind"),
        "valid_from": field_label(Certificate, "valid_from"),
        "action": field_label(ProviderEvent, "action"),
        "reason": field_label(ProviderEvent, "reason"),
    }


class ProviderReviewView(ReviewerRequiredMixin, InspectView):
    """Everything a reviewer needs about one provider, with the decisions allowed in its status."""

    template_name = "providers/admin/provider_review.html"
    page_title = _("Review")
    model = Provider

    def setup(self, request, *args, **kwargs):
        # InspectView.setup fetches the object; here that waits until the reviewer check has passed.
        TemplateView.setup(self, request, *args, **kwargs)
        self.pk = self.kwargs[self.pk_url_kwarg]
        self.fields = []

    @cached_property
    def object(self):
        return get_object_or_404(Provider, pk=self.pk)

    def get_fields_context(self):
        return []

    def get_actions(self, provider):
        return [
            {
                "name": action,
                "label": label,
                "needs_reason": services.TRANSITIONS[action].needs_reason,
                "serious": action in SERIOUS_ACTIONS,
                "url": url("action", provider.pk, action),
            }
            for action, label in ACTION_BUTTONS.items()
            if provider.status in services.TRANSITIONS[action].sources
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provider = self.object
        staff = selectors.provider_staff(provider).prefetch_related(
            Prefetch("certificates", queryset=StaffCertificate.objects.select_related("qualification"))
        )
        certificates = provider.certificates.select_related("staff")
        context.update(
            provider=provider,
            facts=company_facts(provider),
            labels=table_labels(),
            missing_papers=sorted(
                ProviderDocument.Kind(kind).label for kind in services.missing_papers(provider)
            ),
            documents=[(document, document_url(document)) for document in provider.documents.all()],
            staff_rows=[
                (
                    member,
                    BackgroundCheckForm(
                        auto_id=f"id_staff{member.pk}_%s", initial=self.check_initial(member)
                    ),
                )
                for member in staff
            ],
            offers=provider.offers.select_related("service").order_by("service__title"),
            issued_certificates=[
                (certificate, Certificate.Validity(selectors.certificate_validity(certificate)).label)
                for certificate in certificates
            ],
            events=[(event, event_label(event.action)) for event in provider.events.select_related("actor")],
            actions=self.get_actions(provider),
        )
        # The page shows the contact phone in full: the reviewer's role needs it, and the read is logged.
        record_personal_data_access(
            actor=self.request.user, subject=provider, fields=["contact_phone"], purpose="provider review"
        )
        return context

    @staticmethod
    def check_initial(member):
        return {
            "background_check": member.background_check
            if member.background_check != Staff.BackgroundCheck.PENDING
            else Staff.BackgroundCheck.PASSED,
            "background_checked_on": member.background_checked_on or timezone.localdate(),
        }


class ReviewerPostView(ReviewerRequiredMixin, View):
    """A POST that changes something and comes back to the provider's page with a message."""

    def get(self, request, pk, **kwargs):
        return redirect(url("inspect", pk))

    def back(self, provider):
        return redirect(url("inspect", provider.pk))

    @staticmethod
    def form_errors(form):
        return " ".join(str(error) for errors in form.errors.values() for error in errors)


class ProviderActionView(ReviewerPostView):
    def post(self, request, pk, action):
        if action not in ACTION_BUTTONS:
            raise Http404
        provider = get_object_or_404(Provider, pk=pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, self.form_errors(form))
            return self.back(provider)
        try:
            provider = services.change_status(
                provider, action, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except services.ProviderActionError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("You %(action)s: %(provider)s is now “%(status)s”.")
                % {
                    "action": event_label(action),
                    "provider": provider,
                    "status": provider.get_status_display(),
                },
            )
        return self.back(provider)


class BackgroundCheckView(ReviewerPostView):
    def post(self, request, pk, staff_pk):
        provider = get_object_or_404(Provider, pk=pk)
        member = get_object_or_404(Staff.objects.select_related("provider"), pk=staff_pk, provider=provider)
        form = BackgroundCheckForm(request.POST)
        if not form.is_valid():
            messages.error(request, self.form_errors(form))
            return self.back(provider)
        try:
            member = services.update_staff(
                member,
                actor=request.user,
                background_check=form.cleaned_data["background_check"],
                background_checked_on=form.cleaned_data["background_checked_on"],
            )
        except services.ProviderActionError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Background check of %(name)s recorded: %(result)s.")
                % {"name": member.real_name, "result": member.get_background_check_display()},
            )
        return self.back(provider)


# Registration ----------------------------------------------------------------------------------------------


class ProviderReviewViewSet(ModelViewSet):
    """Index and inspect views for ``Provider`` plus reviewers' POST endpoints; no create, edit or delete."""

    model = Provider
    name = NAMESPACE
    url_prefix = "providers/review"
    icon = "group"
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        return {"model": self.model, "header_icon": self.icon, **kwargs}

    def listing(self, view_class, index_name, results_only=False):
        return self.construct_view(
            view_class,
            index_url_name=self.get_url_name(index_name),
            index_results_url_name=self.get_url_name(f"{index_name}_results"),
            inspect_url_name=self.get_url_name("inspect"),
            results_only=results_only,
        )

    def get_urlpatterns(self):
        return [
            path("", self.listing(ReviewQueueView, "index"), name="index"),
            path("results/", self.listing(ReviewQueueView, "index", results_only=True), name="index_results"),
            path("all/", self.listing(AllProvidersView, "all"), name="all"),
            path(
                "all/results/", self.listing(AllProvidersView, "all", results_only=True), name="all_results"
            ),
            path("expiring/", ExpiringPapersView.as_view(), name="expiring"),
            path(
                "<int:pk>/",
                self.construct_view(ProviderReviewView, index_url_name=self.get_url_name("index")),
                name="inspect",
            ),
            path("<int:pk>/actions/<slug:action>/", ProviderActionView.as_view(), name="action"),
            path(
                "<int:pk>/staff/<int:staff_pk>/background-check/",
                BackgroundCheckView.as_view(),
                name="background_check",
            ),
        ]

    def register_admin_url_finder(self):
        # There is no edit view to point to; the provider's page is reached from the listings.
        pass

    def get_permissions_to_register(self):
        # Lets administrators give the reviewing permission to a group in Wagtail's group editor.
        app_label, codename = REVIEW.split(".")
        return (
            super().get_permissions_to_register().filter(codename=codename, content_type__app_label=app_label)
        )


provider_review_viewset = ProviderReviewViewSet()


@hooks.register("register_admin_viewset")
def register_provider_review_viewset():
    return provider_review_viewset


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user)


# Other provider admin screens can add their entries to this group through this hook.
PROVIDERS_MENU_HOOK = "register_providers_menu_item"


@hooks.register("register_admin_menu_item")
def register_providers_menu():
    items = [
        ReviewerMenuItem(
            _("Review queue"),
            reverse_lazy(f"{NAMESPACE}:index"),
            name="review-queue",
            icon_name="tasks",
            order=100,
        ),
        ReviewerMenuItem(
            _("All providers"),
            reverse_lazy(f"{NAMESPACE}:all"),
            name="all-providers",
            icon_name="list-ul",
            order=200,
        ),
        ReviewerMenuItem(
            _("Expiring papers"),
            reverse_lazy(f"{NAMESPACE}:expiring"),
            name="expiring-papers",
            icon_name="warning",
            order=300,
        ),
    ]
    return SubmenuMenuItem(
        _("Providers"),
        Menu(register_hook_name=PROVIDERS_MENU_HOOK, items=items),
        name="providers",
        icon_name="group",
        order=250,
    )
