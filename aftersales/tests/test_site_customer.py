"""A customer's after-sales pages: reviewing an order, complaints, claims, feedback and notifications."""

import io
import re
from datetime import timedelta

import pytest
from django import db
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.models import PersonalDataAccess
from aftersales import services
from aftersales.models import CompensationClaim, Complaint, Evidence, Feedback, Review
from aftersales.tests.factories import completed_booking, completed_bookings
from booking.tests.factories import make_customer

pytestmark = pytest.mark.django_db

STARS = {"overall": "5", "punctuality": "4", "quality": "5", "attitude": "3"}
OK, FOUND, BAD_REQUEST, NOT_FOUND = 200, 302, 400, 404


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def reset_queries():
    """Setting up makes thousands of queries and Django keeps only the last 9000, which would hide the page's
    own: start the count from an empty log."""
    db.reset_queries()


@pytest.fixture
def booking(catalog, client):
    booking = completed_booking(catalog)
    client.force_login(booking.customer)
    return booking


def order_page(client, booking, lang="zh-hans"):
    return client.get(f"/{lang}/orders/{booking.number}/").content.decode()


def file_complaint(client, booking, **extra):
    data = {"category": "quality", "description": "地板没有拖干净", "evidence": [png()], **extra}
    return client.post(reverse("aftersales:complaint_file", args=[booking.number]), data)


# Reviews ---------------------------------------------------------------------------------------------------


def test_the_order_page_offers_a_review_and_the_form_publishes_it_once(client, booking):
    review_url = reverse("aftersales:review", args=[booking.number])
    assert f'href="{review_url}"' in order_page(client, booking)
    form_page = client.get(review_url).content.decode()
    assert 'type="radio" name="overall" value="5"' in form_page and "<legend>" in form_page

    response = client.post(review_url, {**STARS, "text": "阿姨很细心", "photos": [png(), png("b.png")]})
    assert response.status_code == FOUND
    assert response["Location"] == reverse("booking:order", args=[booking.number])
    review = Review.objects.get(booking=booking)
    assert (review.overall, review.attitude, review.text, review.photos.count()) == (5, 3, "阿姨很细心", 2)

    page = order_page(client, booking)
    assert "阿姨很细心" in page and f'href="{review_url}"' not in page
    assert reverse("aftersales:review_edit", args=[booking.number]) in page
    photo_url = reverse("aftersales:review_photo", args=[review.photos.first().pk])
    assert photo_url in page and client.get(photo_url)["Content-Type"] == "image/png"

    again = client.post(review_url, {**STARS, "text": "再评一次"})
    assert again.status_code == BAD_REQUEST
    assert again.context["form"].non_field_errors()
    assert Review.objects.filter(booking=booking).count() == 1
    assert client.get(review_url).status_code == FOUND


def test_missing_stars_and_bad_photos_are_form_errors(client, booking):
    url = reverse("aftersales:review", args=[booking.number])
    response = client.post(url, {"overall": "5", "text": "好"})
    assert response.status_code == BAD_REQUEST
    assert set(response.context["form"].errors) == {"punctuality", "quality", "attitude"}
    fake = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
    response = client.post(url, {**STARS, "photos": [fake]})
    assert response.status_code == BAD_REQUEST and response.context["form"].non_field_errors()
    assert not Review.objects.exists()


