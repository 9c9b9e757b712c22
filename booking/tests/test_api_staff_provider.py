"""The provider's side of the booking API: staff members' own tasks (the same masking rule and access log as
the portal's task page) and, for administrators and dispatchers, their providers' orders and reassignment;
with query counts and a permission matrix over provider A's and B's people."""

from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import PersonalDataAccess
from booking import services
from booking.models import Booking
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at
from cms.tests.factories import build_catalog
from providers import services as provider_services
from providers.permissions import REVIEWERS_GROUP
from providers.tests.factories import make_applicant

pytestmark = pytest.mark.django_db

ADDRESS = "任城区古槐路 18 号 3 单元 502 室"
ERROR_KEYS = {"code", "detail", "fields"}
TASK_FIELDS = {
    "id",
    "number",
    "status",
    "status_display",
    "service",
    "start",
    "end",
    "district",
    "details_visible",
    "details_from",
    "masked_contact",
    "details",
    "actions",
}
ORDER_FIELDS = {
    "id",
    "number",
    "status",
    "status_display",
    "service",
    "start",
    "end",
    "district",
    "staff",
    "provider",
    "price",
    "customer_contact",
    "needs_reassignment",
    "created_at",
}


def api(user=None, **headers) -> APIClient:
    client = APIClient(**headers)
    if user is not None:
        client.force_authenticate(user)
    return client


def url(name, *args):
    return reverse(f"api:{name}", args=args)


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS and body["code"] == code, body
    return body


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def book(catalog, start, staff=None, customer=None):
    customer = customer or make_customer()
    return services.create_booking(
        customer=customer,
        service=catalog.daily,
        start=start,
        address=make_address(customer, catalog.rencheng, detail=ADDRESS),
        notes="家里有猫，请轻声",
        staff=staff,
    )


def assigned(booking):
    booking = services.move_booking(booking, "confirm", actor=None, role=services.SYSTEM)
    return services.move_booking(booking, "assign", actor=None, role=services.SYSTEM)


def transition(user, booking, action, reason=None, **headers):
    body = {"action": action} if reason is None else {"action": action, "reason": reason}
    return api(user, **headers).post(url("staff-task-transition", booking.pk), body)


# Staff's tasks ---------------------------------------------------------------------------------------------


def test_tasks_show_masked_details_until_shortly_before_and_log_each_showing(catalog):
    _provider, (staff,) = bookable_setup(catalog)
    booking = assigned(book(catalog, tomorrow_at(10)))
    client = api(staff.user)

    body = client.get(url("staff-tasks")).json()
    assert body["count"] == 1
    (task,) = body["results"]
    assert set(task) == TASK_FIELDS
    assert task["id"] == booking.pk and task["status"] == "assigned"
    assert task["service"]["title"] == "日常保洁服务 2小时"
    assert not task["details_visible"] and task["details"] is None and task["actions"] == []
    assert task["details_from"] == tomorrow_at(8).isoformat()
    assert task["masked_contact"] == "任城区 · 陈** 139****1111"
    text = client.get(url("staff-tasks")).content.decode()
    assert ADDRESS not in text and "13900001111" not in text and "家里有猫" not in text
    assert not PersonalDataAccess.objects.exists()

    with at(tomorrow_at(9)):
        (task,) = client.get(url("staff-tasks")).json()["results"]
    assert task["details_visible"] and task["actions"] == ["set_off", "start"]
    assert task["details"] == {
        "detail": ADDRESS,
        "landmark": "太白楼对面",
        "contact_name": "陈阿姨",
        "contact_phone": "13900001111",
        "notes": "家里有猫，请轻声",
    }
    access = PersonalDataAccess.objects.get()
    assert access.actor == staff.user and access.subject_id == str(booking.pk)
    assert access.purpose == "staff task (API)"


