"""The after-sales API: reviews (with photos, public lists and summaries), complaints, compensation claims,
feedback and notifications for customers, and reviews and complaints for the provider's people; with the contract
of each endpoint, stable refusal codes, query counts, and other customers and providers refused."""

import io
from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import PersonalDataAccess
from aftersales import permissions, services
from aftersales.models import (
    CompensationClaim,
    Complaint,
    Evidence,
    Feedback,
    Notification,
    Review,
    ReviewPhoto,
)
from aftersales.tests.factories import completed_booking, paid_booking
from booking.models import Booking
from booking.tests.factories import bookable_setup, make_customer, tomorrow_at
from providers import services as provider_services
from providers.models import Provider, ProviderMembership
from providers.tests.factories import make_applicant

pytestmark = pytest.mark.django_db

ERROR_KEYS = {"code", "detail", "fields"}
GOOD = {"overall": 5, "punctuality": 4, "quality": 5, "attitude": 5}
POOR = {"overall": 2, "punctuality": 3, "quality": 2, "attitude": 2}
PUBLIC_REVIEW_FIELDS = {
    "id",
    "customer",
    "service",
    "overall",
    "punctuality",
    "quality",
    "attitude",
    "text",
    "photos",
    "reply",
    "replied_at",
    "created_at",
    "edited_at",
}
MY_REVIEW_FIELDS = PUBLIC_REVIEW_FIELDS | {
    "booking",
    "is_hidden",
    "hidden_reason",
    "editable",
    "editable_until",
}
PROVIDER_REVIEW_FIELDS = PUBLIC_REVIEW_FIELDS | {"booking", "provider", "staff", "is_hidden", "hidden_reason"}
COMPLAINT_FIELDS = {
    "id",
    "booking",
    "category",
    "category_display",
    "status",
    "status_display",
    "created_at",
    "due",
    "resolved_at",
    "closed_at",
}
COMPLAINT_DETAIL_FIELDS = COMPLAINT_FIELDS | {
    "description",
    "acknowledge_by",
    "acknowledged_at",
    "resolve_by",
    "resolution",
    "upheld",
    "provider_response",
    "provider_responded_at",
    "steps",
    "evidence",
}
PROVIDER_COMPLAINT_FIELDS = COMPLAINT_FIELDS | {"provider", "staff", "customer_contact", "sla_state"}
CLAIM_FIELDS = {
    "id",
    "booking",
    "reason",
    "reason_display",
    "description",
    "amount_claimed",
    "status",
    "status_display",
    "created_at",
    "decided_at",
    "decision_reason",
    "amount_approved",
    "refunded_amount",
    "transfer_amount",
    "transferred_at",
}
SCRIPT = '<script>alert("x")</script> 阿姨很细心 & 准时'


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
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="receipt.pdf"):
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf"
    )


def not_an_image(name="photo.png"):
    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\nnot really", content_type="image/png")


def review(booking, ratings=GOOD, text="很好"):
    return services.write_review(booking, customer=booking.customer, ratings=ratings, text=text)


def admin_of(provider):
    return ProviderMembership.objects.get(provider=provider, role=ProviderMembership.Role.ADMIN).user


def dispatcher_of(provider):
    person = make_applicant(name="调度员")
    provider_services.add_member(provider, person, ProviderMembership.Role.DISPATCHER)
    return person


def resolved(complaint, admin_user):
    services.start_handling(complaint, actor=admin_user)
    return services.resolve_complaint(complaint, actor=admin_user, resolution="已退部分费用", upheld=True)


@pytest.fixture
def done(catalog):
    """A completed order of provider A."""
    return completed_booking(catalog)


@pytest.fixture
def theirs(catalog, done):
    """A completed order of another customer with provider B (A's only staff member is busy at that time)."""
    return completed_booking(catalog)


def complaint_on(booking, **values):
    return services.file_complaint(
        booking,
        customer=booking.customer,
        category=values.get("category", "late"),
        description=values.get("description", "迟到了一个小时"),
    )


# Reviews: the customer's -----------------------------------------------------------------------------------


def test_reviewing_a_completed_order_and_reading_it_back_as_plain_text(done):
    client = api(done.customer)

    response = client.post(url("booking-review", done.pk), {**GOOD, "text": f"  {SCRIPT}  "})

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == MY_REVIEW_FIELDS
    assert {field: body[field] for field in GOOD} == GOOD
    assert body["text"] == SCRIPT, "stored and returned as written (trimmed), never HTML-escaped"
    assert body["customer"] == "陈**"
    assert body["booking"] == {"id": done.pk, "number": done.number}
    assert body["service"] == {"id": done.service_id, "title": "日常保洁服务 2小时"}
    assert body["photos"] == [] and body["reply"] == "" and body["replied_at"] is None
    assert body["editable"] and not body["is_hidden"] and body["edited_at"] is None
    assert body["created_at"].endswith("+08:00") and body["editable_until"].endswith("+08:00")
    assert client.get(url("booking-review", done.pk)).json() == body
    assert Review.objects.get().text == SCRIPT


