"""The API's permission matrix: every scoped endpoint × every role → expected status. Customer A's order,
provider A's bookings and staff, and staff member A's task are refused to everyone else."""

from types import SimpleNamespace

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from booking import services as booking_services
from booking.tests.factories import bookable_setup, make_address, make_customer, tomorrow_at
from cms.tests.factories import build_catalog
from providers import services as provider_services
from providers.tests.factories import make_applicant, make_provider

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "customer_a", "customer_b", "a_admin", "a_dispatcher", "a_staff", "b_admin", "b_staff"]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        catalog = SimpleNamespace(**build_catalog())
        provider_a, (staff_a, spare_a) = bookable_setup(catalog, staff_count=2)
        provider_b = make_provider(categories=[catalog.housekeeping], name="乙家政")
        dispatcher = make_applicant(name="调度员")
        provider_services.add_member(provider_a, dispatcher, "dispatcher")
        customer_a, customer_b = make_customer(), make_customer()
        booking = booking_services.confirm_and_assign(
            booking_services.create_booking(
                customer=customer_a,
                service=catalog.daily,
                start=tomorrow_at(10),
                address=make_address(customer_a, catalog.rencheng),
            )
        )
        yield SimpleNamespace(
            users={
                "anonymous": None,
                "customer_a": customer_a,
                "customer_b": customer_b,
                "a_admin": provider_a.admin_user,
                "a_dispatcher": dispatcher,
                "a_staff": staff_a.user,
                "b_admin": provider_b.admin_user,
                "b_staff": provider_b.staff.get().user,
            },
            booking=booking,
            provider_a=provider_a,
            spare_a=spare_a,
        )
        transaction.set_rollback(True)


def expect(**statuses):
    """Expected status per role; ``rest`` for the roles not named."""
    rest = statuses.pop("rest")
    return [statuses.get(role, rest) for role in ROLES]


MATRIX = {
    "me": ("get", "/api/v1/me/", None, expect(anonymous=401, rest=200)),
    "my addresses": ("get", "/api/v1/me/addresses/", None, expect(anonymous=401, rest=200)),
    "my bookings": ("get", "/api/v1/bookings/", None, expect(anonymous=401, rest=200)),
    "a booking": (
        "get",
        "/api/v1/bookings/{booking}/",
        None,
        expect(anonymous=401, customer_a=200, rest=404),
    ),
    "change a booking": (
        "patch",
        "/api/v1/bookings/{booking}/",
        {"notes": "请带鞋套"},
        expect(anonymous=401, customer_a=200, rest=404),
    ),
    "cancel a booking": (
        "post",
        "/api/v1/bookings/{booking}/cancel/",
        {},
        expect(anonymous=401, customer_a=200, rest=404),
    ),
    "pay a booking": (
        "post",
        "/api/v1/bookings/{booking}/pay/",
        {"channel": "sandbox"},
        expect(anonymous=401, customer_a=409, rest=404),
    ),
    "receipt": (
        "get",
        "/api/v1/bookings/{booking}/invoice.pdf",
        None,
        expect(anonymous=401, rest=404),
    ),
    "staff tasks": (
        "get",
        "/api/v1/staff/tasks/",
        None,
        expect(anonymous=401, a_staff=200, b_staff=200, rest=403),
    ),
    "move a task": (
        "post",
        "/api/v1/staff/tasks/{booking}/transition/",
        {"action": "start"},
        expect(anonymous=401, a_staff=409, b_staff=404, rest=403),
    ),
    "provider bookings": (
        "get",
        "/api/v1/provider/bookings/",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=200, rest=403),
    ),
    "provider A's bookings": (
        "get",
        "/api/v1/provider/bookings/?provider={provider}",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=400, rest=403),
    ),
    "reassign": (
        "post",
        "/api/v1/provider/bookings/{booking}/assign/",
        {"staff": "{spare}"},
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=404, rest=403),
    ),
    "provider staff": (
        "get",
        "/api/v1/provider/staff/?provider={provider}",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, rest=403),
    ),
}
CASES = [
    (name, role, status)
    for name, (*_, statuses) in MATRIX.items()
    for role, status in zip(ROLES, statuses, strict=True)
]


@pytest.mark.parametrize(("endpoint", "role", "expected"), CASES, ids=[f"{n}-{r}" for n, r, _ in CASES])
def test_scoped_endpoints_answer_each_role(world, endpoint, role, expected):
    method, path, body, _statuses = MATRIX[endpoint]
    values = {"booking": world.booking.pk, "provider": world.provider_a.pk, "spare": world.spare_a.pk}
    path = path.format(**values)
    if body is not None:
        body = {
            key: int(value.format(**values)) if value == "{spare}" else value for key, value in body.items()
        }
    client = APIClient()
    if world.users[role] is not None:
        client.force_authenticate(world.users[role])
    response = getattr(client, method)(path, body, format="json") if body is not None else client.get(path)
    assert response.status_code == expected, response.content[:300]
    if response.status_code >= 400:
        assert set(response.json()) == {"code", "detail", "fields"}


@pytest.mark.parametrize("role", [role for role in ROLES if role not in ("anonymous", "customer_a")])
def test_lists_never_show_customer_a_s_order_to_others(world, role):
    client = APIClient()
    client.force_authenticate(world.users[role])
    for path in ("/api/v1/bookings/", "/api/v1/staff/tasks/", "/api/v1/provider/bookings/"):
        response = client.get(path)
        if response.status_code != 200:
            continue
        numbers = {item.get("number") for item in response.json()["results"]}
        visible = role in ("a_admin", "a_dispatcher", "a_staff") and path != "/api/v1/bookings/"
        assert (world.booking.number in numbers) == visible, (role, path)