def test_only_the_assigned_staff_member_sees_and_moves_the_task(catalog):
    _provider, (staff, colleague) = bookable_setup(catalog, staff_count=2)
    booking = assigned(book(catalog, tomorrow_at(10), staff=staff))

    with at(tomorrow_at(9)):
        assert api(colleague.user).get(url("staff-tasks")).json()["count"] == 0
        assert_error(transition(colleague.user, booking, "set_off"), 404, "not_found")
        assert_error(api(make_customer()).get(url("staff-tasks")), 403, "permission_denied")
        assert_error(transition(make_customer(), booking, "set_off"), 403, "permission_denied")
        assert_error(api().get(url("staff-tasks")), 401, "not_authenticated")
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.ASSIGNED
    assert not PersonalDataAccess.objects.exists()


def test_staff_move_their_task_along(catalog):
    _provider, (staff,) = bookable_setup(catalog)
    booking = assigned(book(catalog, tomorrow_at(10)))

    with at(tomorrow_at(7)):
        early = assert_error(
            transition(staff.user, booking, "set_off", HTTP_ACCEPT_LANGUAGE="en"), 409, "too_early"
        )
    assert "You can update this task from" in early["detail"]

    with at(tomorrow_at(9, 30)):
        for action, status in [("set_off", "on_the_way"), ("start", "in_service"), ("complete", "completed")]:
            response = transition(staff.user, booking, action)
            assert response.status_code == 200, response.content
            task = response.json()
            assert set(task) == TASK_FIELDS and task["status"] == status
        assert not task["details_visible"] and task["details"] is None, "hidden again once the job is done"
        assert_error(transition(staff.user, booking, "complete"), 409, "wrong_status")
    assert [event.action for event in booking.events.all()][-3:] == ["set_off", "start", "complete"]


def test_bad_moves_are_refused_with_stable_codes(catalog):
    _provider, (staff,) = bookable_setup(catalog)
    booking = assigned(book(catalog, tomorrow_at(10)))

    with at(tomorrow_at(9, 30)):
        assert_error(transition(staff.user, booking, "complete"), 409, "wrong_status")
        for action in ("cancel_by_customer", "nonsense", ""):
            assert "action" in assert_error(transition(staff.user, booking, action), 400, "invalid")["fields"]
        assert_error(api(staff.user).post(url("staff-task-transition", booking.pk), {}), 400, "invalid")
        assert transition(staff.user, booking, "set_off").status_code == 200
        assert_error(transition(staff.user, booking, "no_show", reason=""), 400, "reason_required")
        assert transition(staff.user, booking, "no_show", reason="敲门无人应答").json()["status"] == "no_show"
        assert_error(
            api(staff.user).post(url("staff-task-transition", 999999), {"action": "start"}), 404, "not_found"
        )


def test_a_retried_move_with_the_same_key_is_answered_once(catalog):
    _provider, (staff,) = bookable_setup(catalog)
    booking = assigned(book(catalog, tomorrow_at(10)))

    with at(tomorrow_at(9, 30)):
        first = transition(staff.user, booking, "set_off", HTTP_IDEMPOTENCY_KEY="move-1")
        again = transition(staff.user, booking, "set_off", HTTP_IDEMPOTENCY_KEY="move-1")
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    assert booking.events.filter(action="set_off").count() == 1


def _tasks_of_one_staff_member(catalog, count):
    """``count`` orders of one staff member, four a day from tomorrow, far enough ahead to stay masked."""
    _provider, (staff,) = bookable_setup(catalog)
    starts = [
        tomorrow_at(hour, minute) + timedelta(days=day)
        for day in range(6)
        for hour, minute in ((8, 0), (10, 30), (13, 0), (15, 30))
    ]
    customer = make_customer()
    for start in starts[:count]:
        book(catalog, start, customer=customer)
    return staff


def test_tasks_take_a_fixed_number_of_queries(catalog, django_assert_max_num_queries):
    staff = _tasks_of_one_staff_member(catalog, 21)
    client = api(staff.user)
    with at(tomorrow_at(0)):
        client.get(url("staff-tasks"), {"page_size": 2})
        with CaptureQueriesContext(connection) as few:
            assert len(client.get(url("staff-tasks"), {"page_size": 2}).json()["results"]) == 2
        with django_assert_max_num_queries(len(few)):
            body = client.get(url("staff-tasks"), {"page_size": 20}).json()
    assert body["count"] == 21 and len(body["results"]) == 20
    starts = [task["start"] for task in body["results"]]
    assert starts == sorted(starts), "in the order the jobs come"


