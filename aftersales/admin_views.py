"""Wagtail admin for after-sales operators: the complaints queue with its time limits, compensation claims
and what is to be recovered from each provider, reviews (hide and show again), and platform feedback.

Every view answers 403 unless ``aftersales.permissions.can_operate``; Wagtail's model permission policy is
not consulted. Every change goes through aftersales.services, whose refusals come back as error messages.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect

from accounts.admin_access import PlatformRoleRequiredMixin
from accounts.masking import mask_name
from accounts.services import record_personal_data_access
from cms.templatetags.cms_tags import yuan
from payments.admin_views import MoneyColumn, choice_filter
from payments.selectors import payments_for_booking
from providers.admin_review import beijing_time, field_label
from providers.models import Provider

from . import selectors, services
from .models import CompensationClaim, Complaint, Evidence, Feedback, Review, ReviewPhoto
from .permissions import can_operate

NAMESPACE = "aftersales_admin"
PER_PAGE = 50
EXCERPT_CHARACTERS = 60

# How a complaint's time limit reads next to its colour, so that the colour is never the only signal.
SLA_LABELS = {
    "overdue": gettext_lazy("Overdue"),
    "due_soon": gettext_lazy("Due soon"),
    "on_time": gettext_lazy("On time"),
    "done": gettext_lazy("Done"),
}


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def masked_customer(user):
    """Operators identify a customer by family name and masked number: 陈** 138****5678."""
    name = mask_name(user.get_full_name() or user.first_name)
    return " ".join(part for part in (name, user.masked_phone) if part) or user.username


def person(user):
    return user.display_name if user is not None else _("System")


def excerpt(text):
    return Truncator(text).chars(EXCERPT_CHARACTERS)


def yes_no(value):
    return _("Yes") if value else _("No")


# Access ----------------------------------------------------------------------------------------------------


class OperatorRequiredMixin(PlatformRoleRequiredMixin):
    """After-sales operators only."""

    def user_may_enter(self, user):
        return can_operate(user)


# Columns and filters ---------------------------------------------------------------------------------------


class BeijingTimeColumn(Column):
    """A Beijing time to the minute: time limits are read against the clock, not as "3 hours ago"."""

    def get_value(self, instance):
        return beijing_time(super().get_value(instance))


class TimeLimitColumn(Column):
    """The time limit a complaint works to now, coloured and labelled by how close it is."""

    cell_template_name = "aftersales/admin/time_limit_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        state = selectors.sla_state(instance)
        due = selectors.complaint_due(instance)
        context.update(state=state, label=SLA_LABELS[state], value=beijing_time(due) if due else "")
        return context


def provider_filter():
    return django_filters.ModelChoiceFilter(
        label=gettext_lazy("Provider"), queryset=Provider.objects.order_by("legal_name_zh")
    )


def boolean_filter(label, method):
    return django_filters.BooleanFilter(label=label, method=method, widget=BooleanRadioSelect)


class OperatorIndexView(OperatorRequiredMixin, IndexView):
    template_name = "aftersales/admin/queue.html"
    search_backend_name = None
    paginate_by = PER_PAGE

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


def order_column(detail_name):
    return TitleColumn(
        "order",
        label=gettext_lazy("Order number"),
        accessor="booking.number",
        get_url=lambda case: url(detail_name, case.pk),
    )


def customer_column():
    return Column(
        "customer", label=gettext_lazy("Customer"), accessor=lambda case: masked_customer(case.customer)
    )


def provider_column():
    return Column("provider", label=gettext_lazy("Provider"), accessor="provider.name")


# Complaints ------------------------------------------------------------------------------------------------


class ComplaintFilterSet(WagtailFilterSet):
    status = choice_filter(field_label(Complaint, "status"), Complaint.Status.choices)
    overdue = boolean_filter(gettext_lazy("Overdue"), "filter_overdue")
    provider = provider_filter()
    category = choice_filter(field_label(Complaint, "category"), Complaint.Category.choices)

    class Meta:
        model = Complaint
        fields = ["status", "overdue", "provider", "category"]

    def filter_overdue(self, queryset, name, value):
        overdue = selectors.overdue_q()
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class ComplaintQueueView(OperatorIndexView):
    """Open complaints first, the nearest time limit first; closed ones after them."""

    model = Complaint
    template_name = "aftersales/admin/complaints.html"
    page_title = gettext_lazy("Complaints")
    header_icon = "warning"
    index_url_name = f"{NAMESPACE}:complaints"
    index_results_url_name = f"{NAMESPACE}:complaints_results"
    search_fields = ["booking__number"]
    filterset_class = ComplaintFilterSet
    columns = [
        order_column("complaint"),
        customer_column(),
        provider_column(),
        Column("category", label=field_label(Complaint, "category"), accessor="get_category_display"),
        StatusTagColumn(
            "status",
            label=field_label(Complaint, "status"),
            accessor="get_status_display",
            primary=lambda complaint: complaint.status in services.OPEN_COMPLAINT_STATUSES,
        ),
        BeijingTimeColumn("created_at", label=field_label(Complaint, "created_at"), sort_key="created_at"),
        TimeLimitColumn("due_at", label=gettext_lazy("Time limit"), sort_key="due_at"),
        Column(
            "responded",
            label=gettext_lazy("Provider responded"),
            accessor=lambda complaint: yes_no(complaint.provider_responded_at),
        ),
    ]

    def get_base_queryset(self):
        return selectors.by_time_limit(selectors.complaint_queue())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            overdue_count=Complaint.objects.filter(selectors.overdue_q()).count(),
            overdue_url=f"{self.index_url}?overdue=true",
        )
        return context


# Claims ----------------------------------------------------------------------------------------------------


class ClaimFilterSet(WagtailFilterSet):
    status = choice_filter(field_label(CompensationClaim, "status"), CompensationClaim.Status.choices)
    provider = provider_filter()
    transfer_due = boolean_filter(gettext_lazy("Bank transfer due"), "filter_transfer_due")
    recovery_due = boolean_filter(gettext_lazy("Recovery due"), "filter_recovery_due")

    class Meta:
        model = CompensationClaim
        fields = ["status", "provider", "transfer_due", "recovery_due"]

    @staticmethod
    def _due(queryset, value, due_claims):
        due = due_claims.values("pk")
        return queryset.filter(pk__in=due) if value else queryset.exclude(pk__in=due)

    def filter_transfer_due(self, queryset, name, value):
        return self._due(queryset, value, selectors.claim_queue(transfer_due=True))

    def filter_recovery_due(self, queryset, name, value):
        return self._due(queryset, value, selectors.claim_queue(recovery_due=True))


def transfer_cell(claim):
    if not claim.transfer_amount:
        return "—"
    done = _("paid") if claim.transferred_at else _("to pay")
    return f"{yuan(claim.transfer_amount)} · {done}"


def recovered_cell(claim):
    return yes_no(claim.recovered_at) if claim.recover_amount else "—"


class ClaimQueueView(OperatorIndexView):
    model = CompensationClaim
    page_title = gettext_lazy("Compensation claims")
    header_icon = "tag"
    index_url_name = f"{NAMESPACE}:claims"
    index_results_url_name = f"{NAMESPACE}:claims_results"
    search_fields = ["booking__number"]
    filterset_class = ClaimFilterSet
    columns = [
        order_column("claim"),
        customer_column(),
        provider_column(),
        Column("reason", label=field_label(CompensationClaim, "reason"), accessor="get_reason_display"),
        MoneyColumn("amount_claimed", label=gettext_lazy("Claimed"), sort_key="amount_claimed"),
        StatusTagColumn(
            "status",
            label=field_label(CompensationClaim, "status"),
            accessor="get_status_display",
            primary=lambda claim: claim.is_open,
        ),
        MoneyColumn("amount_approved", label=gettext_lazy("Approved")),
        MoneyColumn("refunded_amount", label=gettext_lazy("Paid back on the order")),
        Column("transfer", label=gettext_lazy("Bank transfer"), accessor=transfer_cell),
        MoneyColumn("recover_amount", label=gettext_lazy("To recover")),
        Column("recovered", label=gettext_lazy("Recovered"), accessor=recovered_cell),
        BeijingTimeColumn(
            "created_at", label=field_label(CompensationClaim, "created_at"), sort_key="created_at"
        ),
    ]

    def get_base_queryset(self):
        return selectors.claim_queue()


class ClaimTotalsView(OperatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """What each provider's claims came to, and what the platform still has to recover from it."""

    template_name = "aftersales/admin/claim_totals.html"
    page_title = gettext_lazy("Claims per provider")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": url("claims"), "label": ClaimQueueView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        providers = list(selectors.provider_claim_totals())
        for provider in providers:
            provider.outstanding = provider.to_recover_total - provider.recovered_total
        sums = {
            field: sum((getattr(provider, field) for provider in providers), selectors.ZERO)
            for field in (
                "approved_total",
                "refunded_total",
                "transfer_total",
                "to_recover_total",
                "recovered_total",
                "outstanding",
            )
        }
        sums["claim_count"] = sum(provider.claim_count for provider in providers)
        sums["open_claims"] = sum(provider.open_claims for provider in providers)
        context.update(providers=providers, sums=sums)
        return context


