"""Writes for bookings. The database's unique constraint on staff time units is what guarantees that
no staff member holds two overlapping bookings; these functions turn its refusal into a clear answer."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import record_personal_data_access
from cms.models import ServicePage
from providers.models import ServiceOffer, Staff
from providers.selectors import LOCAL_TIME

from .errors import BookingError, PolicyViolation, SlotTaken
from .invoicing import issue_invoice
from .models import Address, Booking, BookingEvent, DailySequence, SlotHold, StaffSlot
from .selectors import (
    available_slots,
    booking_window,
    jobs_on,
    source_service,
    task_details_from,
    task_details_visible,
    units,
)
from .signals import booking_cancelled


def occupy_staff_time(staff_id, start, until, *, booking=None, hold=None) -> None:
    """Take the staff member's units from ``start`` to ``until``; SlotTaken if any is already used."""
    now = timezone.now()
    wanted = units(start, until)
    # Expired holds and orders left unpaid give their time back first, in the same transaction.
    StaffSlot.objects.filter(staff_id=staff_id, starts_at__in=wanted, hold__expires_at__lte=now).delete()
    unpaid = Booking.objects.filter(
        status=Status.PENDING, pay_by__lte=now, slots__staff_id=staff_id, slots__starts_at__in=wanted
    ).distinct()
    for booking in unpaid:
        expire_unpaid(booking)
    rows = [
        StaffSlot(staff_id=staff_id, starts_at=unit, booking=booking, hold=hold)
        for unit in units(start, until)
    ]
    try:
        with transaction.atomic():
            StaffSlot.objects.bulk_create(rows)
    except IntegrityError as exc:
        raise SlotTaken() from exc