def test_review_input_is_checked_as_the_schema_states(done):
    client = api(done.customer)

    missing = assert_error(client.post(url("booking-review", done.pk), {}), 400, "invalid")
    assert set(missing["fields"]) == set(GOOD)
    for field, value in [
        ("overall", 0),
        ("overall", 6),
        ("punctuality", "4"),
        ("quality", 4.5),
        ("attitude", True),
        ("overall", None),
        ("text", "长" * 2001),
        ("text", 12),
        ("text", "a\x00b"),
    ]:
        body = {**GOOD, field: value}
        error = assert_error(client.post(url("booking-review", done.pk), body), 400, "invalid")
        assert set(error["fields"]) == {field}, (field, value)
    form = client.post(
        url("booking-review", done.pk), "overall=5", content_type="application/x-www-form-urlencoded"
    )
    assert_error(form, 415, "unsupported_media_type")
    assert not Review.objects.exists()


def test_review_refusals_have_stable_codes(catalog, done, settings):
    unfinished = paid_booking(catalog, customer=done.customer, day=1, setup=False)

    assert_error(api(done.customer).post(url("booking-review", unfinished.pk), GOOD), 409, "wrong_status")
    assert_error(api(make_customer()).post(url("booking-review", done.pk), GOOD), 404, "not_found")
    assert_error(api().post(url("booking-review", done.pk), GOOD), 401, "not_authenticated")
    late = done.end + timedelta(days=settings.AFTERSALES_REVIEW_WINDOW_DAYS, minutes=1)
    with at(late):
        closed = assert_error(
            api(done.customer, HTTP_ACCEPT_LANGUAGE="en").post(url("booking-review", done.pk), GOOD),
            409,
            "window_closed",
        )
    assert "30 days" in closed["detail"]
    assert api(done.customer).post(url("booking-review", done.pk), GOOD).status_code == 201
    assert_error(api(done.customer).post(url("booking-review", done.pk), GOOD), 409, "duplicate")
    assert Review.objects.count() == 1


def test_a_retried_review_with_the_same_key_is_written_once(done):
    client = api(done.customer)

    first = client.post(url("booking-review", done.pk), GOOD, HTTP_IDEMPOTENCY_KEY="review-1")
    again = client.post(url("booking-review", done.pk), GOOD, HTTP_IDEMPOTENCY_KEY="review-1")

    assert first.status_code == again.status_code == 201 and again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true" and Review.objects.count() == 1


def test_an_order_without_a_review_and_somebody_elses_review_are_404(done, theirs):
    review(theirs)

    assert_error(api(done.customer).get(url("booking-review", done.pk)), 404, "no_review")
    assert_error(api(done.customer).get(url("booking-review", theirs.pk)), 404, "not_found")
    assert_error(api(done.customer).patch(url("booking-review", theirs.pk), {"text": "x"}), 404, "not_found")
    assert_error(api(done.customer).get(url("booking-review", 999999)), 404, "not_found")


def test_changing_my_review_keeps_what_is_not_sent(done, admin_user, settings):
    written = services.write_review(done, customer=done.customer, ratings=GOOD, text="好", photos=[png()])
    photo = written.photos.get()
    client = api(done.customer)

    response = client.patch(url("booking-review", done.pk), {"quality": 3, "remove_photos": [photo.pk]})

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["quality"], body["overall"], body["text"]) == (3, 5, "好")
    assert body["photos"] == [] and body["edited_at"] is not None
    assert client.patch(url("booking-review", done.pk), {"text": ""}).json()["text"] == ""
    assert set(
        assert_error(client.patch(url("booking-review", done.pk), {"overall": 9}), 400, "invalid")["fields"]
    ) == {"overall"}
    with at(written.created_at + timedelta(days=settings.AFTERSALES_REVIEW_EDIT_DAYS, minutes=1)):
        assert_error(client.patch(url("booking-review", done.pk), {"overall": 1}), 409, "window_closed")
        assert not client.get(url("booking-review", done.pk)).json()["editable"]
    services.hide_review(written, actor=admin_user, reason="含有联系方式")
    hidden = assert_error(client.patch(url("booking-review", done.pk), {"overall": 1}), 409, "wrong_status")
    assert hidden["detail"]
    shown = client.get(url("booking-review", done.pk)).json()
    assert shown["is_hidden"] and shown["hidden_reason"] == "含有联系方式" and shown["overall"] == 5


