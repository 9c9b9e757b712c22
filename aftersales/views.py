"""After-sales pages of the site: customers review orders, complain, claim compensation, send feedback and read
their notifications; providers' people reply to reviews and respond to complaints. The rules live in
aftersales.services; these views ask, show, and put the services' refusals on the forms."""

import os
from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.services import record_personal_data_access
from booking import selectors as booking_selectors
from booking.models import Booking
from providers import permissions as provider_permissions
from providers.models import Provider

from . import permissions, selectors, services
from .forms import ClaimForm, ComplaintForm, FeedbackForm, ReopenForm, ReplyForm, ResponseForm, ReviewForm
from .models import Complaint, Evidence, Notification, RatingSummary, Review, ReviewPhoto

BAD_REQUEST = 400
PER_PAGE = 20
WAITING_FOR_REVIEW_SHOWN = 100

Kind = Notification.Kind
# Where each kind leads: a URL name and the stored value that is its argument.
NOTIFICATION_LINKS = {
    Kind.FEEDBACK_ANSWERED: ("aftersales:my_feedback", None),
    Kind.REVIEW_HIDDEN: ("booking:order", "number"),
    Kind.REVIEW_REPLIED: ("booking:order", "number"),
    Kind.COMPLAINT_UPDATED: ("aftersales:complaint", "complaint_id"),
    Kind.CLAIM_DECIDED: ("aftersales:claim", "claim_id"),
    Kind.COMPLAINT_FILED: ("aftersales:provider_complaint", "complaint_id"),
}


def _render(request, template, context, form=None):
    status = BAD_REQUEST if form is not None and form.is_bound and form.errors else 200
    return TemplateResponse(request, template, context, status=status)


