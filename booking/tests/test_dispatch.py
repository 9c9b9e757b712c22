"""Dispatch and the provider side of bookings: reassignment, flagging on suspension, staff tasks and the
provider's order pages, with a permission matrix over every URL they add."""

from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import PersonalDataAccess
from booking import dispatch, services
from booking.models import Booking, BookingEvent, StaffSlot
from booking.selectors import available_slots
from booking.services import BookingError
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at
from cms.tests.factories import build_catalog
from providers import services as provider_services
from providers.permissions import REVIEWERS_GROUP
from providers.tests.factories import make_applicant

pytestmark = pytest.mark.django_db

OK, FORBIDDEN, REDIRECT, NOT_FOUND = 200, 403, 302, 404
ADDRESS = "任城区古槐路 18 号 3 单元 502 室"


def book(catalog, start, staff=None, customer=None):
    customer = customer or make_customer()
    return services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=start,
        address=make_address(customer, catalog.rencheng),
        notes="家里有猫，请轻声",
        staff=staff,
    )


def assigned(booking):
    booking = services.move_booking(booking, "confirm", actor=None, role=services.SYSTEM)
    return services.move_booking(booking, "assign", actor=None, role=services.SYSTEM)


def staff_is_free(catalog, staff, start):
    slots = available_slots(catalog.daily, catalog.rencheng, start.date(), only_staff=[staff.pk])
    return start in {slot.start for slot in slots}


# Reassignment ----------------------------------------------------------------------------------------------


def test_reassign_moves_the_time_to_the_new_staff_member(catalog):
    _provider, (first, second) = bookable_setup(catalog, staff_count=2)
    booking = book(catalog, tomorrow_at(10), staff=first)
    dispatcher = make_applicant(name="调度员")

    moved = dispatch.reassign(booking, staff=second, actor=dispatcher)

    assert moved.staff == second and not moved.needs_reassignment
    assert StaffSlot.objects.filter(booking=booking, staff=second).count() == 10
    assert not StaffSlot.objects.filter(staff=first).exists()
    assert staff_is_free(catalog, first, tomorrow_at(10))
    assert not staff_is_free(catalog, second, tomorrow_at(10))
    event = booking.events.get(action="reassigned")
    assert event.actor == dispatcher and event.reason == f"{first.real_name} → {second.real_name}"
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffSlot.objects.create(staff=second, starts_at=tomorrow_at(11), booking=booking)


def test_reassign_to_a_busy_staff_member_changes_nothing(catalog):
    _provider, (first, second) = bookable_setup(catalog, staff_count=2)
    mine = book(catalog, tomorrow_at(10), staff=first)
    book(catalog, tomorrow_at(11), staff=second)

    with pytest.raises(BookingError) as excinfo:
        dispatch.reassign(mine, staff=second, actor=None)

    assert excinfo.value.code == "staff_busy"
    mine.refresh_from_db()
    assert mine.staff == first
    assert StaffSlot.objects.filter(booking=mine, staff=first).count() == 10
    assert not mine.events.filter(action="reassigned").exists()


def test_reassign_to_another_providers_staff_is_refused(catalog):
    _provider, (mine_staff,) = bookable_setup(catalog)
    _other, (stranger,) = bookable_setup(catalog)
    booking = book(catalog, tomorrow_at(10), staff=mine_staff)

    with pytest.raises(BookingError) as excinfo:
        dispatch.reassign(booking, staff=stranger, actor=None)

    assert excinfo.value.code == "other_provider"
    booking.refresh_from_db()
    assert booking.staff == mine_staff
    assert StaffSlot.objects.filter(booking=booking, staff=mine_staff).count() == 10
    assert not StaffSlot.objects.filter(staff=stranger).exists()


def test_reassign_is_refused_once_the_job_is_under_way(catalog):
    _provider, (first, second) = bookable_setup(catalog, staff_count=2)
    booking = assigned(book(catalog, tomorrow_at(10), staff=first))
    services.move_booking(booking, "set_off", actor=None, role=services.STAFF)

    with pytest.raises(BookingError) as excinfo:
        dispatch.reassign(booking, staff=second, actor=None)

    assert excinfo.value.code == "wrong_status"
    assert dispatch.reassign_candidates(Booking.objects.get(pk=booking.pk)) == []