# Reviews ---------------------------------------------------------------------------------------------------


class ReviewFilterSet(WagtailFilterSet):
    hidden = django_filters.BooleanFilter(
        label=field_label(Review, "is_hidden"), field_name="is_hidden", widget=BooleanRadioSelect
    )
    max_stars = django_filters.ChoiceFilter(
        label=gettext_lazy("Overall at most"),
        field_name="overall",
        lookup_expr="lte",
        choices=[(stars, "★" * stars) for stars in range(1, 6)],
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    replied = boolean_filter(gettext_lazy("Provider replied"), "filter_replied")
    provider = provider_filter()

    class Meta:
        model = Review
        fields = ["hidden", "max_stars", "replied", "provider"]

    def filter_replied(self, queryset, name, value):
        return queryset.filter(replied_at__isnull=not value)


class ReviewQueueView(OperatorIndexView):
    model = Review
    page_title = gettext_lazy("Reviews")
    header_icon = "comment"
    index_url_name = f"{NAMESPACE}:reviews"
    index_results_url_name = f"{NAMESPACE}:reviews_results"
    search_fields = ["booking__number", "text"]
    filterset_class = ReviewFilterSet
    columns = [
        order_column("review"),
        Column(
            "overall", label=field_label(Review, "overall"), accessor=lambda review: f"{review.overall} ★"
        ),
        Column("text", label=field_label(Review, "text"), accessor=lambda review: excerpt(review.text)),
        provider_column(),
        Column("staff", label=gettext_lazy("Staff member"), accessor="staff.real_name"),
        Column(
            "hidden", label=field_label(Review, "is_hidden"), accessor=lambda review: yes_no(review.is_hidden)
        ),
        BeijingTimeColumn("created_at", label=field_label(Review, "created_at"), sort_key="created_at"),
    ]

    def get_base_queryset(self):
        return selectors.review_queue()


# Feedback --------------------------------------------------------------------------------------------------


class FeedbackFilterSet(WagtailFilterSet):
    answered = boolean_filter(gettext_lazy("Answered"), "filter_answered")
    category = choice_filter(field_label(Feedback, "category"), Feedback.Category.choices)
    role = choice_filter(field_label(Feedback, "role"), Feedback.Role.choices)

    class Meta:
        model = Feedback
        fields = ["answered", "category", "role"]

    def filter_answered(self, queryset, name, value):
        return queryset.filter(answered_at__isnull=not value)


class FeedbackQueueView(OperatorIndexView):
    model = Feedback
    page_title = gettext_lazy("Feedback")
    header_icon = "mail"
    index_url_name = f"{NAMESPACE}:feedback_list"
    index_results_url_name = f"{NAMESPACE}:feedback_list_results"
    search_fields = ["text"]
    filterset_class = FeedbackFilterSet
    columns = [
        TitleColumn(
            "text",
            label=field_label(Feedback, "text"),
            accessor=lambda feedback: excerpt(feedback.text),
            get_url=lambda feedback: url("feedback", feedback.pk),
        ),
        Column("category", label=field_label(Feedback, "category"), accessor="get_category_display"),
        Column("role", label=field_label(Feedback, "role"), accessor="get_role_display"),
        Column("user", label=gettext_lazy("From"), accessor=lambda feedback: masked_customer(feedback.user)),
        BeijingTimeColumn("created_at", label=field_label(Feedback, "created_at"), sort_key="created_at"),
        Column(
            "answered",
            label=gettext_lazy("Answered"),
            accessor=lambda feedback: yes_no(feedback.answered_at),
        ),
    ]

    def get_base_queryset(self):
        return selectors.feedback_queue()


# Detail pages ----------------------------------------------------------------------------------------------


class OperatorDetailView(OperatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """One case and the forms that move it on. The object is read only once the operator check passed."""

    queue_view = None

    def get_queryset(self):
        raise NotImplementedError

    @cached_property
    def object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.queue_view.index_url_name), "label": self.queue_view.page_title},
            {"url": "", "label": self.get_page_title()},
        ]