# The provider's orders -------------------------------------------------------------------------------------


def test_the_providers_orders_with_the_customer_masked(catalog):
    provider, (first, second) = bookable_setup(catalog, staff_count=2)
    mine = book(catalog, tomorrow_at(10), staff=first)
    later = book(catalog, tomorrow_at(10) + timedelta(days=2), staff=second)
    Booking.objects.filter(pk=later.pk).update(needs_reassignment=True)
    _other_provider, (stranger,) = bookable_setup(catalog)
    theirs = book(catalog, tomorrow_at(13), staff=stranger)
    client = api(provider.admin_user)

    body = client.get(url("provider-bookings")).json()
    assert [row["id"] for row in body["results"]] == [later.pk, mine.pk]
    row = body["results"][1]
    assert set(row) == ORDER_FIELDS
    assert row["customer_contact"] == "任城区 · 陈** 139****1111"
    assert row["staff"] == {"id": first.pk, "name": first.real_name}
    assert row["provider"]["id"] == provider.pk and row["price"] == "120.00"
    text = client.get(url("provider-bookings")).content.decode()
    assert ADDRESS not in text and "13900001111" not in text and theirs.number not in text

    def ids(**params):
        response = client.get(url("provider-bookings"), params)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(staff=second.pk) == {later.pk}
    assert ids(needs_reassignment="true") == {later.pk}
    assert ids(date_to=tomorrow_at(10).date().isoformat()) == {mine.pk}
    assert ids(date_from=(tomorrow_at(10) + timedelta(days=1)).date().isoformat()) == {later.pk}
    assert ids(status="pending") == {mine.pk, later.pk}
    assert ids(status="completed") == set()
    assert ids(provider=provider.pk) == {mine.pk, later.pk}
    assert ids(date_from="0001-01-01", date_to="9999-12-31") == {mine.pk, later.pk}
    for bad in (
        {"date_from": "not-a-date"},
        {"status": "lost"},
        {"staff": stranger.pk},
        {"provider": theirs.provider_id},
        {"staff": "x"},
        # An empty value is a value (not "no filter"); a boolean is true or false.
        {"date_from": ""},
        {"status": ""},
        {"provider": ""},
        {"needs_reassignment": ""},
        {"needs_reassignment": "1"},
        {"needs_reassignment": "yes"},
        {"provider": 0},
        {"page_size": "null"},
    ):
        assert set(assert_error(client.get(url("provider-bookings"), bad), 400, "invalid")["fields"]) == set(
            bad
        )


def test_the_providers_order_filters_are_documented_as_they_are_checked(catalog):
    import yaml

    schema = yaml.safe_load(api().get("/api/v1/schema/").content)
    parameters = {
        p["name"]: p["schema"] for p in schema["paths"]["/api/v1/provider/bookings/"]["get"]["parameters"]
    }
    assert parameters["provider"] == {"type": "integer", "minimum": 1}
    assert parameters["staff"] == {"type": "integer", "minimum": 1}
    assert parameters["needs_reassignment"]["type"] == "boolean"
    assert parameters["date_from"] == {"type": "string", "format": "date"}
    assert "pending" in parameters["status"]["enum"]


def test_the_providers_orders_take_a_fixed_number_of_queries(catalog, django_assert_max_num_queries):
    staff = _tasks_of_one_staff_member(catalog, 22)
    client = api(staff.provider.admin_user)
    client.get(url("provider-bookings"), {"page_size": 2})
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(url("provider-bookings"), {"page_size": 2}).json()["results"]) == 2
    with django_assert_max_num_queries(len(few)):
        body = client.get(url("provider-bookings"), {"page_size": 20}).json()
    assert body["count"] == 22 and len(body["results"]) == 20