def test_candidates_are_the_providers_free_eligible_staff(catalog):
    _provider, (first, second, third) = bookable_setup(catalog, staff_count=3)
    bookable_setup(catalog)
    booking = book(catalog, tomorrow_at(10), staff=first)
    book(catalog, tomorrow_at(9), staff=third)

    assert dispatch.reassign_candidates(booking) == [second]


# Suspension ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["suspend", "revoke"])
def test_suspending_the_provider_flags_its_future_bookings(catalog, action):
    provider, _staff = bookable_setup(catalog)
    future = book(catalog, tomorrow_at(10))
    past = book(catalog, tomorrow_at(14))
    Booking.objects.filter(pk=past.pk).update(
        start=past.start - timedelta(days=3), end=past.end - timedelta(days=3)
    )
    cancelled = book(catalog, tomorrow_at(8, 30) + timedelta(days=1))
    services.move_booking(cancelled, "cancel_by_customer", actor=None, role=services.CUSTOMER)

    provider_services.change_status(provider, action, actor=None, reason="投诉核查中")

    flagged = set(Booking.objects.filter(needs_reassignment=True).values_list("pk", flat=True))
    assert flagged == {future.pk}
    assert BookingEvent.objects.filter(booking=future, action="flagged").count() == 1
    assert not BookingEvent.objects.filter(booking=past, action="flagged").exists()


def test_a_warning_flags_nothing(catalog):
    provider, _staff = bookable_setup(catalog)
    booking = book(catalog, tomorrow_at(10))

    provider_services.change_status(provider, "warn", actor=None, reason="迟到")

    booking.refresh_from_db()
    assert not booking.needs_reassignment


# Staff tasks -----------------------------------------------------------------------------------------------


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_staff_see_masked_details_a_day_ahead_and_full_details_shortly_before(client, catalog):
    _provider, (staff,) = bookable_setup(catalog)
    booking = assigned(book(catalog, tomorrow_at(10)))
    client.force_login(staff.user)

    page = client.get(reverse("booking_staff:tasks")).content.decode()
    assert "日常保洁服务" in page
    assert ADDRESS not in page and "13900001111" not in page and "家里有猫" not in page
    assert "139****1111" in page and "陈**" in page
    assert not PersonalDataAccess.objects.exists()

    with at(tomorrow_at(9)):
        page = client.get(reverse("booking_staff:tasks")).content.decode()
    assert ADDRESS in page and "太白楼对面" in page and "家里有猫" in page
    assert 'href="tel:13900001111"' in page
    access = PersonalDataAccess.objects.get()
    assert access.actor == staff.user and access.purpose == "staff task"
    assert access.subject_id == str(booking.pk)


def test_only_the_assigned_staff_member_sees_the_address_and_moves_the_task(client, catalog):
    provider, (staff, colleague) = bookable_setup(catalog, staff_count=2)
    booking = assigned(book(catalog, tomorrow_at(10), staff=staff))
    move = reverse("booking_staff:task_move", args=[booking.pk, "set_off"])

    with at(tomorrow_at(9)):
        client.force_login(colleague.user)
        assert ADDRESS not in client.get(reverse("booking_staff:tasks")).content.decode()
        assert client.post(move).status_code == FORBIDDEN
        client.force_login(provider.admin_user)
        assert ADDRESS not in client.get(reverse("booking_staff:order", args=[booking.pk])).content.decode()
        assert client.post(move).status_code == FORBIDDEN

    booking.refresh_from_db()
    assert booking.status == Booking.Status.ASSIGNED


def test_staff_move_their_task_along(client, catalog):
    _provider, (staff,) = bookable_setup(catalog)
    booking = assigned(book(catalog, tomorrow_at(10)))
    client.force_login(staff.user)

    with at(tomorrow_at(7)):
        response = client.post(reverse("booking_staff:task_move", args=[booking.pk, "set_off"]), follow=True)
    assert response.status_code == OK
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ASSIGNED, "too early: more than two hours before the start"

    with at(tomorrow_at(9, 30)):
        page = client.get(reverse("booking_staff:tasks")).content.decode()
        assert reverse("booking_staff:task_move", args=[booking.pk, "set_off"]) in page
        for action, status in [("set_off", "on_the_way"), ("start", "in_service"), ("complete", "completed")]:
            response = client.post(reverse("booking_staff:task_move", args=[booking.pk, action]))
            assert response.status_code == REDIRECT
            booking.refresh_from_db()
            assert booking.status == status
        page = client.get(reverse("booking_staff:tasks")).content.decode()
    assert ADDRESS not in page, "the details hide again once the job is done"
    assert [event.action for event in booking.events.all()][-3:] == ["set_off", "start", "complete"]