def _check_start(service: ServicePage, start) -> None:
    earliest, latest = booking_window()
    if start < earliest:
        raise BookingError(
            _("Book at least %(hours)s hours ahead.") % {"hours": settings.BOOKING_MIN_NOTICE_MINUTES // 60},
            code="too_soon",
        )
    if start > latest:
        raise BookingError(
            _("Bookings open %(days)s days ahead at most.") % {"days": settings.BOOKING_HORIZON_DAYS},
            code="too_far",
        )


def _candidates(service, district, start, preferred_staff=None) -> list[int]:
    """Staff free at ``start``: the one asked for first, then those with fewer jobs that day."""
    day = timezone.localtime(start).date()
    slots = [slot for slot in available_slots(service, district, day) if slot.start == start]
    if not slots:
        return []
    free = list(slots[0].staff_ids)
    load = jobs_on(free, day)
    free.sort(key=lambda staff_id: (staff_id != preferred_staff, load.get(staff_id, 0), staff_id))
    return free


@transaction.atomic
def hold_slot(*, customer, service: ServicePage, district, start, staff=None) -> SlotHold:
    """Keep ``start`` for the customer for a few minutes while they fill in the rest."""
    service = source_service(service)
    _check_start(service, start)
    SlotHold.objects.filter(customer=customer, expires_at__gt=timezone.now()).delete()
    for staff_id in _candidates(service, district, start, staff.pk if staff else None):
        if staff is not None and staff_id != staff.pk:
            break
        hold = SlotHold.objects.create(
            customer=customer,
            service=service,
            staff_id=staff_id,
            district=district,
            start=start,
            expires_at=timezone.now() + timedelta(minutes=settings.BOOKING_HOLD_MINUTES),
        )
        try:
            with transaction.atomic():
                occupy_staff_time(staff_id, start, _occupied_until(service, start), hold=hold)
        except SlotTaken:
            hold.delete()
            continue
        return hold
    raise SlotTaken()


def _occupied_until(service, start):
    return start + timedelta(minutes=service.duration_minutes + service.travel_buffer_minutes)


def next_booking_number(on) -> str:
    """SM20261121-0042: the day and a counter that restarts each day, short enough to read out."""
    sequence, _created = DailySequence.objects.get_or_create(day=on)
    DailySequence.objects.filter(day=on).update(last=F("last") + 1)
    sequence.refresh_from_db()
    return f"SM{on:%Y%m%d}-{sequence.last:04d}"


@transaction.atomic
def create_booking(
    *, customer, service: ServicePage, start, address: Address, notes: str = "", staff=None, hold=None
) -> Booking:
    """A booking of ``service`` at ``start`` at ``address``, assigned to a free eligible staff member.

    Raises SlotTaken when the time went to someone else first, BookingError for any other rule.
    """
    service = source_service(service)
    if address.customer_id != customer.pk:
        raise BookingError(_("Choose one of your own addresses."), code="invalid_address")
    if not service.districts.filter(pk=address.district_id).exists():
        raise BookingError(_("This service is not offered in %(district)s.") % {"district": address.district})
    _check_start(service, start)
    if hold is not None and hold.customer_id == customer.pk and hold.expires_at > timezone.now():
        # The hold's own units are handed over to the booking.
        staff_ids = [hold.staff_id] if hold.start == start else []
        hold.delete()
    else:
        staff_ids = []
    staff_ids = staff_ids or _candidates(service, address.district, start, staff.pk if staff else None)
    if staff is not None and staff.pk not in staff_ids:
        raise BookingError(
            _("%(name)s is not free at that time.") % {"name": staff.real_name}, code="staff_busy"
        )
    for staff_id in staff_ids:
        member = Staff.objects.select_related("provider").get(pk=staff_id)
        offer = ServiceOffer.objects.get(provider=member.provider, service=service)
        booking = Booking(
            number=next_booking_number(timezone.localdate()),
            customer=customer,
            service=service,
            provider=member.provider,
            staff=member,
            district=address.district,
            address_detail=address.detail,
            address_landmark=address.landmark,
            contact_name=address.contact_name,
            contact_phone=address.contact_phone,
            start=start,
            end=start + timedelta(minutes=service.duration_minutes),
            buffer_minutes=service.travel_buffer_minutes,
            price=offer.effective_price,
            notes=notes.strip(),
            pay_by=timezone.now() + timedelta(minutes=settings.BOOKING_PAYMENT_MINUTES),
        )
        try:
            with transaction.atomic():
                booking.save()
                occupy_staff_time(staff_id, start, booking.occupied_until, booking=booking)
        except SlotTaken:
            continue
        BookingEvent.objects.create(
            booking=booking, actor=customer, action="created", to_status=booking.status
        )
        return booking
    raise SlotTaken()


# Life cycle ------------------------------------------------------------------------------------------------

Status = Booking.Status
CUSTOMER, STAFF, DISPATCHER, PLATFORM, SYSTEM = "customer", "staff", "dispatcher", "platform", "system"


@dataclass(frozen=True)
class Move:
    sources: tuple
    target: str
    roles: tuple
    needs_reason: bool = False


MOVES = {
    "confirm": Move((Status.PENDING,), Status.CONFIRMED, (SYSTEM, PLATFORM)),
    "assign": Move((Status.CONFIRMED,), Status.ASSIGNED, (SYSTEM, DISPATCHER, PLATFORM)),
    "set_off": Move((Status.ASSIGNED,), Status.ON_THE_WAY, (STAFF,)),
    "start": Move((Status.ASSIGNED, Status.ON_THE_WAY), Status.IN_SERVICE, (STAFF,)),
    "complete": Move((Status.IN_SERVICE,), Status.COMPLETED, (STAFF,)),
    "no_show": Move((Status.ON_THE_WAY,), Status.NO_SHOW, (STAFF,), needs_reason=True),
    "cancel_by_customer": Move(
        (Status.PENDING, Status.CONFIRMED, Status.ASSIGNED), Status.CANCELLED_BY_CUSTOMER, (CUSTOMER,)
    ),
    "cancel_by_provider": Move(
        (Status.CONFIRMED, Status.ASSIGNED), Status.CANCELLED_BY_PROVIDER, (DISPATCHER,), needs_reason=True
    ),
    "cancel_by_platform": Move(
        (Status.PENDING, Status.CONFIRMED, Status.ASSIGNED, Status.ON_THE_WAY),
        Status.CANCELLED_BY_PLATFORM,
        (PLATFORM, SYSTEM),
        needs_reason=True,
    ),
}
CANCELLATIONS = {"cancel_by_customer", "cancel_by_provider", "cancel_by_platform"}
RELEASES_TIME = CANCELLATIONS | {"no_show"}


@transaction.atomic
def move_booking(booking: Booking, action: str, *, actor, role: str, reason: str = "") -> Booking:
    """Move a booking along its life cycle, if ``role`` may; every move goes on the customer's timeline."""
    move = MOVES[action]
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if role not in move.roles:
        raise BookingError(_("You cannot do this with this order."), code="not_allowed")
    if booking.status not in move.sources:
        raise BookingError(
            _("This cannot be done while the order is “%(status)s”.")
            % {"status": booking.get_status_display()},
            code="wrong_status",
        )
    reason = (reason or "").strip()
    if move.needs_reason and not reason:
        raise BookingError(_("Give a reason: the customer will see it."), code="reason_required")
    previous = booking.status
    booking.status = move.target
    booking.save(update_fields=["status", "updated_at"])
    if action in RELEASES_TIME:
        StaffSlot.objects.filter(booking=booking).delete()
    if action == "complete":
        # A completed order's receipt is issued at once; if it cannot be, the completion does not happen.
        issue_invoice(booking)
    BookingEvent.objects.create(
        booking=booking,
        actor=actor,
        action=action,
        from_status=previous,
        to_status=booking.status,
        reason=reason,
    )
    if action in CANCELLATIONS:
        booking_cancelled.send(sender=Booking, booking=booking, action=action)
    return booking


@transaction.atomic
def reschedule(booking: Booking, *, actor, start) -> Booking:
    """Move a booking to another start time, keeping its staff member when free, atomically: the old time
    is given back only if the new one could be taken."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status not in CHANGEABLE:
        raise BookingError(_("This order can no longer be changed."), code="wrong_status")
    service = booking.service
    _check_start(service, start)
    previous_start = booking.start
    StaffSlot.objects.filter(booking=booking).delete()
    duration = booking.end - booking.start
    candidates = _candidates(service, booking.district, start, booking.staff_id)
    for staff_id in candidates:
        try:
            with transaction.atomic():
                booking.staff_id = staff_id
                booking.start, booking.end = start, start + duration
                booking.save(update_fields=["staff", "start", "end", "updated_at"])
                occupy_staff_time(staff_id, start, booking.occupied_until, booking=booking)
        except SlotTaken:
            continue
        BookingEvent.objects.create(
            booking=booking,
            actor=actor,
            action="rescheduled",
            reason=f"{timezone.localtime(previous_start):%Y-%m-%d %H:%M} → {timezone.localtime(start):%Y-%m-%d %H:%M}",
        )
        return booking
    raise SlotTaken()


# Policy ----------------------------------------------------------------------------------------------------


def policy_for(booking: Booking):
    """The category's rule: free changes and cancellation until N hours before, later a fee (%)."""
    return policy_for_service(booking.service)


def free_change_deadline(booking: Booking):
    hours, _fee = policy_for(booking)
    return booking.start - timedelta(hours=hours)


def cancellation_fee(booking: Booking, now=None) -> Decimal:
    now = now or timezone.now()
    if now <= free_change_deadline(booking):
        return Decimal("0.00")
    _hours, percent = policy_for(booking)
    return (booking.price * Decimal(percent) / Decimal(100)).quantize(Decimal("0.01"))


def customer_cancellation_fee(booking: Booking, now=None) -> Decimal:
    """What the customer would owe for cancelling now. An order never paid costs nothing to cancel; the fee
    is kept from what was paid, never billed."""
    if booking.status == Status.PENDING:
        return Decimal("0.00")
    return cancellation_fee(booking, now)


@transaction.atomic
def cancel_by_customer(booking: Booking, *, customer, reason: str = "") -> Booking:
    """The customer cancels: free before the policy's deadline, with the policy's fee after it."""
    if booking.customer_id != customer.pk:
        raise BookingError(_("You cannot do this with this order."), code="not_allowed")
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    booking.cancellation_fee = customer_cancellation_fee(booking)
    booking.save(update_fields=["cancellation_fee", "updated_at"])
    return move_booking(booking, "cancel_by_customer", actor=customer, role=CUSTOMER, reason=reason)


@transaction.atomic
def change_by_customer(booking: Booking, *, customer, start=None, address: Address | None = None, notes=None):
    """Change time, address or notes before the policy's deadline; a new time is re-checked atomically."""
    if booking.customer_id != customer.pk:
        raise BookingError(_("You cannot do this with this order."), code="not_allowed")
    if timezone.now() > free_change_deadline(booking):
        hours, _fee = policy_for(booking)
        raise PolicyViolation(
            _(
                "Changes are possible until %(hours)s hours before the start; please call the provider instead."
            )
            % {"hours": hours}
        )
    if address is not None:
        if address.customer_id != customer.pk:
            raise BookingError(_("Choose one of your own addresses."), code="invalid_address")
        if address.district_id != booking.district_id:
            raise BookingError(
                _("The new address must be in %(district)s; for another district, book again.")
                % {"district": booking.district},
                code="invalid_address",
            )
        booking.address_detail, booking.address_landmark = address.detail, address.landmark
        booking.contact_name, booking.contact_phone = address.contact_name, address.contact_phone
    if notes is not None:
        booking.notes = notes.strip()
    booking.save()
    if start is not None and start != booking.start:
        booking = reschedule(booking, actor=customer, start=start)
    elif address is not None or notes is not None:
        BookingEvent.objects.create(booking=booking, actor=customer, action="changed")
    return booking


def customer_can_change(booking: Booking, now=None) -> bool:
    """Whether change_by_customer would accept a change now (the time itself is re-checked then)."""
    return booking.status in CHANGEABLE and (now or timezone.now()) <= free_change_deadline(booking)


def customer_can_cancel(booking: Booking) -> bool:
    return booking.status in MOVES["cancel_by_customer"].sources


def confirm_and_assign(booking: Booking) -> Booking:
    """Confirm a paid order and show its auto-assigned staff member."""
    booking = move_booking(booking, "confirm", actor=None, role=SYSTEM)
    return move_booking(booking, "assign", actor=None, role=SYSTEM)


@transaction.atomic
def expire_unpaid(booking: Booking) -> bool:
    """Cancel an order still unpaid after its payment window; False if it was paid or moved meanwhile."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != Status.PENDING or booking.pay_by is None or booking.pay_by > timezone.now():
        return False
    move_booking(booking, "cancel_by_platform", actor=None, role=SYSTEM, reason="unpaid")
    return True


def overdue_unpaid_bookings(now=None):
    return Booking.objects.filter(status=Status.PENDING, pay_by__lte=now or timezone.now())


CHANGEABLE = (Status.PENDING, Status.CONFIRMED, Status.ASSIGNED)


def policy_for_service(service):
    category = service.get_parent().specific
    return category.free_change_hours, category.late_cancellation_fee_percent


# Staff's tasks ---------------------------------------------------------------------------------------------

# The moves a staff member makes on a task, in the order the job goes.
STAFF_TASK_ACTIONS = ("set_off", "start", "complete", "no_show")
TASK_DETAIL_FIELDS = ["address_detail", "address_landmark", "contact_name", "contact_phone", "notes"]


def reveal_task_details(booking: Booking, *, staff: Staff, viewer, now=None, purpose="staff task") -> bool:
    """Whether ``viewer``, acting as ``staff``, may be shown the task's full address, contact and notes now;
    when they may, the showing is logged. Call it only when the details are about to be shown."""
    visible = task_details_visible(booking, staff, now or timezone.now())
    if visible:
        record_personal_data_access(actor=viewer, subject=booking, fields=TASK_DETAIL_FIELDS, purpose=purpose)
    return visible


def staff_task_actions(booking: Booking, staff: Staff, now=None) -> list[str]:
    """The moves ``staff`` can make on the task now: only on their own task, once its details show."""
    if not task_details_visible(booking, staff, now or timezone.now()):
        return []
    return [action for action in STAFF_TASK_ACTIONS if booking.status in MOVES[action].sources]


def move_task(booking: Booking, action: str, *, staff: Staff, actor, reason: str = "") -> Booking:
    """A staff member moves their own task along: no earlier than its details show (two hours before)."""
    if action not in STAFF_TASK_ACTIONS or booking.staff_id != staff.pk:
        raise BookingError(_("You cannot do this with this order."), code="not_allowed")
    if timezone.now() < task_details_from(booking):
        raise BookingError(
            _("You can update this task from %(time)s.")
            % {"time": f"{timezone.localtime(task_details_from(booking), LOCAL_TIME):%m-%d %H:%M}"},
            code="too_early",
        )
    return move_booking(booking, action, actor=actor, role=STAFF, reason=reason)
