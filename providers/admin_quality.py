"""Wagtail admin for platform reviewers: the quality warnings raised by the triggers (a low rolling rating,
too many upheld complaints), each confirmed or dismissed with a note.

Every view answers 403 unless ``providers.permissions.can_review``. Decisions go through
``services.decide_quality_warning``; confirming a provider's warning warns the provider.
"""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .admin_review import (
    PROVIDERS_MENU_HOOK,
    ReviewerMenuItem,
    ReviewerRequiredMixin,
    beijing_time,
    field_label,
)
from .models import Provider, QualityWarning

NAMESPACE = "provider_quality"
PER_PAGE = 50
Status = QualityWarning.Status

# How each trigger's figures read; the triggers store them as strings and numbers in ``summary``.
FIGURES = {
    QualityWarning.Trigger.LOW_RATING: gettext_lazy(
        "average %(average)s over the last %(reviews)s reviews, threshold %(threshold)s"
    ),
    QualityWarning.Trigger.UPHELD_COMPLAINTS: gettext_lazy(
        "%(upheld)s upheld complaints in %(days)s days, limit %(limit)s"
    ),
}
DECISIONS = {"confirm": True, "dismiss": False}


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def figures(warning):
    template = FIGURES.get(warning.trigger)
    try:
        return template % warning.summary
    except (KeyError, TypeError):
        # Figures written by another version of a trigger: shown as they are rather than hidden.
        return ", ".join(f"{key}: {value}" for key, value in warning.summary.items())


def subject(warning):
    if warning.staff_id:
        return f"{warning.staff.real_name} · {warning.provider.name}"
    return warning.provider.name


def pending_count():
    return QualityWarning.objects.filter(status=Status.PENDING).count()


class WarningFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=field_label(QualityWarning, "status"),
        choices=Status.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    trigger = django_filters.ChoiceFilter(
        label=field_label(QualityWarning, "trigger"),
        choices=QualityWarning.Trigger.choices,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    provider = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Provider"), queryset=Provider.objects.order_by("legal_name_zh")
    )

    class Meta:
        model = QualityWarning
        fields = ["status", "trigger", "provider"]


class WarningQueueView(ReviewerRequiredMixin, IndexView):
    """Pending warnings first, newest first within each group."""

    model = QualityWarning
    template_name = "providers/admin/quality_warnings.html"
    page_title = gettext_lazy("Quality warnings")
    header_icon = "warning"
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:index_results"
    search_fields = ["provider__legal_name_zh", "staff__real_name"]
    search_backend_name = None
    paginate_by = PER_PAGE
    filterset_class = WarningFilterSet
    columns = [
        TitleColumn(
            "subject", label=gettext_lazy("Subject"), accessor=subject, get_url=lambda w: url("warning", w.pk)
        ),
        Column("trigger", label=field_label(QualityWarning, "trigger"), accessor="get_trigger_display"),
        Column("figures", label=field_label(QualityWarning, "summary"), accessor=figures),
        StatusTagColumn(
            "status",
            label=field_label(QualityWarning, "status"),
            accessor="get_status_display",
            primary=lambda warning: warning.status == Status.PENDING,
        ),
        Column(
            "raised_at",
            label=field_label(QualityWarning, "raised_at"),
            accessor=lambda w: beijing_time(w.raised_at),
        ),
    ]

    def get_base_queryset(self):
        pending_first = Case(
            When(status=Status.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        return QualityWarning.objects.select_related("provider", "staff").order_by(
            pending_first, "-raised_at", "-pk"
        )

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pending_count"] = pending_count()
        context["pending_url"] = f"{self.index_url}?status={Status.PENDING}"
        return context


class DecisionForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Note (the provider sees it)"), widget=forms.Textarea)


class WarningView(ReviewerRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "providers/admin/quality_warning.html"
    header_icon = "warning"

    @cached_property
    def object(self):
        return get_object_or_404(
            QualityWarning.objects.select_related("provider", "staff", "decided_by"), pk=self.kwargs["pk"]
        )

    def get_page_title(self):
        return _("Quality warning: %(subject)s") % {"subject": self.object.subject_name}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("index"), "label": WarningQueueView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def evidence(self, warning):
        """Links only to this site: the entries are data, and a stored ``javascript:`` URL must not run."""
        hosts = {self.request.get_host()}
        entries = warning.evidence if isinstance(warning.evidence, list) else []
        return [
            {
                "label": str(entry.get("label", "")),
                "url": link if url_has_allowed_host_and_scheme(link, allowed_hosts=hosts) else "",
            }
            for entry in entries
            if isinstance(entry, dict)
            for link in [str(entry.get("url", ""))]
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        warning = self.object
        context.update(
            warning=warning,
            subject=subject(warning),
            figures=figures(warning),
            raised_at=beijing_time(warning.raised_at),
            decided_at=beijing_time(warning.decided_at),
            evidence=self.evidence(warning),
            provider_url=reverse("provider_review:inspect", args=[warning.provider_id]),
            confirm_form=DecisionForm(auto_id="id_confirm_%s"),
            dismiss_form=DecisionForm(auto_id="id_dismiss_%s"),
        )
        return context


class DecideView(ReviewerRequiredMixin, View):
    def get(self, request, pk, decision):
        return redirect(url("warning", pk))

    def post(self, request, pk, decision):
        if decision not in DECISIONS:
            raise Http404
        warning = get_object_or_404(QualityWarning, pk=pk)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Write a note: the provider sees it."))
            return redirect(url("warning", pk))
        try:
            warning = services.decide_quality_warning(
                warning, actor=request.user, confirm=DECISIONS[decision], note=form.cleaned_data["note"]
            )
        except services.ProviderActionError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The warning about %(subject)s is now “%(status)s”.")
                % {"subject": warning.subject_name, "status": warning.get_status_display()},
            )
        return redirect(url("warning", pk))


urlpatterns = [
    path("", WarningQueueView.as_view(), name="index"),
    path("results/", WarningQueueView.as_view(results_only=True), name="index_results"),
    path("<int:pk>/", WarningView.as_view(), name="warning"),
    path("<int:pk>/<slug:decision>/", DecideView.as_view(), name="decide"),
]


@hooks.register("register_admin_urls")
def register_quality_urls():
    return [path("providers/quality-warnings/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


@hooks.register(PROVIDERS_MENU_HOOK)
def register_quality_menu_item():
    return ReviewerMenuItem(
        gettext_lazy("Quality warnings"),
        reverse_lazy(f"{NAMESPACE}:index"),
        name="quality-warnings",
        icon_name="warning",
        order=350,
    )
