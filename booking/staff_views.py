"""Portal pages for the provider's side of bookings: staff members' own tasks on their phones, and for
dispatchers and administrators the provider's orders as a list and a week calendar, each order with its
timeline and a reassignment form.

Customers' addresses and phone numbers are masked everywhere except on the assigned staff member's own
task, shortly before it starts and until it is done; every such display is logged.
"""

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from providers import permissions
from providers.models import Provider, Staff
from providers.selectors import LOCAL_TIME

from . import dispatch, selectors, services
from .models import ACTIVE_STATUSES, Booking
from .selectors import TASK_DAYS, attach_service_titles, masked_contact, task_details_from

ORDERS_PER_PAGE = 20

Status = Booking.Status
CANCELLED_STATUSES = (
    Status.CANCELLED_BY_CUSTOMER,
    Status.CANCELLED_BY_PROVIDER,
    Status.CANCELLED_BY_PLATFORM,
)
# The moves a staff member makes from the task page, in the order the job goes.
STAFF_MOVE_LABELS = {
    "set_off": gettext_lazy("I am on my way"),
    "start": gettext_lazy("Start the job"),
    "complete": gettext_lazy("Job done"),
    "no_show": gettext_lazy("Customer not at home"),
}


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=LOCAL_TIME)


def _local_day(moment: datetime) -> date:
    return timezone.localtime(moment, LOCAL_TIME).date()


# Staff's tasks ---------------------------------------------------------------------------------------------


def _staff_moves(booking: Booking, staff: Staff, now: datetime) -> list[tuple[str, str]]:
    return [
        (action, STAFF_MOVE_LABELS[action]) for action in services.staff_task_actions(booking, staff, now)
    ]


def _own_staff(request) -> Staff:
    staff = permissions.staff_profile(request.user)
    if staff is None:
        raise Http404
    permissions.require(permissions.can_act_as_staff(request.user, staff))
    return staff


@login_required
def tasks(request):
    staff = _own_staff(request)
    now = timezone.now()
    today = _local_day(now)
    days = [today + timedelta(days=offset) for offset in range(TASK_DAYS)]
    bookings = list(selectors.staff_tasks(staff, now))
    attach_service_titles(bookings)
    by_day = {day: [] for day in days}
    for booking in bookings:
        visible = services.reveal_task_details(booking, staff=staff, viewer=request.user, now=now)
        by_day[_local_day(booking.start)].append(
            SimpleNamespace(
                booking=booking,
                details_visible=visible,
                details_from=task_details_from(booking) if booking.status in ACTIVE_STATUSES else None,
                masked_contact=masked_contact(booking),
                moves=_staff_moves(booking, staff, now),
            )
        )
    context = {"staff": staff, "days": list(by_day.items())}
    return TemplateResponse(request, "booking/staff/tasks.html", context)


@login_required
@require_POST
def task_move(request, booking_id, action):
    staff = permissions.staff_profile(request.user)
    booking = get_object_or_404(Booking, pk=booking_id)
    permissions.require(
        staff is not None
        and booking.staff_id == staff.pk
        and permissions.can_act_as_staff(request.user, staff)
    )
    try:
        booking = services.move_task(
            booking, action, staff=staff, actor=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Order %(number)s: %(status)s.")
            % {"number": booking.number, "status": booking.get_status_display()},
        )
    return redirect("booking_staff:tasks")


# The provider's orders -------------------------------------------------------------------------------------


class OrderFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("All")), *Status.choices],
        required=False,
    )
    staff = forms.ModelChoiceField(
        label=gettext_lazy("Staff"),
        queryset=Staff.objects.none(),
        required=False,
        empty_label=gettext_lazy("All"),
    )
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    needs_reassignment = forms.BooleanField(label=gettext_lazy("Needs a new staff member"), required=False)

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = provider.staff.order_by("real_name", "pk")

    def apply(self, bookings):
        if not self.is_valid():
            return bookings
        return selectors.filter_bookings(bookings, **self.cleaned_data)


