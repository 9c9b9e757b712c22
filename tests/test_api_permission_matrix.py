"""The API's permission matrix: every scoped endpoint × every role → expected status. Customer A's order,
provider A's bookings and staff, staff member A's task, and customer A's review, complaint and claim on a
completed order of provider A (with the complaint's evidence, and the photo of a review an operator hid) are
refused to everyone else."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image
from rest_framework.test import APIClient

from aftersales import services as aftersales_services
from aftersales.tests.factories import completed_booking
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
        done = completed_booking(catalog, customer=customer_a, day=1, setup=False)
        stars = {"overall": 4, "punctuality": 4, "quality": 4, "attitude": 4}
        review = aftersales_services.write_review(done, customer=customer_a, ratings=stars, photos=[png()])
        hidden = aftersales_services.write_review(
            completed_booking(catalog, customer=customer_a, day=2, setup=False),
            customer=customer_a,
            ratings=stars,
            photos=[png()],
        )
        aftersales_services.hide_review(hidden, actor=None, reason="含有联系方式")
        complaint = aftersales_services.file_complaint(
            done, customer=customer_a, category="late", description="迟到了", evidence=[png()]
        )
        claim = aftersales_services.file_claim(
            done, customer=customer_a, reason="damage", description="打碎了花瓶", amount="80.00"
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
            done=done,
            review=review,
            photo=review.photos.get(),
            hidden_photo=hidden.photos.get(),
            complaint=complaint,
            evidence=complaint.evidence.get(),
            claim=claim,
        )
        transaction.set_rollback(True)


# Where a body field takes a file: the request is multipart, with a small PNG image.
PNG = "<a PNG image>"


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


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
    "order review": (
        "get",
        "/api/v1/bookings/{done}/review/",
        None,
        expect(anonymous=401, customer_a=200, rest=404),
    ),
    "review an order": (
        "post",
        "/api/v1/bookings/{done}/review/",
        {"overall": 5, "punctuality": 5, "quality": 5, "attitude": 5},
        expect(anonymous=401, customer_a=409, rest=404),
    ),
    "change a review": (
        "patch",
        "/api/v1/bookings/{done}/review/",
        {"text": "很好"},
        expect(anonymous=401, customer_a=200, rest=404),
    ),
    "review photos": (
        "post",
        "/api/v1/bookings/{done}/review/photos/",
        {"photos": PNG},
        expect(anonymous=401, customer_a=201, rest=404),
    ),
    "my reviews": ("get", "/api/v1/me/reviews/", None, expect(anonymous=401, rest=200)),
    "service reviews": ("get", "/api/v1/services/{service}/reviews/", None, expect(rest=200)),
    "provider's public reviews": ("get", "/api/v1/providers/{provider}/reviews/", None, expect(rest=200)),
    "my complaints": ("get", "/api/v1/complaints/", None, expect(anonymous=401, rest=200)),
    "file a complaint": (
        "post",
        "/api/v1/complaints/",
        {"booking": "{done}", "category": "late", "description": "迟到"},
        expect(anonymous=401, customer_a=409, rest=400),
    ),
    "a complaint": (
        "get",
        "/api/v1/complaints/{complaint}/",
        None,
        expect(anonymous=401, customer_a=200, rest=404),
    ),
    "confirm a complaint": (
        "post",
        "/api/v1/complaints/{complaint}/confirm/",
        {},
        expect(anonymous=401, customer_a=409, rest=404),
    ),
    "reopen a complaint": (
        "post",
        "/api/v1/complaints/{complaint}/reopen/",
        {"reason": "没解决"},
        expect(anonymous=401, customer_a=409, rest=404),
    ),
    "complaint evidence": (
        "post",
        "/api/v1/complaints/{complaint}/evidence/",
        {"files": PNG},
        expect(anonymous=401, customer_a=201, rest=404),
    ),
    "my claims": ("get", "/api/v1/claims/", None, expect(anonymous=401, rest=200)),
    "file a claim": (
        "post",
        "/api/v1/claims/",
        {"booking": "{done}", "reason": "damage", "description": "打碎了", "amount": "10.00"},
        expect(anonymous=401, customer_a=409, rest=400),
    ),
    "a claim": ("get", "/api/v1/claims/{claim}/", None, expect(anonymous=401, customer_a=200, rest=404)),
    "claim evidence": (
        "post",
        "/api/v1/claims/{claim}/evidence/",
        {"files": PNG},
        expect(anonymous=401, customer_a=201, rest=404),
    ),
    "evidence file": (
        "get",
        "/api/v1/evidence/{evidence}/",
        None,
        expect(anonymous=401, customer_a=200, a_admin=200, a_dispatcher=200, rest=404),
    ),
    "review photo": ("get", "/api/v1/review-photos/{photo}/", None, expect(rest=200)),
    "hidden review's photo": (
        "get",
        "/api/v1/review-photos/{hidden_photo}/",
        None,
        expect(customer_a=200, a_admin=200, a_dispatcher=200, rest=404),
    ),
    "my feedback": ("get", "/api/v1/feedback/", None, expect(anonymous=401, rest=200)),
    "send feedback": (
        "post",
        "/api/v1/feedback/",
        {"category": "other", "text": "建议"},
        expect(anonymous=401, rest=201),
    ),
    "my notifications": ("get", "/api/v1/notifications/", None, expect(anonymous=401, rest=200)),
    "read notifications": ("post", "/api/v1/notifications/read/", {}, expect(anonymous=401, rest=200)),
    "provider reviews": (
        "get",
        "/api/v1/provider/reviews/",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=200, rest=403),
    ),
    "provider A's reviews": (
        "get",
        "/api/v1/provider/reviews/?provider={provider}",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=400, rest=403),
    ),
    "reply to a review": (
        "post",
        "/api/v1/provider/reviews/{review}/reply/",
        {"text": "谢谢"},
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=404, rest=403),
    ),
    "provider complaints": (
        "get",
        "/api/v1/provider/complaints/",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=200, rest=403),
    ),
    "provider A's complaints": (
        "get",
        "/api/v1/provider/complaints/?provider={provider}",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=400, rest=403),
    ),
    "a provider complaint": (
        "get",
        "/api/v1/provider/complaints/{complaint}/",
        None,
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=404, rest=403),
    ),
    "respond to a complaint": (
        "post",
        "/api/v1/provider/complaints/{complaint}/respond/",
        {"text": "师傅路上堵车"},
        expect(anonymous=401, a_admin=200, a_dispatcher=200, b_admin=404, rest=403),
    ),
}
CASES = [
    (name, role, status)
    for name, (*_, statuses) in MATRIX.items()
    for role, status in zip(ROLES, statuses, strict=True)
]


def _value(value, values):
    """A body value: an object's id for "{name}", a fresh image for PNG, anything else as written."""
    if value == PNG:
        return [png()]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return int(value.format(**values))
    return value