def test_adding_photos_to_my_review(done, theirs):
    review(done)
    review(theirs)
    client = api(done.customer)

    response = client.post(
        url("booking-review-photos", done.pk), {"photos": [png(), png("b.png")]}, format="multipart"
    )

    assert response.status_code == 201, response.content
    photos = response.json()["photos"]
    assert [photo["content_type"] for photo in photos] == ["image/png", "image/png"]
    assert set(photos[0]) == {"id", "url", "content_type", "size", "uploaded_at"}
    assert photos[0]["url"] == f"http://testserver/api/v1/review-photos/{photos[0]['id']}/"
    assert api().get(photos[0]["url"]).status_code == 200, "visible reviews' photos are public"
    bad = client.post(url("booking-review-photos", done.pk), {"photos": [not_an_image()]}, format="multipart")
    assert_error(bad, 400, "invalid")
    too_many = client.post(
        url("booking-review-photos", done.pk),
        {"photos": [png(f"{n}.png") for n in range(5)]},
        format="multipart",
    )
    assert_error(too_many, 400, "invalid")
    assert set(
        assert_error(
            client.post(url("booking-review-photos", done.pk), {}, format="multipart"), 400, "invalid"
        )["fields"]
    ) == {"photos"}
    assert_error(
        client.post(url("booking-review-photos", done.pk), {"photos": "x"}), 415, "unsupported_media_type"
    )
    assert_error(
        client.post(url("booking-review-photos", theirs.pk), {"photos": [png()]}, format="multipart"),
        404,
        "not_found",
    )
    assert ReviewPhoto.objects.filter(review__booking=done).count() == 2
    assert not ReviewPhoto.objects.filter(review__booking=theirs).exists()


def test_my_reviews_are_mine_only(done, theirs, admin_user):
    mine = review(done)
    review(theirs)
    services.hide_review(mine, actor=admin_user, reason="广告")

    body = api(done.customer).get(url("my-reviews")).json()

    assert body["count"] == 1 and set(body["results"][0]) == MY_REVIEW_FIELDS
    assert body["results"][0]["booking"]["number"] == done.number and body["results"][0]["is_hidden"]
    assert api(make_customer()).get(url("my-reviews")).json()["count"] == 0


# Reviews: public -------------------------------------------------------------------------------------------


def test_a_services_reviews_are_public_visible_only_and_summarised(catalog, done, theirs, admin_user):
    review(done, GOOD, SCRIPT)
    hidden = review(theirs, POOR, "差评广告")
    services.hide_review(hidden, actor=admin_user, reason="广告")

    response = api().get(url("service-reviews", catalog.daily.pk))

    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results", "summary"}
    assert body["count"] == 1
    (row,) = body["results"]
    assert set(row) == PUBLIC_REVIEW_FIELDS
    assert row["customer"] == "陈**" and row["text"] == SCRIPT
    text = response.content.decode()
    assert done.customer.phone not in text and "陈女士" not in text and "差评广告" not in text
    assert body["summary"] == {
        "count": 1,
        "overall": "5.0",
        "punctuality": "4.0",
        "quality": "5.0",
        "attitude": "5.0",
    }
    english = api().get(url("service-reviews", catalog.en_daily.pk), {"lang": "en"}).json()
    assert (
        english["count"] == 1 and english["results"][0]["service"]["title"] == "Daily home cleaning, 2 hours"
    )
    assert_error(api().get(url("service-reviews", 999999)), 404, "not_found")
    assert_error(api().get(url("service-reviews", catalog.housekeeping.pk)), 404, "not_found")


def test_a_service_without_reviews_has_an_empty_summary(catalog):
    body = api().get(url("service-reviews", catalog.daily.pk)).json()
    assert body["count"] == 0 and body["results"] == []
    assert body["summary"] == {
        "count": 0,
        "overall": None,
        "punctuality": None,
        "quality": None,
        "attitude": None,
    }


def test_a_providers_reviews_are_public_while_it_is_certified(done, theirs):
    review(done, GOOD)
    review(theirs, POOR)

    body = api().get(url("provider-public-reviews", done.provider_id)).json()
    assert body["count"] == 1 and body["summary"]["overall"] == "5.0"
    assert body["results"][0]["reply"] == ""

    Provider.objects.filter(pk=done.provider_id).update(status=Provider.Status.SUSPENDED)
    assert_error(api().get(url("provider-public-reviews", done.provider_id)), 404, "not_found")
    assert_error(api().get(url("provider-public-reviews", 999999)), 404, "not_found")


# Complaints ------------------------------------------------------------------------------------------------