class ReassignForm(forms.Form):
    staff = forms.ModelChoiceField(label=gettext_lazy("New staff member"), queryset=Staff.objects.none())

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = choices


def _dispatchable_provider(request, provider_id) -> Provider:
    provider = get_object_or_404(Provider, pk=provider_id)
    permissions.require(permissions.can_dispatch(request.user, provider))
    return provider


def _provider_context(request, provider) -> dict:
    return {"provider": provider, "can_manage": permissions.can_manage(request.user, provider)}


@login_required
def orders(request, provider_id):
    provider = _dispatchable_provider(request, provider_id)
    filter_form = OrderFilterForm(request.GET or None, provider=provider)
    bookings = filter_form.apply(selectors.provider_bookings([provider]))
    page = Paginator(bookings, ORDERS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    attach_service_titles(rows)
    context = {
        **_provider_context(request, provider),
        "filter_form": filter_form,
        "page_obj": page,
        "rows": rows,
    }
    return TemplateResponse(request, "booking/provider/orders.html", context)


def _week_start(request) -> date:
    try:
        chosen = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        chosen = timezone.localdate()
    return chosen - timedelta(days=chosen.weekday())


@login_required
def calendar(request, provider_id):
    provider = _dispatchable_provider(request, provider_id)
    week_start = _week_start(request)
    days = [week_start + timedelta(days=offset) for offset in range(7)]
    bookings = list(
        Booking.objects.filter(
            provider=provider,
            start__gte=_day_start(days[0]),
            start__lt=_day_start(days[-1] + timedelta(days=1)),
        )
        .exclude(status__in=CANCELLED_STATUSES)
        .select_related("service")
        .order_by("start")
    )
    attach_service_titles(bookings)
    cells = {}
    for booking in bookings:
        cells.setdefault((booking.staff_id, _local_day(booking.start)), []).append(booking)
    # Staff who left still get a row while they hold bookings of the week.
    staff = provider.staff.filter(
        ~Q(status=Staff.Status.LEFT) | Q(pk__in={booking.staff_id for booking in bookings})
    ).order_by("real_name", "pk")
    context = {
        **_provider_context(request, provider),
        "days": days,
        "rows": [(member, [(day, cells.get((member.pk, day), [])) for day in days]) for member in staff],
        "flagged_count": sum(booking.needs_reassignment for booking in bookings),
        "previous_week": week_start - timedelta(days=7),
        "next_week": week_start + timedelta(days=7),
        "today": timezone.localdate(),
    }
    return TemplateResponse(request, "booking/provider/calendar.html", context)


def _timeline(booking: Booking) -> list[tuple]:
    return [(event, selectors.event_label(event)) for event in selectors.timeline(booking)]


@login_required
def order(request, booking_id):
    booking = get_object_or_404(
        Booking.objects.select_related("provider", "staff", "service", "district"), pk=booking_id
    )
    provider = booking.provider
    permissions.require(permissions.can_dispatch(request.user, provider))
    if request.method == "POST":
        form = ReassignForm(request.POST, choices=provider.staff.all())
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["staff"]))
        else:
            try:
                booking = dispatch.reassign(booking, staff=form.cleaned_data["staff"], actor=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("%(number)s now goes to %(name)s.")
                    % {"number": booking.number, "name": booking.staff.real_name},
                )
        return redirect("booking_staff:order", booking_id=booking.pk)
    candidates = dispatch.reassign_candidates(booking)
    attach_service_titles([booking])
    context = {
        **_provider_context(request, provider),
        "booking": booking,
        "masked_contact": masked_contact(booking),
        "timeline": _timeline(booking),
        "reassignable": booking.status in dispatch.REASSIGNABLE_STATUSES,
        "reassign_form": ReassignForm(
            choices=Staff.objects.filter(pk__in=[member.pk for member in candidates])
        )
        if candidates
        else None,
    }
    return TemplateResponse(request, "booking/provider/order.html", context)