@pytest.mark.parametrize(("endpoint", "role", "expected"), CASES, ids=[f"{n}-{r}" for n, r, _ in CASES])
def test_scoped_endpoints_answer_each_role(world, endpoint, role, expected):
    method, path, body, _statuses = MATRIX[endpoint]
    values = {
        "booking": world.booking.pk,
        "provider": world.provider_a.pk,
        "spare": world.spare_a.pk,
        "done": world.done.pk,
        "service": world.done.service_id,
        "review": world.review.pk,
        "complaint": world.complaint.pk,
        "claim": world.claim.pk,
        "evidence": world.evidence.pk,
        "photo": world.photo.pk,
        "hidden_photo": world.hidden_photo.pk,
    }
    path = path.format(**values)
    body_format = "multipart" if body is not None and PNG in body.values() else "json"
    if body is not None:
        body = {key: _value(value, values) for key, value in body.items()}
    client = APIClient()
    if world.users[role] is not None:
        client.force_authenticate(world.users[role])
    if body is None:
        response = client.get(path)
    else:
        response = getattr(client, method)(path, body, format=body_format)
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


@pytest.mark.parametrize("role", [role for role in ROLES if role not in ("anonymous", "customer_a")])
def test_lists_never_show_customer_a_s_review_complaint_or_claim_to_others(world, role):
    client = APIClient()
    client.force_authenticate(world.users[role])
    for path in (
        "/api/v1/me/reviews/",
        "/api/v1/complaints/",
        "/api/v1/claims/",
        "/api/v1/provider/reviews/",
        "/api/v1/provider/complaints/",
    ):
        response = client.get(path)
        if response.status_code != 200:
            continue
        numbers = {item["booking"]["number"] for item in response.json()["results"]}
        visible = role in ("a_admin", "a_dispatcher") and path.startswith("/api/v1/provider/")
        assert (world.done.number in numbers) == visible, (role, path)