def _posted(request):
    """The form's data and files when the page was posted, else (None, None) for an unbound form."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _page(request, items, per_page=PER_PAGE):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def _own_booking(request, number) -> Booking:
    return get_object_or_404(booking_selectors.customer_bookings(request.user), number=number)


def _refused(request, error, number):
    messages.error(request, " ".join(error.messages))
    return redirect("booking:order", number=number)


# Reviews ---------------------------------------------------------------------------------------------------


@login_required
def review_write(request, number):
    booking = _own_booking(request, number)
    if request.method != "POST":
        refusal = services.review_refusal(booking, request.user)
        if refusal is not None:
            return _refused(request, refusal, booking.number)
    form = ReviewForm(*_posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.write_review(
                booking,
                customer=request.user,
                ratings=form.ratings,
                text=form.cleaned_data["text"],
                photos=form.cleaned_data["photos"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your review is published."))
            return redirect("booking:order", number=booking.number)
    return _render(request, "aftersales/review_form.html", {"booking": booking, "form": form}, form)


@login_required
def review_edit(request, number):
    booking = _own_booking(request, number)
    review = get_object_or_404(Review.objects.prefetch_related("photos"), booking=booking)
    if request.method != "POST" and not selectors.review_is_editable(review):
        messages.error(request, _("This review can no longer be changed."))
        return redirect("booking:order", number=booking.number)
    data, files = _posted(request)
    initial = {field: getattr(review, field) for field in (*ReviewForm.rating_fields, "text")}
    form = ReviewForm(data, files, review=review, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.edit_review(
                review,
                customer=request.user,
                ratings=form.ratings,
                text=form.cleaned_data["text"],
                photos=form.cleaned_data["photos"],
                remove_photo_ids=[photo.pk for photo in form.cleaned_data["remove_photos"]],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your review was changed."))
            return redirect("booking:order", number=booking.number)
    context = {"booking": booking, "form": form, "review": review}
    return _render(request, "aftersales/review_form.html", context, form)


@login_required
def my_reviews(request):
    page = _page(request, selectors.customer_reviews(request.user))
    reviews = list(page.object_list)
    booking_selectors.attach_service_titles(reviews)
    waiting = list(selectors.reviewable_bookings(request.user)[:WAITING_FOR_REVIEW_SHOWN])
    booking_selectors.attach_service_titles(waiting)
    context = {"page_obj": page, "reviews": reviews, "waiting": waiting}
    return TemplateResponse(request, "aftersales/my_reviews.html", context)


def review_photo(request, photo_id):
    photo = get_object_or_404(ReviewPhoto.objects.select_related("review__provider"), pk=photo_id)
    if not permissions.can_see_review(request.user, photo.review):
        raise Http404
    return FileResponse(photo.file.open("rb"), content_type=photo.content_type)


# Complaints ------------------------------------------------------------------------------------------------


@login_required
def complaint_file(request, number):
    booking = _own_booking(request, number)
    if request.method != "POST":
        offered = selectors.order_aftersales(booking, request.user)
        if offered.open_complaint is not None:
            messages.info(request, _("You are already following a complaint on this order."))
            return redirect("aftersales:complaint", complaint_id=offered.open_complaint.pk)
        refusal = services.case_refusal(booking, request.user)
        if refusal is not None:
            return _refused(request, refusal, booking.number)
    form = ComplaintForm(*_posted(request))
    if form.is_bound and form.is_valid():
        try:
            complaint = services.file_complaint(
                booking,
                customer=request.user,
                category=form.cleaned_data["category"],
                description=form.cleaned_data["description"],
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your complaint was filed. Customer service will contact you within the time shown."),
            )
            return redirect("aftersales:complaint", complaint_id=complaint.pk)
    context = {
        "booking": booking,
        "form": form,
        "acknowledge_hours": settings.AFTERSALES_ACKNOWLEDGE_HOURS,
        "resolve_hours": settings.AFTERSALES_RESOLVE_HOURS,
    }
    return _render(request, "aftersales/complaint_form.html", context, form)


@login_required
def my_complaints(request):
    page = _page(request, selectors.customer_complaints(request.user))
    return TemplateResponse(request, "aftersales/my_complaints.html", {"page_obj": page})


def _step_lines(complaint, *, for_provider):
    """Each step with who took it, named only by role: operators' and staff members' names stay private."""
    lines = []
    for step in selectors.complaint_steps(complaint):
        if step.actor_id is not None and step.actor_id == complaint.customer_id:
            who = _("Customer") if for_provider else _("You")
        elif step.action == "provider_response":
            who = _("You") if for_provider else _("The provider")
        else:
            who = _("Customer service")
        lines.append(SimpleNamespace(step=step, who=who))
    return lines


def _own_complaint(request, complaint_id) -> Complaint:
    return get_object_or_404(selectors.customer_complaints(request.user), pk=complaint_id)


def _complaint_page(request, complaint, reopen_form=None):
    context = {
        "complaint": complaint,
        "steps": _step_lines(complaint, for_provider=False),
        "evidence": selectors.case_evidence(complaint),
        "due": selectors.complaint_due(complaint),
        "sla": selectors.sla_state(complaint),
        "reopen_form": reopen_form or ReopenForm(),
    }
    return _render(request, "aftersales/complaint.html", context, reopen_form)


@login_required
def complaint(request, complaint_id):
    return _complaint_page(request, _own_complaint(request, complaint_id))


@login_required
@require_POST
def complaint_confirm(request, complaint_id):
    complaint = _own_complaint(request, complaint_id)
    try:
        services.confirm_resolution(complaint, customer=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you. The complaint is closed."))
    return redirect("aftersales:complaint", complaint_id=complaint.pk)


@login_required
@require_POST
def complaint_reopen(request, complaint_id):
    complaint = _own_complaint(request, complaint_id)
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            services.reopen_complaint(complaint, customer=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The complaint is open again. Customer service will get back to you.")
            )
            return redirect("aftersales:complaint", complaint_id=complaint.pk)
    return _complaint_page(request, complaint, form)


# Compensation claims ---------------------------------------------------------------------------------------


@login_required
def claim_file(request, number):
    booking = _own_booking(request, number)
    if request.method != "POST":
        offered = selectors.order_aftersales(booking, request.user)
        if offered.claim is not None:
            messages.info(request, _("A claim has already been filed on this order."))
            return redirect("aftersales:claim", claim_id=offered.claim.pk)
        refusal = services.case_refusal(booking, request.user)
        if refusal is not None:
            return _refused(request, refusal, booking.number)
    form = ClaimForm(*_posted(request))
    if form.is_bound and form.is_valid():
        try:
            claim = services.file_claim(
                booking,
                customer=request.user,
                reason=form.cleaned_data["reason"],
                description=form.cleaned_data["description"],
                amount=form.cleaned_data["amount"],
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your claim was filed. We will tell you when it is decided."))
            return redirect("aftersales:claim", claim_id=claim.pk)
    return _render(request, "aftersales/claim_form.html", {"booking": booking, "form": form}, form)


@login_required
def my_claims(request):
    page = _page(request, selectors.customer_claims(request.user).order_by("-created_at", "-pk"))
    return TemplateResponse(request, "aftersales/my_claims.html", {"page_obj": page})


@login_required
def claim(request, claim_id):
    claim = get_object_or_404(selectors.customer_claims(request.user), pk=claim_id)
    context = {"claim": claim, "evidence": selectors.case_evidence(claim)}
    return TemplateResponse(request, "aftersales/claim.html", context)


# Evidence --------------------------------------------------------------------------------------------------


@login_required
def evidence(request, evidence_id):
    item = get_object_or_404(
        Evidence.objects.select_related("complaint__provider", "claim__provider"), pk=evidence_id
    )
    # Refused like a missing file, so that nobody learns which cases exist.
    if not permissions.can_see_evidence(request.user, item):
        raise Http404
    record_personal_data_access(
        actor=request.user,
        subject=item,
        fields=["file"],
        purpose="complaint evidence" if item.complaint_id else "compensation claim evidence",
    )
    return FileResponse(
        item.file.open("rb"), content_type=item.content_type, filename=os.path.basename(item.file.name)
    )


# Feedback and notifications --------------------------------------------------------------------------------


@login_required
def feedback(request):
    form = FeedbackForm(_posted(request)[0])
    if form.is_bound and form.is_valid():
        try:
            services.send_feedback(
                user=request.user, category=form.cleaned_data["category"], text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your message was sent; our answer will appear here."))
            return redirect("aftersales:my_feedback")
    return _render(request, "aftersales/feedback_form.html", {"form": form}, form)


@login_required
def my_feedback(request):
    page = _page(request, selectors.user_feedback(request.user))
    return TemplateResponse(request, "aftersales/my_feedback.html", {"page_obj": page})


def _notification_line(notification):
    values = notification.values or {}
    url = ""
    url_name, argument = NOTIFICATION_LINKS.get(notification.kind, (None, None))
    if url_name is not None:
        try:
            url = reverse(url_name, args=[values[argument]] if argument else [])
        except (KeyError, NoReverseMatch):
            url = ""
    if url and values.get("feedback_id"):
        url = f"{url}#feedback-{values['feedback_id']}"
    return SimpleNamespace(
        notification=notification,
        text=selectors.notification_message(notification),
        url=url,
        unread=notification.read_at is None,
    )


@login_required
def notifications(request):
    page = _page(request, selectors.user_notifications(request.user))
    lines = [_notification_line(notification) for notification in page.object_list]
    services.mark_notifications_read(request.user)
    return TemplateResponse(request, "aftersales/notifications.html", {"page_obj": page, "lines": lines})


# The provider's side ---------------------------------------------------------------------------------------


def _answering_provider(request, provider_id) -> Provider:
    provider = get_object_or_404(Provider, pk=provider_id)
    provider_permissions.require(permissions.can_answer_for_provider(request.user, provider))
    return provider


def _provider_context(request, provider) -> dict:
    return {"provider": provider, "can_manage": provider_permissions.can_manage(request.user, provider)}


@login_required
def provider_reviews(request, provider_id):
    provider = _answering_provider(request, provider_id)
    page = _page(request, selectors.provider_reviews([provider]))
    reviews = list(page.object_list)
    booking_selectors.attach_service_titles(reviews)
    context = {
        **_provider_context(request, provider),
        "summary": selectors.rating_summary(RatingSummary.Subject.PROVIDER, provider.pk),
        "page_obj": page,
        "reviews": reviews,
    }
    return TemplateResponse(request, "aftersales/provider/reviews.html", context)


@login_required
@require_POST
def provider_reply(request, review_id):
    review = get_object_or_404(Review.objects.select_related("provider", "customer", "booking"), pk=review_id)
    provider_permissions.require(permissions.can_answer_for_provider(request.user, review.provider))
    back = f"{reverse('aftersales:provider_reviews', args=[review.provider_id])}#review-{review.pk}"
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["text"]))
        return redirect(back)
    try:
        services.reply_to_review(review, actor=request.user, text=form.cleaned_data["text"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your reply is published under the review."))
    return redirect(back)


@login_required
def provider_complaints(request, provider_id):
    provider = _answering_provider(request, provider_id)
    page = _page(request, selectors.by_time_limit(selectors.provider_complaints([provider])))
    rows = [
        SimpleNamespace(
            complaint=complaint, due=selectors.complaint_due(complaint), sla=selectors.sla_state(complaint)
        )
        for complaint in page.object_list
    ]
    context = {**_provider_context(request, provider), "page_obj": page, "rows": rows}
    return TemplateResponse(request, "aftersales/provider/complaints.html", context)


@login_required
def provider_complaint(request, complaint_id):
    complaint = get_object_or_404(
        Complaint.objects.select_related("booking", "provider", "staff", "customer"), pk=complaint_id
    )
    provider_permissions.require(permissions.can_answer_for_provider(request.user, complaint.provider))
    form = ResponseForm(_posted(request)[0], initial={"text": complaint.provider_response})
    if form.is_bound and form.is_valid():
        try:
            services.respond_as_provider(complaint, actor=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your response was added to the complaint."))
            return redirect("aftersales:provider_complaint", complaint_id=complaint.pk)
    context = {
        **_provider_context(request, complaint.provider),
        "complaint": complaint,
        "steps": _step_lines(complaint, for_provider=True),
        "evidence": selectors.case_evidence(complaint),
        "due": selectors.complaint_due(complaint),
        "sla": selectors.sla_state(complaint),
        "can_respond": complaint.status in services.OPEN_COMPLAINT_STATUSES,
        "form": form,
    }
    return _render(request, "aftersales/provider/complaint.html", context, form)