def test_filing_and_following_a_complaint(done):
    client = api(done.customer)

    response = client.post(
        url("complaints"), {"booking": done.pk, "category": "late", "description": f" {SCRIPT} "}
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == COMPLAINT_DETAIL_FIELDS
    assert body["status"] == "submitted" and body["category"] == "late" and body["description"] == SCRIPT
    assert body["due"] == body["acknowledge_by"] and body["due"].endswith("+08:00")
    assert body["booking"] == {"id": done.pk, "number": done.number}
    (step,) = body["steps"]
    assert step == {
        "action": "submitted",
        "label": step["label"],
        "role": "customer",
        "note": SCRIPT,
        "created_at": step["created_at"],
    }
    assert body["evidence"] == [] and body["upheld"] is None
    listed = client.get(url("complaints")).json()
    assert listed["count"] == 1 and set(listed["results"][0]) == COMPLAINT_FIELDS
    assert client.get(url("complaint", body["id"])).json() == body
    provider_people = Notification.objects.filter(kind=Notification.Kind.COMPLAINT_FILED)
    assert provider_people.filter(user=admin_of(done.provider)).exists()


def test_complaint_input_and_refusals(catalog, done, theirs):
    client = api(done.customer)
    body = {"booking": done.pk, "category": "late", "description": "迟到"}

    for field, value in [
        ("booking", theirs.pk),
        ("booking", 999999),
        ("booking", 0),
        ("booking", "x"),
        ("category", "noise"),
        ("description", "   "),
        ("description", "长" * 2001),
        ("description", 5),
    ]:
        error = assert_error(client.post(url("complaints"), {**body, field: value}), 400, "invalid")
        assert set(error["fields"]) == {field}, (field, value)
    pending = paid_booking(catalog, customer=done.customer, day=2, setup=False)
    Booking.objects.filter(pk=pending.pk).update(status=Booking.Status.CANCELLED_BY_CUSTOMER)
    assert_error(client.post(url("complaints"), {**body, "booking": pending.pk}), 409, "wrong_status")
    with at(done.end + timedelta(days=31)):
        assert_error(client.post(url("complaints"), body), 409, "window_closed")
    assert client.post(url("complaints"), body).status_code == 201
    assert_error(client.post(url("complaints"), body), 409, "duplicate")
    assert Complaint.objects.count() == 1


def test_other_customers_complaints_are_404(done, theirs):
    complaint = complaint_on(theirs)
    client = api(done.customer)

    assert_error(client.get(url("complaint", complaint.pk)), 404, "not_found")
    assert_error(client.post(url("complaint-confirm", complaint.pk)), 404, "not_found")
    assert_error(client.post(url("complaint-reopen", complaint.pk), {"reason": "x"}), 404, "not_found")
    upload = client.post(url("complaint-evidence", complaint.pk), {"files": [pdf()]}, format="multipart")
    assert_error(upload, 404, "not_found")
    assert client.get(url("complaints")).json()["count"] == 0
    assert not Evidence.objects.exists()


def test_confirming_or_reopening_a_resolved_complaint(done, admin_user):
    complaint = complaint_on(done)
    client = api(done.customer)

    assert_error(client.post(url("complaint-confirm", complaint.pk)), 409, "wrong_status")
    assert_error(
        client.post(url("complaint-reopen", complaint.pk), {"reason": "没解决"}), 409, "wrong_status"
    )
    resolved(complaint, admin_user)
    assert_error(client.post(url("complaint-reopen", complaint.pk), {"reason": " "}), 400, "invalid")
    reopened = client.post(url("complaint-reopen", complaint.pk), {"reason": "还是没解决"})
    assert reopened.status_code == 200, reopened.content
    body = reopened.json()
    assert body["status"] == "reopened" and body["due"] == body["resolve_by"]
    roles = [(step["action"], step["role"]) for step in body["steps"]]
    assert roles == [
        ("submitted", "customer"),
        ("handling", "platform"),
        ("resolved", "platform"),
        ("reopened", "customer"),
    ]
    assert str(admin_user.pk) not in {str(value) for step in body["steps"] for value in step.values()}
    assert "admin" not in reopened.content.decode()
    resolved_again = services.resolve_complaint(
        complaint, actor=admin_user, resolution="全额退款", upheld=True
    )
    confirmed = client.post(url("complaint-confirm", resolved_again.pk), HTTP_IDEMPOTENCY_KEY="c-1")
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    assert confirmed.json()["due"] is None and confirmed.json()["upheld"] is True
    again = client.post(url("complaint-confirm", complaint.pk), HTTP_IDEMPOTENCY_KEY="c-1")
    assert again.json() == confirmed.json()
    assert_error(client.post(url("complaint-confirm", complaint.pk)), 409, "wrong_status")


def test_evidence_on_my_complaint(done, admin_user):
    complaint = complaint_on(done)
    client = api(done.customer)

    response = client.post(
        url("complaint-evidence", complaint.pk), {"files": [pdf(), png()]}, format="multipart"
    )

    assert response.status_code == 201, response.content
    evidence = response.json()["evidence"]
    assert [item["content_type"] for item in evidence] == ["application/pdf", "image/png"]
    text_file = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    assert_error(
        client.post(url("complaint-evidence", complaint.pk), {"files": [text_file]}, format="multipart"),
        400,
        "invalid",
    )
    five = [pdf(f"{n}.pdf") for n in range(5)]
    assert_error(
        client.post(url("complaint-evidence", complaint.pk), {"files": five}, format="multipart"),
        400,
        "invalid",
    )
    services.confirm_resolution(resolved(complaint, admin_user), customer=done.customer)
    closed = client.post(url("complaint-evidence", complaint.pk), {"files": [pdf()]}, format="multipart")
    assert_error(closed, 409, "wrong_status")
    assert Evidence.objects.count() == 2


# Compensation claims ---------------------------------------------------------------------------------------


def test_claiming_compensation(done):
    client = api(done.customer)

    response = client.post(
        url("claims"),
        {"booking": done.pk, "reason": "damage", "description": "打碎了花瓶", "amount": "120.5"},
        HTTP_IDEMPOTENCY_KEY="claim-1",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == CLAIM_FIELDS | {"evidence"}
    assert body["amount_claimed"] == "120.50" and body["status"] == "submitted"
    assert body["amount_approved"] is None and body["refunded_amount"] == "0.00"
    assert body["transfer_amount"] == "0.00" and body["evidence"] == []
    listed = client.get(url("claims")).json()
    assert listed["count"] == 1 and set(listed["results"][0]) == CLAIM_FIELDS
    assert client.get(url("claim", body["id"])).json() == body
    upload = client.post(url("claim-evidence", body["id"]), {"files": [png()]}, format="multipart")
    assert upload.status_code == 201 and len(upload.json()["evidence"]) == 1
    assert_error(
        client.post(
            url("claims"), {"booking": done.pk, "reason": "loss", "description": "又丢了", "amount": "1"}
        ),
        409,
        "duplicate",
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("amount", "0"),
        ("amount", "0.00"),
        ("amount", "50000.01"),
        ("amount", "12.345"),
        ("amount", "-1"),
        ("amount", "1e3"),
        ("amount", 12),
        ("amount", " 12"),
        ("reason", "feelings"),
        ("description", ""),
        ("booking", 0),
    ],
)
def test_claim_input_is_checked_as_the_schema_states(done, field, value):
    body = {
        "booking": done.pk,
        "reason": "damage",
        "description": "打碎了花瓶",
        "amount": "120.00",
        field: value,
    }
    error = assert_error(api(done.customer).post(url("claims"), body), 400, "invalid")
    assert set(error["fields"]) == {field}
    assert not CompensationClaim.objects.exists()


def test_decided_claims_take_no_more_evidence_and_others_claims_are_404(done, theirs, admin_user):
    claim = services.file_claim(
        done, customer=done.customer, reason="damage", description="打碎了花瓶", amount="50.00"
    )
    services.decide_claim(claim, actor=admin_user, approve=True, amount="30.00", reason="部分")
    client = api(done.customer)

    body = client.get(url("claim", claim.pk)).json()
    assert (body["status"], body["amount_approved"], body["refunded_amount"]) == (
        "partly_approved",
        "30.00",
        "30.00",
    )
    closed = client.post(url("claim-evidence", claim.pk), {"files": [pdf()]}, format="multipart")
    assert_error(closed, 409, "wrong_status")
    assert_error(api(theirs.customer).get(url("claim", claim.pk)), 404, "not_found")
    assert_error(
        api(theirs.customer).post(url("claim-evidence", claim.pk), {"files": [pdf()]}, format="multipart"),
        404,
        "not_found",
    )
    assert api(theirs.customer).get(url("claims")).json()["count"] == 0


# Files: evidence and review photos -------------------------------------------------------------------------


def operator():
    person = make_customer()
    person.groups.add(Group.objects.get(name=permissions.OPERATORS_GROUP))
    return person


def download(user, address, **headers):
    response = api(user, **headers).get(address)
    return response.status_code, response.get("Content-Type"), b"".join(response.streaming_content)


def test_evidence_is_downloaded_by_those_who_may_see_the_case_and_each_opening_is_logged(done, theirs):
    complaint = complaint_on(done)
    claim = services.file_claim(
        done, customer=done.customer, reason="damage", description="打碎了花瓶", amount="50.00"
    )
    client = api(done.customer)
    client.post(url("complaint-evidence", complaint.pk), {"files": [pdf()]}, format="multipart")
    upload = client.post(url("claim-evidence", claim.pk), {"files": [png()]}, format="multipart")
    (claim_file,) = upload.json()["evidence"]
    (complaint_file,) = client.get(url("complaint", complaint.pk)).json()["evidence"]
    admin = admin_of(done.provider)
    (provider_file,) = api(admin).get(url("provider-complaint", complaint.pk)).json()["evidence"]
    document, image = Evidence.objects.get(complaint=complaint), Evidence.objects.get(claim=claim)

    assert (
        complaint_file["url"] == provider_file["url"] == f"http://testserver/api/v1/evidence/{document.pk}/"
    )
    assert set(claim_file) == {"id", "url", "content_type", "size", "uploaded_at"}
    assert claim_file["url"] == f"http://testserver/api/v1/evidence/{image.pk}/"
    stored_pdf, stored_png = document.file.open("rb").read(), image.file.open("rb").read()
    for reader in (done.customer, admin, dispatcher_of(done.provider), operator()):
        assert download(reader, complaint_file["url"]) == (200, "application/pdf", stored_pdf)
        assert download(reader, claim_file["url"]) == (200, "image/png", stored_png)
    pdf_only = api(done.customer, HTTP_ACCEPT="application/pdf").get(complaint_file["url"])
    assert pdf_only.status_code == 200 and pdf_only["Content-Disposition"].startswith("inline; filename=")
    for format_asked in ("", "json", "png"):
        asked = f"{complaint_file['url']}?format={format_asked}"
        assert download(done.customer, asked)[:2] == (200, "application/pdf"), "the stored type, always"
    for outsider in (theirs.customer, admin_of(theirs.provider), done.staff.user):
        assert_error(api(outsider).get(complaint_file["url"]), 404, "not_found")
        assert_error(api(outsider).get(claim_file["url"]), 404, "not_found")
    assert_error(api(theirs.customer, HTTP_ACCEPT="image/png").get(claim_file["url"]), 404, "not_found")
    assert_error(api().get(complaint_file["url"]), 401, "not_authenticated")
    assert_error(api(done.customer).get(url("evidence", 999999)), 404, "not_found")
    logged = PersonalDataAccess.objects.filter(fields="file")
    assert logged.count() == 12, "each opening, by those who may see the case only"
    assert set(logged.filter(subject_id=str(document.pk)).values_list("purpose", flat=True)) == {
        "complaint evidence (API)"
    }
    assert logged.filter(
        actor=admin, subject_id=str(image.pk), purpose="compensation claim evidence (API)"
    ).exists()


def test_a_hidden_reviews_photos_are_for_its_customer_the_provider_and_operators_only(
    done, theirs, admin_user
):
    hidden = services.write_review(done, customer=done.customer, ratings=GOOD, text="好", photos=[png()])
    services.write_review(theirs, customer=theirs.customer, ratings=GOOD, text="好", photos=[png()])
    services.hide_review(hidden, actor=admin_user, reason="含有联系方式")
    hidden_url = api(done.customer).get(url("booking-review", done.pk)).json()["photos"][0]["url"]
    (listed,) = api(admin_of(done.provider)).get(url("provider-reviews")).json()["results"]
    shown_url = (
        api().get(url("provider-public-reviews", theirs.provider_id)).json()["results"][0]["photos"][0]["url"]
    )
    stored = hidden.photos.get().file.open("rb").read()

    assert (
        listed["photos"][0]["url"]
        == hidden_url
        == f"http://testserver{url('review-photo', hidden.photos.get().pk)}"
    )
    for reader in (done.customer, admin_of(done.provider), dispatcher_of(done.provider), operator()):
        assert download(reader, hidden_url) == (200, "image/png", stored)
    assert download(done.customer, hidden_url, HTTP_ACCEPT="image/png")[0] == 200
    for outsider in (None, theirs.customer, admin_of(theirs.provider), done.staff.user):
        assert_error(api(outsider).get(hidden_url), 404, "not_found")
    assert_error(api(HTTP_ACCEPT="image/png").get(hidden_url), 404, "not_found")
    for reader in (None, done.customer, admin_of(theirs.provider)):
        assert download(reader, shown_url)[:2] == (200, "image/png")
    assert_error(api().get(url("review-photo", 999999)), 404, "not_found")


# Feedback and notifications --------------------------------------------------------------------------------


def test_sending_feedback_and_reading_the_answer(done, admin_user):
    client = api(admin_of(done.provider))

    response = client.post(url("feedback"), {"category": "bug", "text": SCRIPT})

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"id", "category", "category_display", "text", "created_at", "answer", "answered_at"}
    assert body["text"] == SCRIPT and body["answer"] == "" and body["answered_at"] is None
    services.answer_feedback(Feedback.objects.get(), actor=admin_user, answer="已修复")
    (row,) = client.get(url("feedback")).json()["results"]
    assert row["answer"] == "已修复" and row["answered_at"]
    assert api(done.customer).get(url("feedback")).json()["count"] == 0
    for field, value in [("category", "praise"), ("text", " "), ("text", "长" * 2001)]:
        error = assert_error(
            client.post(url("feedback"), {"category": "bug", "text": "x", field: value}), 400, "invalid"
        )
        assert set(error["fields"]) == {field}