def test_a_review_is_edited_within_seven_days_and_refused_after(client, booking):
    review = services.write_review(
        booking, customer=booking.customer, ratings={k: int(v) for k, v in STARS.items()}, photos=[png()]
    )
    url = reverse("aftersales:review_edit", args=[booking.number])
    page = client.get(url).content.decode()
    assert re.search(r'name="overall" value="5"[^>]*checked', page)
    assert re.search(r'name="attitude" value="3"[^>]*checked', page)
    photo = review.photos.get()
    response = client.post(url, {**STARS, "overall": "4", "text": "改一下", "remove_photos": [photo.pk]})
    assert response.status_code == FOUND
    review.refresh_from_db()
    assert (review.overall, review.text, review.photos.count()) == (4, "改一下", 0)

    Review.objects.filter(pk=review.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert reverse("aftersales:review_edit", args=[booking.number]) not in order_page(client, booking)
    assert client.get(url).status_code == FOUND
    response = client.post(url, {**STARS, "overall": "1", "text": "再改"})
    assert response.status_code == BAD_REQUEST and response.context["form"].non_field_errors()
    review.refresh_from_db()
    assert (review.overall, review.text) == (4, "改一下")


def test_review_text_is_escaped_on_the_order_page(client, booking):
    services.write_review(
        booking,
        customer=booking.customer,
        ratings={k: int(v) for k, v in STARS.items()},
        text="<script>alert(1)</script>",
    )
    page = order_page(client, booking)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_hidden_review_shows_the_reason_to_its_customer_and_its_photos_only_to_them(
    client, booking, admin_user
):
    review = services.write_review(
        booking, customer=booking.customer, ratings={k: int(v) for k, v in STARS.items()}, photos=[png()]
    )
    services.hide_review(review, actor=admin_user, reason="含有联系方式")
    assert "含有联系方式" in order_page(client, booking)
    photo_url = reverse("aftersales:review_photo", args=[review.photos.get().pk])
    assert client.get(photo_url).status_code == OK
    client.force_login(make_customer())
    assert client.get(photo_url).status_code == NOT_FOUND
    client.logout()
    assert client.get(photo_url).status_code == NOT_FOUND


def test_my_reviews_lists_reviews_and_orders_waiting_in_a_fixed_number_of_queries(
    client, catalog, django_assert_max_num_queries
):
    bookings = completed_bookings(catalog, 6)
    customer = bookings[0].customer
    client.force_login(customer)
    stars = {k: int(v) for k, v in STARS.items()}
    services.write_review(bookings[0], customer=customer, ratings=stars, text="第一条", photos=[png()])
    url = reverse("aftersales:my_reviews")
    reset_queries()
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == OK
    limit = len(few)
    for booking in bookings[1:4]:
        services.write_review(booking, customer=customer, ratings=stars, text="又一条", photos=[png(), png()])
    reset_queries()
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert len(response.context["reviews"]) == 4 and len(response.context["waiting"]) == 2
    assert reverse("aftersales:review", args=[bookings[5].number]) in response.content.decode()


# Complaints ------------------------------------------------------------------------------------------------


def test_a_complaint_is_filed_followed_confirmed_or_reopened_from_its_page(client, booking, admin_user):
    admin_user.first_name = "运营小李"
    admin_user.save()
    order = order_page(client, booking)
    assert reverse("aftersales:complaint_file", args=[booking.number]) in order
    response = file_complaint(client, booking)
    complaint = Complaint.objects.get(booking=booking)
    url = reverse("aftersales:complaint", args=[complaint.pk])
    assert response.status_code == FOUND and response["Location"] == url
    page = client.get(url).content.decode()
    assert "地板没有拖干净" in page
    assert timezone.localtime(complaint.resolve_by).strftime("%Y-%m-%d %H:%M") in page
    assert reverse("aftersales:evidence", args=[complaint.evidence.get().pk]) in page
    assert url in order_page(client, booking)

    services.acknowledge_complaint(complaint, actor=admin_user, note="已联系服务商")
    services.resolve_complaint(complaint, actor=admin_user, resolution="退还一半费用", upheld=True)
    page = client.get(url).content.decode()
    assert "退还一半费用" in page and "已联系服务商" in page
    assert "运营小李" not in page
    assert reverse("aftersales:complaint_confirm", args=[complaint.pk]) in page

    response = client.post(reverse("aftersales:complaint_reopen", args=[complaint.pk]), {"reason": ""})
    assert response.status_code == BAD_REQUEST and response.context["reopen_form"].errors
    client.post(reverse("aftersales:complaint_reopen", args=[complaint.pk]), {"reason": "还是很脏"})
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REOPENED
    assert "还是很脏" in client.get(url).content.decode()

    services.resolve_complaint(complaint, actor=admin_user, resolution="全额退款", upheld=True)
    client.post(reverse("aftersales:complaint_confirm", args=[complaint.pk]))
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CONFIRMED


def test_a_complaint_needs_a_category_and_a_description(client, booking):
    response = file_complaint(client, booking, category="", description="")
    assert response.status_code == BAD_REQUEST
    assert set(response.context["form"].errors) == {"category", "description"}
    response = file_complaint(client, booking, evidence=[SimpleUploadedFile("a.exe", b"MZ....")])
    assert response.status_code == BAD_REQUEST and response.context["form"].non_field_errors()
    assert not Complaint.objects.exists()


def test_my_complaints_takes_a_fixed_number_of_queries(client, catalog, django_assert_max_num_queries):
    bookings = completed_bookings(catalog, 5)
    client.force_login(bookings[0].customer)
    file_complaint(client, bookings[0])
    url = reverse("aftersales:my_complaints")
    reset_queries()
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == OK
    limit = len(few)
    for booking in bookings[1:]:
        file_complaint(client, booking)
    reset_queries()
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert len(response.context["page_obj"]) == 5


# Claims ----------------------------------------------------------------------------------------------------


def test_a_claim_with_a_bad_amount_is_a_form_error_and_a_good_one_is_filed(client, booking):
    url = reverse("aftersales:claim_file", args=[booking.number])
    data = {"reason": "damage", "description": "花瓶被打碎", "evidence": [png()]}
    for amount in ("abc", "-5", "0", "12.345", "99999999"):
        response = client.post(url, {**data, "amount": amount})
        assert response.status_code == BAD_REQUEST, amount
        assert response.context["form"].errors, amount
    assert not CompensationClaim.objects.exists()

    response = client.post(url, {**data, "amount": "80.00", "evidence": [png()]})
    claim = CompensationClaim.objects.get(booking=booking)
    assert response["Location"] == reverse("aftersales:claim", args=[claim.pk])
    page = client.get(response["Location"]).content.decode()
    assert "¥80.00" in page and "花瓶被打碎" in page
    assert reverse("aftersales:claim", args=[claim.pk]) in order_page(client, booking)
    assert client.get(url).status_code == FOUND


def test_a_decided_claim_shows_what_was_paid_back(client, booking, admin_user):
    claim = services.file_claim(
        booking, customer=booking.customer, reason="damage", description="碎了", amount="50.00"
    )
    services.decide_claim(claim, actor=admin_user, approve=True, amount="30.00", reason="只赔一部分")
    page = client.get(reverse("aftersales:claim", args=[claim.pk])).content.decode()
    assert "¥30.00" in page and "只赔一部分" in page
    assert client.get(reverse("aftersales:my_claims")).status_code == OK


# Someone else's order --------------------------------------------------------------------------------------


def test_another_customer_gets_404_on_every_page_and_file_of_an_order(client, booking, admin_user):
    services.write_review(
        booking, customer=booking.customer, ratings={k: int(v) for k, v in STARS.items()}, photos=[png()]
    )
    file_complaint(client, booking)
    complaint = Complaint.objects.get()
    claim = services.file_claim(
        booking, customer=booking.customer, reason="loss", description="丢了", amount="10", evidence=[png()]
    )
    services.acknowledge_complaint(complaint, actor=admin_user)
    services.resolve_complaint(complaint, actor=admin_user, resolution="好", upheld=False)

    client.force_login(make_customer())
    number = booking.number
    for url in (
        reverse("aftersales:review", args=[number]),
        reverse("aftersales:review_edit", args=[number]),
        reverse("aftersales:complaint_file", args=[number]),
        reverse("aftersales:claim_file", args=[number]),
        reverse("aftersales:complaint", args=[complaint.pk]),
        reverse("aftersales:claim", args=[claim.pk]),
        *(reverse("aftersales:evidence", args=[item.pk]) for item in Evidence.objects.all()),
    ):
        assert client.get(url).status_code == NOT_FOUND, url
    for url in (
        reverse("aftersales:review", args=[number]),
        reverse("aftersales:complaint_confirm", args=[complaint.pk]),
        reverse("aftersales:complaint_reopen", args=[complaint.pk]),
    ):
        assert client.post(url, {**STARS, "reason": "x"}).status_code == NOT_FOUND, url
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RESOLVED


def test_evidence_is_served_to_its_customer_and_the_access_logged(client, booking):
    file_complaint(client, booking)
    evidence = Evidence.objects.get()
    response = client.get(reverse("aftersales:evidence", args=[evidence.pk]))
    assert response.status_code == OK and response["Content-Type"] == "image/png"
    assert PersonalDataAccess.objects.filter(subject_id=str(evidence.pk), actor=booking.customer).exists()


def test_anonymous_visitors_are_asked_to_sign_in(client, booking):
    client.logout()
    for url in (
        reverse("aftersales:review", args=[booking.number]),
        reverse("aftersales:my_reviews"),
        reverse("aftersales:feedback"),
        reverse("aftersales:notifications"),
    ):
        response = client.get(url)
        assert response.status_code == FOUND and "/accounts/login/" in response["Location"]


# Feedback and notifications --------------------------------------------------------------------------------


def test_feedback_answered_becomes_a_notification_and_opening_the_page_reads_it(client, booking, admin_user):
    response = client.post(
        reverse("aftersales:feedback"), {"category": "suggestion", "text": "希望增加夜间服务"}
    )
    assert response["Location"] == reverse("aftersales:my_feedback")
    feedback = Feedback.objects.get(user=booking.customer)
    assert 'data-unread="0"' in client.get(reverse("aftersales:my_feedback")).content.decode()

    services.answer_feedback(feedback, actor=admin_user, answer="已转给产品团队")
    mine = client.get(reverse("aftersales:my_feedback")).content.decode()
    assert "已转给产品团队" in mine and 'data-unread="1"' in mine

    page = client.get(reverse("aftersales:notifications")).content.decode()
    assert (
        f'{reverse("aftersales:my_feedback")}#feedback-{feedback.pk}"' in page
        and 'class="notification unread"' in page
    )
    assert 'data-unread="0"' in page
    again = client.get(reverse("aftersales:notifications")).content.decode()
    assert "notification unread" not in again


def test_feedback_form_errors_are_shown(client, booking):
    response = client.post(reverse("aftersales:feedback"), {"category": "nonsense", "text": ""})
    assert response.status_code == BAD_REQUEST
    assert set(response.context["form"].errors) == {"category", "text"}


def test_notifications_link_each_kind_and_take_a_fixed_number_of_queries(
    client, booking, admin_user, django_assert_max_num_queries
):
    stars = {k: int(v) for k, v in STARS.items()}
    review = services.write_review(booking, customer=booking.customer, ratings=stars)
    services.hide_review(review, actor=admin_user, reason="<b>广告</b>")
    url = reverse("aftersales:notifications")
    reset_queries()
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    limit = len(few)
    file_complaint(client, booking)
    complaint = Complaint.objects.get()
    services.acknowledge_complaint(complaint, actor=admin_user)
    claim = services.file_claim(
        booking, customer=booking.customer, reason="loss", description="丢", amount="5"
    )
    services.decide_claim(claim, actor=admin_user, approve=False, reason="证据不足")
    services.answer_feedback(
        services.send_feedback(user=booking.customer, category="other", text="你好"),
        actor=admin_user,
        answer="好",
    )
    reset_queries()
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    page = response.content.decode()
    assert len(response.context["lines"]) == 4
    assert reverse("booking:order", args=[booking.number]) in page
    assert reverse("aftersales:complaint", args=[complaint.pk]) in page
    assert reverse("aftersales:claim", args=[claim.pk]) in page
    assert "&lt;b&gt;广告&lt;/b&gt;" in page and "<b>广告</b>" not in page


# English ---------------------------------------------------------------------------------------------------


def test_the_pages_work_in_english(client, booking, admin_user):
    stars = {k: int(v) for k, v in STARS.items()}
    services.write_review(booking, customer=booking.customer, ratings=stars, text="Spotless")
    file_complaint(client, booking)
    complaint = Complaint.objects.get()
    services.send_feedback(user=booking.customer, category="bug", text="Hello")
    for path in (
        f"/en/orders/{booking.number}/",
        f"/en/orders/{booking.number}/review/edit/",
        f"/en/orders/{booking.number}/claim/",
        "/en/me/reviews/",
        "/en/me/complaints/",
        f"/en/me/complaints/{complaint.pk}/",
        "/en/me/claims/",
        "/en/me/feedback/",
        "/en/me/feedback/new/",
        "/en/me/notifications/",
    ):
        response = client.get(path)
        assert response.status_code == OK, path
        assert '<html lang="en">' in response.content.decode(), path
    page = order_page(client, booking, lang="en")
    assert "Spotless" in page and "/en/orders/" in page and 'href="/en/me/complaints/' in page
    assert (
        client.get(f"/en/orders/{booking.number}/review/edit/").context["form"]["overall"].label == "Overall"
    )