def test_bad_moves_give_a_message_not_an_error(client, catalog):
    _provider, (staff,) = bookable_setup(catalog)
    booking = assigned(book(catalog, tomorrow_at(10)))
    client.force_login(staff.user)

    with at(tomorrow_at(9, 30)):
        for action in ("complete", "no_show", "cancel_by_customer", "nonsense"):
            response = client.post(reverse("booking_staff:task_move", args=[booking.pk, action]), follow=True)
            assert response.status_code == OK
            assert 'class="message error"' in response.content.decode()
        services.move_booking(booking, "set_off", actor=None, role=services.STAFF)
        client.post(reverse("booking_staff:task_move", args=[booking.pk, "no_show"]), {"reason": ""})
        booking.refresh_from_db()
        assert booking.status == Booking.Status.ON_THE_WAY, "a no-show needs a reason"
        client.post(
            reverse("booking_staff:task_move", args=[booking.pk, "no_show"]), {"reason": "敲门无人应答"}
        )
    booking.refresh_from_db()
    assert booking.status == Booking.Status.NO_SHOW


# Provider pages --------------------------------------------------------------------------------------------


def test_dispatcher_reassigns_from_the_order_page(client, catalog):
    provider, (first, second) = bookable_setup(catalog, staff_count=2)
    booking = book(catalog, tomorrow_at(10), staff=first)
    client.force_login(provider.admin_user)
    url = reverse("booking_staff:order", args=[booking.pk])

    page = client.get(url).content.decode()
    assert f'<option value="{second.pk}">' in page and f'<option value="{first.pk}">' not in page
    assert "陈** 139****1111" in page and ADDRESS not in page

    response = client.post(url, {"staff": second.pk}, follow=True)
    assert response.status_code == OK
    booking.refresh_from_db()
    assert booking.staff == second
    assert f"{first.real_name} → {second.real_name}" in response.content.decode()


def test_order_filters(client, catalog):
    provider, (first, second) = bookable_setup(catalog, staff_count=2)
    mine = book(catalog, tomorrow_at(10), staff=first)
    later = book(catalog, tomorrow_at(10) + timedelta(days=2), staff=second)
    Booking.objects.filter(pk=later.pk).update(needs_reassignment=True)
    client.force_login(provider.admin_user)
    url = reverse("booking_staff:orders", args=[provider.pk])

    def numbers(**params):
        page = client.get(url, params).content.decode()
        return {booking.number for booking in (mine, later) if booking.number in page}

    assert numbers() == {mine.number, later.number}
    assert numbers(staff=second.pk) == {later.number}
    assert numbers(needs_reassignment="on") == {later.number}
    assert numbers(date_to=tomorrow_at(10).date().isoformat()) == {mine.number}
    assert numbers(date_from=(tomorrow_at(10) + timedelta(days=1)).date().isoformat()) == {later.number}
    assert numbers(status="completed") == set()
    assert client.get(url, {"date_from": "not-a-date", "page": "x"}).status_code == OK


def test_calendar_shows_the_week_by_staff_with_flagged_bookings_highlighted(client, catalog):
    provider, (first, _second) = bookable_setup(catalog, staff_count=2)
    booking = book(catalog, tomorrow_at(10), staff=first)
    Booking.objects.filter(pk=booking.pk).update(needs_reassignment=True)
    client.force_login(provider.admin_user)
    url = reverse("booking_staff:calendar", args=[provider.pk])

    page = client.get(url, {"week": tomorrow_at(10).date().isoformat()}).content.decode()
    assert "booking-chip flagged" in page and ">10:00</time>" in page
    assert reverse("booking_staff:order", args=[booking.pk]) in page
    next_week = (tomorrow_at(10) + timedelta(days=7)).date().isoformat()
    assert (
        reverse("booking_staff:order", args=[booking.pk])
        not in client.get(url, {"week": next_week}).content.decode()
    )