def test_feedback_is_limited_per_day_with_a_429(done):
    Feedback.objects.bulk_create(
        Feedback(user=done.customer, role="customer", category="other", text=str(n))
        for n in range(services.FEEDBACK_PER_DAY)
    )
    assert_error(
        api(done.customer).post(url("feedback"), {"category": "other", "text": "再一条"}), 429, "throttled"
    )


def test_notifications_read_in_my_language_and_are_marked_read(done, admin_user):
    services.reply_to_review(review(done), actor=admin_of(done.provider), text="感谢您的评价")
    complaint = complaint_on(done)
    services.acknowledge_complaint(complaint, actor=admin_user)
    client = api(done.customer)

    body = client.get(url("notifications"), {"lang": "en"}).json()

    assert body["count"] == 2
    acknowledged, replied = body["results"]
    assert set(replied) == {"id", "kind", "title", "message", "values", "created_at", "read_at"}
    assert replied["kind"] == "review_replied" and replied["values"] == {"number": done.number}
    assert replied["message"] == f"The provider replied to your review of order {done.number}."
    assert acknowledged["message"] == "Your complaint is now: Acknowledged."
    assert acknowledged["read_at"] is None
    assert client.post(url("notifications-read")).json() == {"count": 2}
    assert client.post(url("notifications-read")).json() == {"count": 0}
    assert all(row["read_at"] for row in client.get(url("notifications")).json()["results"])
    assert api(make_customer()).get(url("notifications")).json()["count"] == 0
    assert_error(api().get(url("notifications")), 401, "not_authenticated")


