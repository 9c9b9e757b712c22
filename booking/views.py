"""The customer's side of booking: choose a time, an address and notes, confirm; then follow, change or
cancel the order. The rules live in booking.services; these views only ask and show."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.models import District, ServicePage

from . import selectors, services
from .forms import AddressForm, ChangeForm, DetailsForm, SlotChoiceForm
from .models import Address, Booking, Invoice, SlotHold

BAD_REQUEST = 400
DRAFT_KEY = "booking_draft"


def _service(service_id) -> ServicePage:
    service = selectors.live_service(service_id)
    if service is None:
        raise Http404
    return service


@login_required
def choose_time(request, service_id):
    service = _service(service_id)
    districts = selectors.bookable_districts(service)
    today = timezone.localdate()
    form = SlotChoiceForm(
        request.GET or {"date": (today + timedelta(days=1)).isoformat(), "district": ""}, districts=districts
    )
    previous_staff = set(selectors.staff_who_served(request.user))
    wanted_staff = next((s for s in previous_staff if str(s.pk) == request.GET.get("staff")), None)
    slots = []
    if form.is_valid():
        slots = selectors.available_slots(
            service,
            form.cleaned_data["district"],
            form.cleaned_data["date"],
            only_staff={wanted_staff.pk} if wanted_staff else None,
        )
    if request.method == "POST":
        return _hold(request, service, districts, wanted_staff)
    context = {
        "service": service,
        "form": form,
        "slots": slots,
        "previous_staff": previous_staff,
        "wanted_staff": wanted_staff,
        "days": [today + timedelta(days=offset) for offset in range(15)],
    }
    status = BAD_REQUEST if request.GET and form.errors else 200
    return TemplateResponse(request, "booking/choose_time.html", context, status=status)


def _hold(request, service, districts, wanted_staff):
    district = districts.filter(code=request.POST.get("district")).first()
    start = parse_datetime(request.POST.get("start", ""))
    if district is None or start is None or timezone.is_naive(start):
        messages.error(request, _("Choose a district and one of the times shown."))
        return redirect("booking:book", service_id=service.pk)
    try:
        hold = services.hold_slot(
            customer=request.user, service=service, district=district, start=start, staff=wanted_staff
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{request.path}?district={district.code}&date={timezone.localtime(start).date()}")
    request.session[DRAFT_KEY] = {"hold": hold.pk, "service": service.pk}
    return redirect("booking:details", hold_id=hold.pk)


def _live_hold(request, hold_id) -> SlotHold:
    hold = get_object_or_404(
        SlotHold.objects.select_related("district", "staff"), pk=hold_id, customer=request.user
    )
    if hold.expires_at <= timezone.now():
        raise Http404
    return hold


@login_required
def details(request, hold_id):
    try:
        hold = _live_hold(request, hold_id)
    except Http404:
        messages.error(
            request, _("The time was kept for you for 10 minutes and has been released. Choose again.")
        )
        return redirect("booking:orders")
    draft = request.session.get(DRAFT_KEY) or {}
    service = _service(hold.service_id).localized
    addresses = Address.objects.filter(customer=request.user, district=hold.district)
    address_form = AddressForm(
        request.POST if "add_address" in request.POST else None,
        districts=District.objects.filter(pk=hold.district_id),
        initial={"district": hold.district},
    )
    details_form = DetailsForm(
        request.POST if "continue" in request.POST else None,
        addresses=addresses,
        initial={"notes": draft.get("notes", ""), "address": draft.get("address")},
    )
    if address_form.is_bound and address_form.is_valid():
        address = address_form.save(commit=False)
        address.customer = request.user
        address.save()
        messages.success(request, _("The address was saved."))
        return redirect("booking:details", hold_id=hold.pk)
    if details_form.is_bound and details_form.is_valid():
        draft.update(
            address=details_form.cleaned_data["address"].pk, notes=details_form.cleaned_data["notes"]
        )
        request.session[DRAFT_KEY] = draft
        return redirect("booking:review", hold_id=hold.pk)
    context = {
        "service": service,
        "hold": hold,
        "address_form": address_form,
        "details_form": details_form,
        "addresses": addresses,
    }
    bound = address_form if address_form.is_bound else details_form
    status = BAD_REQUEST if bound.is_bound and bound.errors else 200
    return TemplateResponse(request, "booking/details.html", context, status=status)


@login_required
def review(request, hold_id):
    draft = request.session.get(DRAFT_KEY) or {}
    try:
        hold = _live_hold(request, hold_id)
    except Http404:
        messages.error(
            request, _("The time was kept for you for 10 minutes and has been released. Choose again.")
        )
        if draft.get("service"):
            return redirect("booking:book", service_id=draft["service"])
        return redirect("service_list")
    address = Address.objects.filter(customer=request.user, pk=draft.get("address")).first()
    if address is None:
        return redirect("booking:details", hold_id=hold.pk)
    service = _service(hold.service_id).localized
    source = selectors.source_service(service)
    offer = hold.staff.provider.offers.filter(service=source, is_active=True).first()
    if offer is None:
        messages.error(request, _("This provider no longer offers the service. Choose a time again."))
        return redirect("booking:book", service_id=service.pk)
    if request.method == "POST":
        try:
            booking = services.create_booking(
                customer=request.user,
                service=service,
                start=hold.start,
                address=address,
                notes=draft.get("notes", ""),
                hold=hold,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("booking:book", service_id=service.pk)
        request.session.pop(DRAFT_KEY, None)
        messages.success(
            request,
            _("Order %(number)s is placed. Pay within %(minutes)s minutes to confirm it.")
            % {"number": booking.number, "minutes": settings.BOOKING_PAYMENT_MINUTES},
        )
        return redirect("payments:checkout", number=booking.number)
    hours, fee = services.policy_for_service(source)
    context = {
        "service": service,
        "hold": hold,
        "address": address,
        "notes": draft.get("notes", ""),
        "price": offer.effective_price,
        "free_change_hours": hours,
        "late_fee_percent": fee,
        "end": hold.start + timedelta(minutes=source.duration_minutes),
    }
    return TemplateResponse(request, "booking/review.html", context)


@login_required
def orders(request):
    bookings = selectors.customer_bookings(request.user)
    return TemplateResponse(request, "booking/orders.html", {"bookings": bookings[:100]})


def _own_booking(request, number) -> Booking:
    return get_object_or_404(selectors.customer_bookings(request.user), number=number)


@login_required
def order(request, number):
    booking = _own_booking(request, number)
    if booking.status == Booking.Status.PENDING and services.expire_unpaid(booking):
        booking = _own_booking(request, number)
    change_form = ChangeForm(request.GET if "date" in request.GET else None, initial={"notes": booking.notes})
    new_slots = []
    if change_form.is_bound and change_form.is_valid() and change_form.cleaned_data["date"]:
        new_slots = selectors.available_slots(
            booking.service, booking.district, change_form.cleaned_data["date"]
        )
    context = {
        "booking": booking,
        "events": booking.events.select_related("actor"),
        "change_form": change_form,
        "new_slots": new_slots,
        "can_change": services.customer_can_change(booking),
        "can_cancel": services.customer_can_cancel(booking),
        "fee_now": services.customer_cancellation_fee(booking),
        "deadline": services.free_change_deadline(booking),
        "has_invoice": Invoice.objects.filter(booking=booking).exists(),
        "other_addresses": Address.objects.filter(customer=request.user, district=booking.district),
    }
    return TemplateResponse(request, "booking/order.html", context)


@login_required
@require_POST
def cancel(request, number):
    booking = _own_booking(request, number)
    try:
        booking = services.cancel_by_customer(
            booking, customer=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The order was cancelled."))
    return redirect("booking:order", number=booking.number)


@login_required
@require_POST
def change(request, number):
    booking = _own_booking(request, number)
    start = parse_datetime(request.POST.get("start", "")) if request.POST.get("start") else None
    if start is not None and timezone.is_naive(start):
        start = None
    notes = request.POST.get("notes") if "notes" in request.POST else None
    address = None
    if request.POST.get("address"):
        address = Address.objects.filter(customer=request.user, pk=request.POST["address"]).first()
        if address is None:
            messages.error(request, _("Choose one of your own addresses."))
            return redirect("booking:order", number=booking.number)
    try:
        services.change_by_customer(booking, customer=request.user, start=start, address=address, notes=notes)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The order was changed."))
    return redirect("booking:order", number=booking.number)


@login_required
def addresses(request):
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = form.save(commit=False)
        address.customer = request.user
        address.save()
        messages.success(request, _("The address was saved."))
        return redirect("booking:addresses")
    context = {
        "form": form,
        "addresses": Address.objects.filter(customer=request.user).select_related("district"),
    }
    status = BAD_REQUEST if form.is_bound and form.errors else 200
    return TemplateResponse(request, "booking/addresses.html", context, status=status)