def order_facts(booking):
    """(label, value) rows about the order a case or review is about."""
    return [
        (_("Order number"), booking.number),
        (_("Service"), booking.service.title),
        (_("Provider"), booking.provider.name),
        (_("Staff member"), booking.staff.real_name),
        (_("Service time"), beijing_time(booking.start)),
        (_("District"), booking.district.name),
        (_("Price"), yuan(booking.price)),
        (_("Order status"), booking.get_status_display()),
        (_("Customer"), masked_customer(booking.customer)),
    ]


def evidence_links(case):
    return [
        {
            "url": url("evidence", evidence.pk),
            "label": _("File %(number)s") % {"number": number},
            "content_type": evidence.content_type,
            "size_kb": max(1, round(evidence.size / 1024)),
            "uploaded_at": beijing_time(evidence.uploaded_at),
        }
        for number, evidence in enumerate(selectors.case_evidence(case), start=1)
    ]


ORDER = ("booking__service", "booking__provider", "booking__staff", "booking__district", "booking__customer")


class ComplaintActionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note (the customer sees it)"), required=False, widget=forms.Textarea
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=gettext_lazy("Resolution (the customer sees it)"), widget=forms.Textarea
    )
    upheld = forms.TypedChoiceField(
        label=gettext_lazy("Was the complaint upheld?"),
        choices=[
            ("yes", gettext_lazy("Upheld: the provider or staff member was at fault")),
            ("no", gettext_lazy("Not upheld")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class ComplaintView(OperatorDetailView):
    template_name = "aftersales/admin/complaint.html"
    queue_view = ComplaintQueueView
    header_icon = "warning"

    def get_queryset(self):
        return Complaint.objects.select_related("provider", "staff", "customer", *ORDER)

    def get_page_title(self):
        return _("Complaint on order %(number)s") % {"number": self.object.booking.number}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        complaint = self.object
        state = selectors.sla_state(complaint)
        steps = selectors.complaint_steps(complaint)
        context.update(
            complaint=complaint,
            order_facts=order_facts(complaint.booking),
            due=beijing_time(selectors.complaint_due(complaint)),
            sla_state=state,
            sla_label=SLA_LABELS[state],
            evidence=evidence_links(complaint),
            steps=[
                {
                    "step": step,
                    "actor": masked_customer(step.actor)
                    if step.actor_id == complaint.customer_id
                    else person(step.actor),
                    "at": beijing_time(step.created_at),
                }
                for step in steps
            ],
            can_acknowledge=complaint.status in services.ACKNOWLEDGE_FROM,
            can_handle=complaint.status in services.HANDLE_FROM,
            can_resolve=complaint.status in services.RESOLVE_FROM,
            acknowledge_form=ComplaintActionForm(auto_id="id_acknowledge_%s"),
            handle_form=ComplaintActionForm(auto_id="id_handle_%s"),
            resolve_form=ResolveForm(),
            filed_at=beijing_time(complaint.created_at),
            responded_at=beijing_time(complaint.provider_responded_at),
        )
        return context


class DecideClaimForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("approve_full", gettext_lazy("Approve the full amount")),
            ("approve_part", gettext_lazy("Approve part of it")),
            ("reject", gettext_lazy("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    # Amounts stay text here: the service reads and checks them, with the messages users see elsewhere too.
    amount = forms.CharField(
        label=gettext_lazy("Approved amount in yuan (when approving part)"), required=False, max_length=20
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (the customer sees it; required to reject or approve part)"),
        required=False,
        widget=forms.Textarea,
    )
    recover_amount = forms.CharField(
        label=gettext_lazy("To recover from the provider, in yuan (empty: the approved amount)"),
        required=False,
        max_length=20,
    )


class TransferForm(forms.Form):
    reference = forms.CharField(label=gettext_lazy("Bank transfer reference"), max_length=100)


class ClaimView(OperatorDetailView):
    template_name = "aftersales/admin/claim.html"
    queue_view = ClaimQueueView
    header_icon = "tag"

    def get_queryset(self):
        return CompensationClaim.objects.select_related(
            "provider", "customer", "decided_by", "transfer_recorded_by", "recovery_recorded_by", *ORDER
        )

    def get_page_title(self):
        return _("Claim on order %(number)s") % {"number": self.object.booking.number}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        claim = self.object
        context.update(
            claim=claim,
            order_facts=order_facts(claim.booking),
            evidence=evidence_links(claim),
            payments=payments_for_booking(claim.booking),
            transfer_due=selectors.transfer_due(claim),
            recovery_due=selectors.recovery_due(claim),
            decide_form=DecideClaimForm(),
            transfer_form=TransferForm(),
            times={
                name: beijing_time(getattr(claim, name))
                for name in ("created_at", "decided_at", "transferred_at", "recovered_at")
            },
        )
        return context


class HideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why it is hidden (the customer sees it)"), max_length=500, widget=forms.Textarea
    )


class ReviewView(OperatorDetailView):
    template_name = "aftersales/admin/review.html"
    queue_view = ReviewQueueView
    header_icon = "comment"

    def get_queryset(self):
        return Review.objects.select_related("replied_by", "hidden_by", *ORDER).prefetch_related("photos")

    def get_page_title(self):
        return _("Review of order %(number)s") % {"number": self.object.booking.number}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.object
        context.update(
            review=review,
            order_facts=order_facts(review.booking),
            ratings=[
                (field_label(Review, field), getattr(review, field))
                for field in ("overall", "punctuality", "quality", "attitude")
            ],
            photos=[url("review_photo", photo.pk) for photo in review.photos.all()],
            times={
                name: beijing_time(getattr(review, name))
                for name in ("created_at", "edited_at", "replied_at", "hidden_at")
            },
            replied_by=person(review.replied_by),
            hidden_by=person(review.hidden_by),
            hide_form=HideForm(),
        )
        return context


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Answer (sent to the user)"), max_length=2000, widget=forms.Textarea
    )


class FeedbackView(OperatorDetailView):
    template_name = "aftersales/admin/feedback.html"
    queue_view = FeedbackQueueView
    header_icon = "mail"

    def get_queryset(self):
        return Feedback.objects.select_related("user", "answered_by")

    def get_page_title(self):
        return _("Feedback #%(number)s") % {"number": self.object.pk}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feedback = self.object
        context.update(
            feedback=feedback,
            sender=masked_customer(feedback.user),
            sent_at=beijing_time(feedback.created_at),
            answered_at=beijing_time(feedback.answered_at),
            answered_by=person(feedback.answered_by),
            answer_form=AnswerForm(),
        )
        return context


# Files -----------------------------------------------------------------------------------------------------


class EvidenceView(OperatorRequiredMixin, View):
    """A complaint's or claim's attachment; every look is logged, as it is the customer's own material."""

    def get(self, request, pk):
        evidence = get_object_or_404(Evidence, pk=pk)
        record_personal_data_access(
            actor=request.user, subject=evidence, fields=["file"], purpose="after-sales case evidence"
        )
        return FileResponse(evidence.file.open("rb"), content_type=evidence.content_type)


class ReviewPhotoView(OperatorRequiredMixin, View):
    """A review's photo, also while the review is hidden from the public."""

    def get(self, request, pk):
        photo = get_object_or_404(ReviewPhoto, pk=pk)
        return FileResponse(photo.file.open("rb"), content_type=photo.content_type)


# Actions ---------------------------------------------------------------------------------------------------


def form_errors(form):
    """Each error after the label of its field, as the message stands alone above the page."""
    return " ".join(
        f"{form.fields[name].label}: {error}" for name, errors in form.errors.items() for error in errors
    )


class ActionView(OperatorRequiredMixin, View):
    """A POST that calls one service and comes back to the object's page with a message."""

    model = None
    detail_name = None
    form_class = forms.Form

    def get(self, request, pk):
        return redirect(url(self.detail_name, pk))

    def post(self, request, pk):
        target = get_object_or_404(self.model, pk=pk)
        form = self.form_class(request.POST)
        if not form.is_valid():
            messages.error(request, form_errors(form))
            return redirect(url(self.detail_name, pk))
        try:
            message = self.act(target, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return redirect(url(self.detail_name, pk))

    def act(self, target, data):
        raise NotImplementedError


def status_message(complaint):
    return _("The complaint on order %(number)s is now “%(status)s”.") % {
        "number": complaint.booking.number,
        "status": complaint.get_status_display(),
    }


class AcknowledgeView(ActionView):
    model = Complaint
    detail_name = "complaint"
    form_class = ComplaintActionForm

    def act(self, complaint, data):
        return status_message(
            services.acknowledge_complaint(complaint, actor=self.request.user, note=data["note"])
        )


class HandleView(ActionView):
    model = Complaint
    detail_name = "complaint"
    form_class = ComplaintActionForm

    def act(self, complaint, data):
        return status_message(services.start_handling(complaint, actor=self.request.user, note=data["note"]))


class ResolveView(ActionView):
    model = Complaint
    detail_name = "complaint"
    form_class = ResolveForm

    def act(self, complaint, data):
        return status_message(
            services.resolve_complaint(
                complaint, actor=self.request.user, resolution=data["resolution"], upheld=data["upheld"]
            )
        )


class DecideClaimView(ActionView):
    model = CompensationClaim
    detail_name = "claim"
    form_class = DecideClaimForm

    def act(self, claim, data):
        decision = data["decision"]
        claim = services.decide_claim(
            claim,
            actor=self.request.user,
            approve=decision != "reject",
            amount=claim.amount_claimed if decision == "approve_full" else data["amount"],
            reason=data["reason"],
            recover_amount=data["recover_amount"],
        )
        if claim.status == CompensationClaim.Status.REJECTED:
            return _("The claim on order %(number)s was rejected.") % {"number": claim.booking.number}
        return _(
            "The claim on order %(number)s was approved: %(approved)s, of which %(refunded)s is paid back on "
            "the order and %(transfer)s is to be paid by bank transfer."
        ) % {
            "number": claim.booking.number,
            "approved": yuan(claim.amount_approved),
            "refunded": yuan(claim.refunded_amount),
            "transfer": yuan(claim.transfer_amount),
        }


class TransferView(ActionView):
    model = CompensationClaim
    detail_name = "claim"
    form_class = TransferForm

    def act(self, claim, data):
        claim = services.record_transfer(claim, actor=self.request.user, reference=data["reference"])
        return _("The bank transfer of %(amount)s was recorded.") % {"amount": yuan(claim.transfer_amount)}


class RecoveryView(ActionView):
    model = CompensationClaim
    detail_name = "claim"

    def act(self, claim, data):
        claim = services.record_recovery(claim, actor=self.request.user)
        return _("%(amount)s recovered from %(provider)s was recorded.") % {
            "amount": yuan(claim.recover_amount),
            "provider": claim.provider.name,
        }


class HideReviewView(ActionView):
    model = Review
    detail_name = "review"
    form_class = HideForm

    def act(self, review, data):
        services.hide_review(review, actor=self.request.user, reason=data["reason"])
        return _("The review is hidden and its author was told why.")


class RestoreReviewView(ActionView):
    model = Review
    detail_name = "review"

    def act(self, review, data):
        services.restore_review(review, actor=self.request.user)
        return _("The review is shown again.")


class AnswerFeedbackView(ActionView):
    model = Feedback
    detail_name = "feedback"
    form_class = AnswerForm

    def act(self, feedback, data):
        services.answer_feedback(feedback, actor=self.request.user, answer=data["answer"])
        return _("The answer was sent.")


# URLs ------------------------------------------------------------------------------------------------------


def listing_paths(prefix, view_class, name):
    """A listing and the results fragment its filters and search refresh."""
    return [
        path(prefix, view_class.as_view(), name=name),
        path(f"{prefix}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *listing_paths("complaints/", ComplaintQueueView, "complaints"),
    path("complaints/<int:pk>/", ComplaintView.as_view(), name="complaint"),
    path("complaints/<int:pk>/acknowledge/", AcknowledgeView.as_view(), name="complaint_acknowledge"),
    path("complaints/<int:pk>/handle/", HandleView.as_view(), name="complaint_handle"),
    path("complaints/<int:pk>/resolve/", ResolveView.as_view(), name="complaint_resolve"),
    *listing_paths("claims/", ClaimQueueView, "claims"),
    path("claims/per-provider/", ClaimTotalsView.as_view(), name="claim_totals"),
    path("claims/<int:pk>/", ClaimView.as_view(), name="claim"),
    path("claims/<int:pk>/decide/", DecideClaimView.as_view(), name="claim_decide"),
    path("claims/<int:pk>/transfer/", TransferView.as_view(), name="claim_transfer"),
    path("claims/<int:pk>/recovery/", RecoveryView.as_view(), name="claim_recovery"),
    path("evidence/<int:pk>/", EvidenceView.as_view(), name="evidence"),
    *listing_paths("reviews/", ReviewQueueView, "reviews"),
    path("reviews/<int:pk>/", ReviewView.as_view(), name="review"),
    path("reviews/<int:pk>/hide/", HideReviewView.as_view(), name="review_hide"),
    path("reviews/<int:pk>/show/", RestoreReviewView.as_view(), name="review_restore"),
    path("reviews/photos/<int:pk>/", ReviewPhotoView.as_view(), name="review_photo"),
    *listing_paths("feedback/", FeedbackQueueView, "feedback_list"),
    path("feedback/<int:pk>/", FeedbackView.as_view(), name="feedback"),
    path("feedback/<int:pk>/answer/", AnswerFeedbackView.as_view(), name="feedback_answer"),
]