# The provider's side ---------------------------------------------------------------------------------------


def test_the_provider_sees_its_reviews_and_replies_once(done, theirs, admin_user):
    mine = review(done, POOR, SCRIPT)
    review(theirs)
    services.hide_review(mine, actor=admin_user, reason="广告")
    dispatcher = dispatcher_of(done.provider)

    body = api(dispatcher).get(url("provider-reviews")).json()

    assert body["count"] == 1
    (row,) = body["results"]
    assert set(row) == PROVIDER_REVIEW_FIELDS
    assert row["is_hidden"] and row["hidden_reason"] == "广告" and row["customer"] == "陈**"
    assert row["staff"] == {"id": done.staff_id, "name": done.staff.real_name}
    assert row["provider"]["id"] == done.provider_id and row["text"] == SCRIPT
    assert theirs.number not in api(dispatcher).get(url("provider-reviews")).content.decode()
    reply = api(dispatcher).post(url("provider-review-reply", mine.pk), {"text": "抱歉，我们会改进"})
    assert reply.status_code == 200, reply.content
    assert reply.json()["reply"] == "抱歉，我们会改进" and reply.json()["replied_at"]
    assert_error(
        api(admin_of(done.provider)).post(url("provider-review-reply", mine.pk), {"text": "再说"}),
        409,
        "duplicate",
    )
    assert_error(api(dispatcher).post(url("provider-review-reply", mine.pk), {"text": " "}), 400, "invalid")

    def ids(**params):
        response = api(dispatcher).get(url("provider-reviews"), params)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(replied="true") == {mine.pk} and ids(replied="false") == set()
    assert ids(provider=done.provider_id) == {mine.pk}
    for bad in ({"provider": theirs.provider_id}, {"provider": 0}, {"replied": "yes"}, {"replied": ""}):
        error = assert_error(api(dispatcher).get(url("provider-reviews"), bad), 400, "invalid")
        assert set(error["fields"]) == set(bad)