def test_dispatchers_give_an_order_to_another_staff_member(catalog):
    provider, (first, second) = bookable_setup(catalog, staff_count=2)
    booking = book(catalog, tomorrow_at(10), staff=first)
    dispatcher = make_applicant(name="调度员")
    provider_services.add_member(provider, dispatcher, "dispatcher")

    response = api(dispatcher).post(url("provider-booking-assign", booking.pk), {"staff": second.pk})

    assert response.status_code == 200, response.content
    assert set(response.json()) == ORDER_FIELDS and response.json()["staff"]["id"] == second.pk
    booking.refresh_from_db()
    assert booking.staff == second
    event = booking.events.get(action="reassigned")
    assert event.actor == dispatcher and event.reason == f"{first.real_name} → {second.real_name}"
    assert_error(
        api(dispatcher).post(url("provider-booking-assign", booking.pk), {"staff": second.pk}),
        400,
        "same_staff",
    )


def test_reassignment_is_refused_with_stable_codes(catalog):
    provider, (first, second) = bookable_setup(catalog, staff_count=2)
    _other, (stranger,) = bookable_setup(catalog)
    booking = book(catalog, tomorrow_at(10), staff=first)
    book(catalog, tomorrow_at(11), staff=second)
    theirs = book(catalog, tomorrow_at(13), staff=stranger)
    client = api(provider.admin_user)

    assert_error(
        client.post(url("provider-booking-assign", booking.pk), {"staff": stranger.pk}), 400, "other_provider"
    )
    assert_error(
        client.post(url("provider-booking-assign", booking.pk), {"staff": second.pk}), 409, "staff_busy"
    )
    assert_error(client.post(url("provider-booking-assign", booking.pk), {"staff": 999999}), 400, "invalid")
    assert_error(client.post(url("provider-booking-assign", booking.pk), {}), 400, "invalid")
    assert_error(
        client.post(url("provider-booking-assign", theirs.pk), {"staff": first.pk}), 404, "not_found"
    )
    services.move_booking(assigned(booking), "set_off", actor=None, role=services.STAFF)
    assert_error(
        client.post(url("provider-booking-assign", booking.pk), {"staff": second.pk}), 409, "wrong_status"
    )
    assert Booking.objects.get(pk=booking.pk).staff == first


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
    return SimpleNamespace(
        booking=booking,
        other_staff=other_a,
        users={
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
    )


def expect(**overrides):
    """Anonymous gets 401, everyone else 403, unless overridden."""
    expected = {role: 403 for role in ROLES}
    expected["anonymous"] = 401
    expected.update(overrides)
    return expected


MATRIX = [
    ("tasks", "GET", lambda w: url("staff-tasks"), None, expect(a_staff=200, a_other_staff=200, b_staff=200)),
    (
        "transition",
        "POST",
        lambda w: url("staff-task-transition", w.booking.pk),
        {"action": "set_off"},
        expect(a_staff=200, a_other_staff=404, b_staff=404),
    ),
    (
        "provider orders",
        "GET",
        lambda w: url("provider-bookings"),
        None,
        expect(a_admin=200, a_dispatcher=200, b_admin=200),
    ),
    (
        "assign",
        "POST",
        lambda w: url("provider-booking-assign", w.booking.pk),
        lambda w: {"staff": w.other_staff.pk},
        expect(a_admin=200, a_dispatcher=200, b_admin=404),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,method,path,data,expected", MATRIX, ids=[row[0] for row in MATRIX])
def test_permission_matrix(world, role, name, method, path, data, expected):
    client = api(world.users[role])
    data = data(world) if callable(data) else data
    with at(tomorrow_at(9, 30)):
        response = getattr(client, method.lower())(path(world), data)
    assert response.status_code == expected[role], (role, name, response.content)
    if response.status_code >= 400:
        assert set(response.json()) == ERROR_KEYS


def test_provider_b_sees_none_of_provider_as_orders(world):
    body = api(world.users["b_admin"]).get(url("provider-bookings")).json()
    assert world.booking.pk not in {row["id"] for row in body["results"]}
    assert world.booking.pk in {
        row["id"] for row in api(world.users["a_dispatcher"]).get(url("provider-bookings")).json()["results"]
    }
    assert api(world.users["a_other_staff"]).get(url("staff-tasks")).json()["count"] == 0