def test_orders_list_takes_a_fixed_number_of_queries(client, catalog, django_assert_max_num_queries):
    provider, _staff = bookable_setup(catalog, staff_count=2)
    customer = make_customer()
    # Two staff members, three jobs a day each: 25 bookings spread over five days.
    starts = [
        tomorrow_at(hour) + timedelta(days=day) for day in range(5) for hour in (8, 11, 14) for _ in "ab"
    ]
    for start in starts[:3]:
        book(catalog, start, customer=customer)
    client.force_login(provider.admin_user)
    url = reverse("booking_staff:orders", args=[provider.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == OK
    for start in starts[3:25]:
        book(catalog, start, customer=customer)
    assert Booking.objects.count() == 25

    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    assert len(response.context["rows"]) == 20


# Permission matrix -----------------------------------------------------------------------------------------

ROLES = [
    "anonymous",
    "customer",
    "a_admin",
    "a_dispatcher",
    "a_staff",
    "a_other_staff",
    "b_admin",
    "b_staff",
    "reviewer",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(SimpleNamespace(**build_catalog()))
        transaction.set_rollback(True)


def build_world(catalog):
    provider_a, (staff_a, other_a) = bookable_setup(catalog, staff_count=2)
    provider_b, (staff_b,) = bookable_setup(catalog)
    dispatcher = make_applicant(name="调度员")
    provider_services.add_member(provider_a, dispatcher, "dispatcher")
    reviewer = make_applicant(name="审核员")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    customer = make_customer()
    booking = assigned(book(catalog, tomorrow_at(10), staff=staff_a, customer=customer))
    return {
        "provider": provider_a,
        "booking": booking,
        "other_staff": other_a,
        "users": {
            "anonymous": None,
            "customer": customer,
            "a_admin": provider_a.admin_user,
            "a_dispatcher": dispatcher,
            "a_staff": staff_a.user,
            "a_other_staff": other_a.user,
            "b_admin": provider_b.admin_user,
            "b_staff": staff_b.user,
            "reviewer": reviewer,
        },
    }


def expect(**overrides):
    """Everyone refused (anonymous sent to sign in) unless overridden."""
    expected = {role: FORBIDDEN for role in ROLES}
    expected["anonymous"] = REDIRECT
    expected.update(overrides)
    return expected


DISPATCH = expect(a_admin=OK, a_dispatcher=OK)
STAFF_ONLY = expect(
    a_staff=OK,
    a_other_staff=OK,
    b_staff=OK,
    customer=NOT_FOUND,
    a_admin=NOT_FOUND,
    a_dispatcher=NOT_FOUND,
    b_admin=NOT_FOUND,
    reviewer=NOT_FOUND,
)

MATRIX = [
    ("tasks", "GET", lambda w: reverse("booking_staff:tasks"), STAFF_ONLY),
    (
        "task move",
        "POST",
        lambda w: reverse("booking_staff:task_move", args=[w["booking"].pk, "set_off"]),
        expect(a_staff=REDIRECT),
    ),
    ("orders", "GET", lambda w: reverse("booking_staff:orders", args=[w["provider"].pk]), DISPATCH),
    ("calendar", "GET", lambda w: reverse("booking_staff:calendar", args=[w["provider"].pk]), DISPATCH),
    ("order", "GET", lambda w: reverse("booking_staff:order", args=[w["booking"].pk]), DISPATCH),
    (
        "reassign",
        "POST",
        lambda w: reverse("booking_staff:order", args=[w["booking"].pk]),
        expect(a_admin=REDIRECT, a_dispatcher=REDIRECT),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, method, url, expected", MATRIX, ids=[row[0] for row in MATRIX])
def test_permission_matrix(client, world, role, name, method, url, expected):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    target = url(world)
    if method == "POST":
        response = client.post(target, {"staff": world["other_staff"].pk})
    else:
        response = client.get(target)
    assert response.status_code == expected[role], f"{role} {method} {name}"
    if role == "anonymous":
        assert reverse("login") in response["Location"]
    elif response.status_code == REDIRECT:
        assert reverse("login") not in response["Location"], f"{role} {method} {name}"


def test_refused_writes_change_nothing(client, world):
    booking = world["booking"]
    for role in ("customer", "a_other_staff", "b_admin", "b_staff", "reviewer", "a_staff"):
        client.force_login(world["users"][role])
        client.post(reverse("booking_staff:order", args=[booking.pk]), {"staff": world["other_staff"].pk})
    for role in ("customer", "a_other_staff", "b_admin", "b_staff", "reviewer", "a_admin", "a_dispatcher"):
        client.force_login(world["users"][role])
        client.post(reverse("booking_staff:task_move", args=[booking.pk, "start"]))
    booking.refresh_from_db()
    assert booking.staff == world["users"]["a_staff"].staff_profile
    assert booking.status == Booking.Status.ASSIGNED
    assert not booking.events.filter(action__in=["reassigned", "start"]).exists()