def test_other_providers_and_customers_cannot_answer_a_providers_reviews(done, theirs):
    mine = review(done)

    assert_error(
        api(admin_of(theirs.provider)).post(url("provider-review-reply", mine.pk), {"text": "x"}),
        404,
        "not_found",
    )
    assert_error(api(done.customer).get(url("provider-reviews")), 403, "permission_denied")
    assert_error(
        api(done.staff.user).post(url("provider-review-reply", mine.pk), {"text": "x"}),
        403,
        "permission_denied",
    )
    assert Review.objects.get(pk=mine.pk).reply == ""


def test_the_provider_follows_complaints_about_it_and_responds(done, theirs):
    complaint = complaint_on(done, description=SCRIPT)
    complaint_on(theirs)
    upload = api(done.customer).post(
        url("complaint-evidence", complaint.pk), {"files": [pdf()]}, format="multipart"
    )
    assert upload.status_code == 201
    admin = admin_of(done.provider)

    listed = api(admin).get(url("provider-complaints")).json()
    assert listed["count"] == 1
    (row,) = listed["results"]
    assert set(row) == PROVIDER_COMPLAINT_FIELDS
    assert row["customer_contact"] == "任城区 · 陈** 139****1111" and row["sla_state"] == "on_time"
    assert "13900001111" not in api(admin).get(url("provider-complaints")).content.decode()
    detail = api(admin).get(url("provider-complaint", complaint.pk)).json()
    assert set(detail) == COMPLAINT_DETAIL_FIELDS | PROVIDER_COMPLAINT_FIELDS
    assert detail["description"] == SCRIPT and len(detail["evidence"]) == 1
    response = api(admin).post(url("provider-complaint-respond", complaint.pk), {"text": "师傅路上堵车"})
    assert response.status_code == 200, response.content
    assert response.json()["provider_response"] == "师傅路上堵车"
    assert response.json()["steps"][-1]["role"] == "provider"
    customer_view = api(done.customer).get(url("complaint", complaint.pk)).json()
    assert customer_view["provider_response"] == "师傅路上堵车"
    assert {
        row["id"]
        for row in api(admin).get(url("provider-complaints"), {"status": "submitted"}).json()["results"]
    } == {complaint.pk}
    assert api(admin).get(url("provider-complaints"), {"status": "resolved"}).json()["count"] == 0
    assert_error(api(admin).get(url("provider-complaints"), {"status": "lost"}), 400, "invalid")


def test_other_providers_people_and_customers_cannot_see_a_providers_complaints(done, theirs, admin_user):
    complaint = complaint_on(done)
    other = admin_of(theirs.provider)

    assert_error(api(other).get(url("provider-complaint", complaint.pk)), 404, "not_found")
    assert_error(
        api(other).post(url("provider-complaint-respond", complaint.pk), {"text": "x"}), 404, "not_found"
    )
    assert_error(api(other).get(url("provider-complaints"), {"provider": done.provider_id}), 400, "invalid")
    assert api(other).get(url("provider-complaints")).json()["count"] == 0
    assert_error(api(done.customer).get(url("provider-complaint", complaint.pk)), 403, "permission_denied")
    assert_error(api(done.staff.user).get(url("provider-complaints")), 403, "permission_denied")
    resolved(complaint, admin_user)
    assert_error(
        api(admin_of(done.provider)).post(url("provider-complaint-respond", complaint.pk), {"text": "补充"}),
        409,
        "wrong_status",
    )


# Query counts ----------------------------------------------------------------------------------------------


@pytest.fixture
def many(catalog):
    """22 completed orders of one customer with one staff member, each reviewed (with a photo and a reply),
    complained about, claimed on and notified about; written directly, since the lists only read them."""
    provider, (staff,) = bookable_setup(catalog)
    customer = make_customer()
    now = timezone.now()
    for n in range(22):
        start = tomorrow_at(8) - timedelta(days=n + 1)
        booking = Booking.objects.create(
            number=f"SM-AS-{n:03d}",
            customer=customer,
            service=catalog.daily,
            provider=provider,
            staff=staff,
            district=catalog.rencheng,
            address_detail="任城区古槐路 18 号 3 单元 502 室",
            contact_name="陈阿姨",
            contact_phone="13900001111",
            start=start,
            end=start + timedelta(hours=2),
            buffer_minutes=30,
            price=Decimal("120.00"),
            status=Booking.Status.COMPLETED,
        )
        written = Review.objects.create(
            booking=booking,
            customer=customer,
            service=catalog.daily,
            provider=provider,
            staff=staff,
            text=f"第{n}次",
            reply="谢谢",
            replied_at=now,
            **GOOD,
        )
        photo = ReviewPhoto(review=written, content_type="image/png", size=3)
        photo.file.save("photo.png", ContentFile(b"png"), save=False)
        photo.save()
        Complaint.objects.create(
            booking=booking,
            customer=customer,
            provider=provider,
            staff=staff,
            category="late",
            description="迟到",
            acknowledge_by=now + timedelta(hours=2),
            resolve_by=now + timedelta(hours=48),
        )
        CompensationClaim.objects.create(
            booking=booking,
            customer=customer,
            provider=provider,
            reason="damage",
            description="打碎",
            amount_claimed=Decimal("10.00"),
        )
        Feedback.objects.create(user=customer, role="customer", category="other", text=str(n))
        services.notify(customer, Notification.Kind.REVIEW_REPLIED, number=booking.number)
    return customer, provider


@pytest.mark.parametrize(
    "name, reader, args",
    [
        ("my-reviews", "customer", ()),
        ("service-reviews", "anonymous", ("service",)),
        ("provider-public-reviews", "anonymous", ("provider",)),
        ("complaints", "customer", ()),
        ("claims", "customer", ()),
        ("feedback", "customer", ()),
        ("notifications", "customer", ()),
        ("provider-reviews", "provider", ()),
        ("provider-complaints", "provider", ()),
    ],
)
def test_lists_take_a_fixed_number_of_queries(
    catalog, many, name, reader, args, django_assert_max_num_queries
):
    customer, provider = many
    user = {"customer": customer, "provider": admin_of(provider), "anonymous": None}[reader]
    path = url(name, *[{"service": catalog.daily.pk, "provider": provider.pk}[arg] for arg in args])
    client = api(user)
    client.get(path, {"page_size": 2})
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(path, {"page_size": 2}).json()["results"]) == 2
    with django_assert_max_num_queries(len(few)):
        body = client.get(path, {"page_size": 20}).json()
    assert body["count"] == 22 and len(body["results"]) == 20


def test_the_schema_documents_uploads_as_multipart_and_the_rest_as_json(catalog):
    import yaml

    schema = yaml.safe_load(api().get("/api/v1/schema/").content)
    paths = schema["paths"]
    for upload in (
        "/api/v1/bookings/{id}/review/photos/",
        "/api/v1/complaints/{id}/evidence/",
        "/api/v1/claims/{id}/evidence/",
    ):
        assert set(paths[upload]["post"]["requestBody"]["content"]) == {"multipart/form-data"}
    assert set(paths["/api/v1/complaints/"]["post"]["requestBody"]["content"]) == {"application/json"}
    review_input = schema["components"]["schemas"]["ReviewInputRequest"]["properties"]
    assert review_input["overall"] == {"type": "integer", "maximum": 5, "minimum": 1}
    assert review_input["text"]["maxLength"] == 2000
    claim_input = schema["components"]["schemas"]["ClaimCreateRequest"]["properties"]
    assert claim_input["amount"]["pattern"] == "^[0-9]{1,5}(?:\\.[0-9]{1,2})?$"
    assert "security" in paths["/api/v1/complaints/"]["get"]
    for file_path, types in (
        ("/api/v1/evidence/{id}/", {"application/pdf", "image/jpeg", "image/png"}),
        ("/api/v1/review-photos/{id}/", {"image/jpeg", "image/png"}),
    ):
        operation = paths[file_path]["get"]
        assert set(operation["responses"]["200"]["content"]) == types
        assert [parameter["name"] for parameter in operation["parameters"]] == ["id"]
    assert "security" not in paths["/api/v1/services/{id}/reviews/"]["get"], "public"
