"""After-sales operators in the Wagtail admin: complaints with their time limits, compensation claims and the
totals per provider, reviews, feedback, and who may see any of it."""

import io
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.users.models import UserProfile

from accounts.models import PersonalDataAccess
from aftersales import services
from aftersales.models import (
    CompensationClaim,
    Complaint,
    Feedback,
    Notification,
    RatingSummary,
    Review,
)
from aftersales.permissions import OPERATORS_GROUP
from aftersales.tests.factories import completed_booking, completed_bookings
from booking.tests.factories import bookable_setup, make_customer
from payments.models import Refund
from providers.models import ProviderMembership
from providers.tests.factories import pdf_upload

pytestmark = pytest.mark.django_db

OK, FORBIDDEN = 200, 403
POOR = {"overall": 2, "punctuality": 3, "quality": 2, "attitude": 2}
GOOD = {"overall": 5, "punctuality": 5, "quality": 4, "attitude": 5}


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def in_english(user):
    # The catalogs translate these screens; the assertions read the English source text.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def operator(django_user_model):
    user = django_user_model.objects.create_user("operator", password="shangmen-demo", first_name="客服小李")
    user.groups.add(Group.objects.get(name=OPERATORS_GROUP))
    return in_english(user)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="shangmen-demo")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def operator_client(client, operator):
    client.force_login(operator)
    return client


@pytest.fixture
def cases(catalog):
    """One of each: a complaint with a PDF, a claim with a photo, a poor review and a feedback message."""
    first, second = completed_bookings(catalog, 2)
    customer = first.customer
    complaint = services.file_complaint(
        first,
        customer=customer,
        category="quality",
        description="地板没有擦干净",
        evidence=[pdf_upload("evidence.pdf")],
    )
    claim = services.file_claim(
        second,
        customer=customer,
        reason="damage",
        description="花瓶被打碎",
        amount="300.00",
        evidence=[png()],
    )
    review = services.write_review(
        first, customer=customer, ratings=POOR, text="<script>alert(1)</script> 不满意", photos=[png()]
    )
    feedback = services.send_feedback(user=customer, category="bug", text="支付页面打不开")
    provider_admin = ProviderMembership.objects.get(
        provider=first.provider, role=ProviderMembership.Role.ADMIN
    ).user
    return SimpleNamespace(
        complaint=complaint,
        claim=claim,
        review=review,
        feedback=feedback,
        customer=customer,
        provider=first.provider,
        provider_admin=provider_admin,
    )


def act(client, url, data=None):
    """POST one action; returns where it led and the levels of the messages it left (then shown, so cleared)."""
    response = client.post(url, data or {})
    assert response.status_code == 302, url
    left = [message.level for message in get_messages(response.wsgi_request)]
    assert client.get(response["Location"]).status_code == OK
    return response["Location"], left


def admin_url(name, *args):
    return reverse(f"aftersales_admin:{name}", args=args)


def pages(cases):
    return [
        admin_url("complaints"),
        admin_url("complaints_results"),
        admin_url("complaint", cases.complaint.pk),
        admin_url("evidence", cases.complaint.evidence.get().pk),
        admin_url("claims"),
        admin_url("claims_results"),
        admin_url("claim_totals"),
        admin_url("claim", cases.claim.pk),
        admin_url("reviews"),
        admin_url("reviews_results"),
        admin_url("review", cases.review.pk),
        admin_url("review_photo", cases.review.photos.get().pk),
        admin_url("feedback_list"),
        admin_url("feedback_list_results"),
        admin_url("feedback", cases.feedback.pk),
    ]


def actions(cases):
    """Every POST of the operators' admin, with data the service would accept."""
    return [
        (admin_url("complaint_acknowledge", cases.complaint.pk), {"note": ""}),
        (admin_url("complaint_handle", cases.complaint.pk), {"note": ""}),
        (admin_url("complaint_resolve", cases.complaint.pk), {"resolution": "已返工", "upheld": "yes"}),
        (
            admin_url("claim_decide", cases.claim.pk),
            {"decision": "approve_full", "amount": "", "reason": "", "recover_amount": ""},
        ),
        (admin_url("claim_transfer", cases.claim.pk), {"reference": "BANK-1"}),
        (admin_url("claim_recovery", cases.claim.pk), {}),
        (admin_url("review_hide", cases.review.pk), {"reason": "含有不当内容"}),
        (admin_url("review_restore", cases.review.pk), {}),
        (admin_url("feedback_answer", cases.feedback.pk), {"answer": "已修复"}),
    ]


def assert_untouched(cases):
    assert Complaint.objects.get(pk=cases.complaint.pk).status == Complaint.Status.SUBMITTED
    assert CompensationClaim.objects.get(pk=cases.claim.pk).status == CompensationClaim.Status.SUBMITTED
    assert not Review.objects.get(pk=cases.review.pk).is_hidden
    assert Feedback.objects.get(pk=cases.feedback.pk).answered_at is None


# Access ----------------------------------------------------------------------------------------------------


def test_the_evidence_links_of_the_services_open_the_review_and_complaint_pages(operator_client, cases):
    for name, case in (("review", cases.review), ("complaint", cases.complaint)):
        link = reverse(f"aftersales_admin:{name}", args=[case.pk])
        assert link.startswith("/admin/aftersales/")
        response = operator_client.get(link)
        assert response.status_code == OK, name
        assert case.booking.number in response.content.decode()


def test_operators_and_superusers_open_every_page(client, operator, admin_user, cases):
    for user in (operator, admin_user):
        client.force_login(user)
        for page in pages(cases):
            assert client.get(page).status_code == OK, (user, page)


def test_admin_users_who_are_not_operators_are_refused_everything(client, editor, cases):
    client.force_login(editor)
    for page in pages(cases):
        assert client.get(page).status_code == FORBIDDEN, page
    for action, data in actions(cases):
        assert client.post(action, data).status_code == FORBIDDEN, action
    assert_untouched(cases)
    assert not PersonalDataAccess.objects.filter(actor=editor).exists()


def test_customers_and_provider_people_are_sent_to_the_admin_login(client, cases):
    for user in (cases.provider_admin, cases.customer, None):
        client.logout()
        if user is not None:
            client.force_login(user)
        for page in pages(cases):
            response = client.get(page)
            assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"], page
        for action, data in actions(cases):
            assert client.post(action, data).status_code == 302, action
    assert_untouched(cases)


def test_the_menu_is_shown_to_operators_only(client, operator, editor):
    client.force_login(operator)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in ("complaints", "claims", "claim_totals", "reviews", "feedback_list"):
        assert admin_url(name) in home, name
    assert f"{admin_url('complaints')}?overdue=true" in home
    client.force_login(editor)
    assert admin_url("complaints") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_operators_permission_can_be_given_in_the_group_editor(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("wagtailusers_groups:add")).content.decode()
    operate = Permission.objects.get(content_type__app_label="aftersales", codename="operate_aftersales")
    assert f'value="{operate.pk}"' in page


def test_gets_on_actions_change_nothing(operator_client, cases):
    response = operator_client.get(admin_url("complaint_acknowledge", cases.complaint.pk))
    assert response.status_code == 302 and response["Location"] == admin_url("complaint", cases.complaint.pk)
    assert_untouched(cases)


# Complaints ------------------------------------------------------------------------------------------------


def test_an_operator_works_a_complaint_to_its_resolution(operator_client, operator, cases):
    complaint, detail = cases.complaint, admin_url("complaint", cases.complaint.pk)
    queue = operator_client.get(admin_url("complaints")).content.decode()
    assert complaint.booking.number in queue and detail in queue
    assert "陈** 139" in queue and cases.customer.phone not in queue
    page = operator_client.get(detail).content.decode()
    assert "地板没有擦干净" in page and "On time" in page
    assert admin_url("evidence", complaint.evidence.get().pk) in page

    assert act(operator_client, admin_url("complaint_acknowledge", complaint.pk), {"note": "已收到"}) == (
        detail,
        [messages.SUCCESS],
    )
    _to, left = act(operator_client, admin_url("complaint_handle", complaint.pk), {"note": "联系服务商"})
    assert left == [messages.SUCCESS]
    _to, left = act(operator_client, admin_url("complaint_resolve", complaint.pk), {"resolution": "已返工"})
    assert left == [messages.ERROR]
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.HANDLING

    _to, left = act(
        operator_client,
        admin_url("complaint_resolve", complaint.pk),
        {"resolution": "服务商上门返工并道歉", "upheld": "yes"},
    )
    assert left == [messages.SUCCESS]
    complaint.refresh_from_db()
    assert (complaint.status, complaint.upheld) == (Complaint.Status.RESOLVED, True)
    steps = list(complaint.steps.values_list("action", "actor"))
    assert steps == [
        ("submitted", cases.customer.pk),
        ("acknowledged", operator.pk),
        ("handling", operator.pk),
        ("resolved", operator.pk),
    ]
    updates = Notification.objects.filter(user=cases.customer, kind=Notification.Kind.COMPLAINT_UPDATED)
    assert updates.count() == 3
    page = operator_client.get(detail).content.decode()
    assert "服务商上门返工并道歉" in page and "Done" in page and "客服小李" in page


def test_a_step_the_status_does_not_allow_is_an_error_message_not_a_failure(operator_client, cases):
    complaint = cases.complaint
    _to, left = act(
        operator_client, admin_url("complaint_resolve", complaint.pk), {"resolution": "x", "upheld": "no"}
    )
    assert left == [messages.ERROR]
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.SUBMITTED
    assert operator_client.post(admin_url("complaint_handle", 999999), follow=True).status_code == 404


def test_an_overdue_complaint_is_labelled_counted_and_filtered(operator_client, catalog, cases):
    overdue = cases.complaint
    Complaint.objects.filter(pk=overdue.pk).update(acknowledge_by=timezone.now() - timedelta(minutes=5))
    other = completed_booking(catalog, day=3, setup=False, customer=cases.customer)
    on_time = services.file_complaint(
        other, customer=cases.customer, category="late", description="迟到一小时"
    )
    page = operator_client.get(admin_url("complaints")).content.decode()
    assert "aftersales-sla--overdue" in page and "Overdue" in page
    assert "1 complaint is past its time limit." in page
    assert page.index(overdue.booking.number) < page.index(on_time.booking.number)
    only_overdue = operator_client.get(admin_url("complaints"), {"overdue": "true"}).content.decode()
    assert overdue.booking.number in only_overdue and on_time.booking.number not in only_overdue
    not_overdue = operator_client.get(admin_url("complaints"), {"overdue": "false"}).content.decode()
    assert on_time.booking.number in not_overdue and overdue.booking.number not in not_overdue
    detail = operator_client.get(admin_url("complaint", overdue.pk)).content.decode()
    assert "aftersales-sla--overdue" in detail and "Overdue" in detail


def test_complaints_are_filtered_and_searched(operator_client, catalog, cases):
    other_booking = completed_booking(catalog)
    other = services.file_complaint(
        other_booking, customer=other_booking.customer, category="late", description="迟到"
    )
    services.start_handling(other, actor=None)
    number, other_number = cases.complaint.booking.number, other_booking.number
    for query, shown, hidden in (
        ({"status": "handling"}, other_number, number),
        ({"category": "quality"}, number, other_number),
        ({"provider": cases.provider.pk}, number, other_number),
        ({"q": other_number}, other_number, number),
    ):
        page = operator_client.get(admin_url("complaints"), query).content.decode()
        assert shown in page and hidden not in page, query


def test_evidence_is_served_to_operators_and_every_look_is_logged(operator_client, operator, cases):
    evidence = cases.complaint.evidence.get()
    response = operator_client.get(admin_url("evidence", evidence.pk))
    assert response.status_code == OK
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    logged = PersonalDataAccess.objects.get(actor=operator)
    assert (logged.subject_id, logged.fields) == (str(evidence.pk), "file")


# Claims ----------------------------------------------------------------------------------------------------


def test_an_operator_approves_part_of_a_claim_pays_it_and_recovers_it(operator_client, operator, cases):
    claim, detail = cases.claim, admin_url("claim", cases.claim.pk)
    page = operator_client.get(detail).content.decode()
    assert "花瓶被打碎" in page and "¥300.00" in page
    assert admin_url("evidence", claim.evidence.get().pk) in page

    decision = {
        "decision": "approve_part",
        "amount": "200.00",
        "reason": "花瓶价格按发票认定",
        "recover_amount": "",
    }
    assert act(operator_client, admin_url("claim_decide", claim.pk), decision) == (detail, [messages.SUCCESS])
    claim.refresh_from_db()
    assert claim.status == CompensationClaim.Status.PARTLY_APPROVED
    assert (str(claim.amount_approved), str(claim.refunded_amount), str(claim.transfer_amount)) == (
        "200.00",
        "120.00",
        "80.00",
    )
    assert str(claim.recover_amount) == "200.00"
    refund = Refund.objects.get(payment__booking=claim.booking)
    assert (refund.kind, str(refund.amount), refund.requested_by) == ("compensation", "120.00", operator)
    assert Notification.objects.filter(user=cases.customer, kind=Notification.Kind.CLAIM_DECIDED).exists()

    due = operator_client.get(admin_url("claims"), {"transfer_due": "true"}).content.decode()
    assert claim.booking.number in due
    totals = operator_client.get(admin_url("claim_totals")).content.decode()
    assert "¥200.00" in totals and "¥120.00" in totals and "¥80.00" in totals

    _to, left = act(operator_client, admin_url("claim_transfer", claim.pk), {"reference": " "})
    assert left == [messages.ERROR]
    _to, left = act(
        operator_client, admin_url("claim_transfer", claim.pk), {"reference": "ICBC-20260701-001"}
    )
    assert left == [messages.SUCCESS]
    _to, left = act(operator_client, admin_url("claim_recovery", claim.pk))
    assert left == [messages.SUCCESS]
    claim.refresh_from_db()
    assert claim.transfer_reference == "ICBC-20260701-001" and claim.transferred_at and claim.recovered_at
    _to, left = act(operator_client, admin_url("claim_recovery", claim.pk))
    assert left == [messages.ERROR]

    due = operator_client.get(admin_url("claims"), {"recovery_due": "true"}).content.decode()
    assert claim.booking.number not in due
    totals = operator_client.get(admin_url("claim_totals"))
    [row] = totals.context["providers"]
    assert (row.claim_count, row.open_claims) == (1, 0)
    assert (row.to_recover_total, row.recovered_total, row.outstanding) == (200, 200, 0)
    assert "¥0.00" in totals.content.decode()
    page = operator_client.get(detail).content.decode()
    assert "ICBC-20260701-001" in page and "Nothing is left to do on this claim." in page


def test_a_rejection_needs_a_reason_and_a_bad_amount_is_refused(operator_client, cases):
    claim = cases.claim
    for data in (
        {"decision": "reject", "reason": ""},
        {"decision": "approve_part", "amount": "abc", "reason": "部分"},
        {"decision": "approve_part", "amount": "500.00", "reason": "超出"},
        {"decision": "maybe"},
    ):
        _to, left = act(operator_client, admin_url("claim_decide", claim.pk), data)
        assert left == [messages.ERROR], data
    claim.refresh_from_db()
    assert claim.status == CompensationClaim.Status.SUBMITTED
    assert not Refund.objects.filter(payment__booking=claim.booking).exists()
    _to, left = act(
        operator_client, admin_url("claim_decide", claim.pk), {"decision": "reject", "reason": "无证据"}
    )
    assert left == [messages.SUCCESS]
    claim.refresh_from_db()
    assert claim.status == CompensationClaim.Status.REJECTED


# Reviews ---------------------------------------------------------------------------------------------------


def test_an_operator_hides_a_review_with_a_reason_and_shows_it_again(operator_client, cases):
    review, detail = cases.review, admin_url("review", cases.review.pk)
    listing = operator_client.get(admin_url("reviews")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing and "<script>alert(1)" not in listing
    page = operator_client.get(detail).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert admin_url("review_photo", review.photos.get().pk) in page

    _to, left = act(operator_client, admin_url("review_hide", review.pk), {"reason": ""})
    assert left == [messages.ERROR]
    hide = act(operator_client, admin_url("review_hide", review.pk), {"reason": "含有攻击性内容"})
    assert hide == (detail, [messages.SUCCESS])
    review.refresh_from_db()
    assert review.is_hidden and review.hidden_reason == "含有攻击性内容"
    told = Notification.objects.get(user=cases.customer, kind=Notification.Kind.REVIEW_HIDDEN)
    assert told.values == {"number": review.booking.number, "reason": "含有攻击性内容"}
    provider_summary = RatingSummary.objects.get(subject="provider", subject_id=review.provider_id)
    assert provider_summary.count == 0
    hidden = operator_client.get(admin_url("reviews"), {"hidden": "true"}).content.decode()
    assert review.booking.number in hidden

    _to, left = act(operator_client, admin_url("review_restore", review.pk))
    assert left == [messages.SUCCESS]
    provider_summary.refresh_from_db()
    assert provider_summary.count == 1
    page = operator_client.get(detail).content.decode()
    assert "then shown again" in page and "含有攻击性内容" in page


def test_reviews_are_filtered_by_stars_reply_and_provider(operator_client, catalog, cases):
    good_booking = completed_booking(catalog, day=4, setup=False, customer=cases.customer)
    good = services.write_review(good_booking, customer=cases.customer, ratings=GOOD, text="很好")
    services.reply_to_review(good, actor=cases.provider_admin, text="谢谢")
    poor_number, good_number = cases.review.booking.number, good_booking.number
    for query, shown, hidden in (
        ({"max_stars": "2"}, poor_number, good_number),
        ({"replied": "true"}, good_number, poor_number),
        ({"replied": "false"}, poor_number, good_number),
        ({"hidden": "false", "provider": cases.provider.pk}, poor_number, None),
    ):
        page = operator_client.get(admin_url("reviews"), query).content.decode()
        assert shown in page, query
        assert hidden is None or hidden not in page, query


def test_review_photos_are_served_to_operators(operator_client, cases):
    response = operator_client.get(admin_url("review_photo", cases.review.photos.get().pk))
    assert response.status_code == OK and response["Content-Type"] == "image/png"


# Feedback --------------------------------------------------------------------------------------------------


def test_an_operator_answers_feedback_once(operator_client, cases):
    feedback, detail = cases.feedback, admin_url("feedback", cases.feedback.pk)
    unanswered = operator_client.get(admin_url("feedback_list"), {"answered": "false"}).content.decode()
    assert detail in unanswered
    _to, left = act(operator_client, admin_url("feedback_answer", feedback.pk), {"answer": ""})
    assert left == [messages.ERROR]
    answer = act(operator_client, admin_url("feedback_answer", feedback.pk), {"answer": "已修复，请再试一次"})
    assert answer == (detail, [messages.SUCCESS])
    feedback.refresh_from_db()
    assert feedback.answer == "已修复，请再试一次"
    told = Notification.objects.get(user=cases.customer, kind=Notification.Kind.FEEDBACK_ANSWERED)
    assert told.values == {"feedback_id": feedback.pk}
    page = operator_client.get(detail).content.decode()
    assert "已修复，请再试一次" in page and admin_url("feedback_answer", feedback.pk) not in page
    _to, left = act(operator_client, admin_url("feedback_answer", feedback.pk), {"answer": "再答一次"})
    assert left == [messages.ERROR]
    feedback.refresh_from_db()
    assert feedback.answer == "已修复，请再试一次"
    answered = operator_client.get(admin_url("feedback_list"), {"answered": "true"}).content.decode()
    assert detail in answered
    by_role = operator_client.get(admin_url("feedback_list"), {"role": "provider"}).content.decode()
    assert detail not in by_role


# Query counts ----------------------------------------------------------------------------------------------


def make_rows(catalog, count):
    """``count`` orders of one customer, each with a complaint, a claim, a review and a feedback message."""
    provider, _staff = bookable_setup(catalog)
    customer = make_customer()
    for day in range(count):
        booking = completed_booking(catalog, customer=customer, day=day, setup=False)
        services.file_complaint(booking, customer=customer, category="quality", description=f"投诉 {day}")
        services.file_claim(booking, customer=customer, reason="loss", description="丢失", amount="50.00")
        services.write_review(booking, customer=customer, ratings=POOR, text=f"评价 {day}")
        services.send_feedback(user=customer, category="other", text=f"建议 {day}")
    return provider


LISTINGS = ["complaints", "claims", "claim_totals", "reviews", "feedback_list"]


def test_listings_take_the_same_number_of_queries_whatever_the_number_of_rows(
    operator_client, catalog, django_assert_max_num_queries
):
    make_rows(catalog, 1)
    baseline = {}
    for name in LISTINGS:
        with CaptureQueriesContext(connection) as queries:
            assert operator_client.get(admin_url(name)).status_code == OK
        baseline[name] = len(queries)
    make_rows(catalog, 4)
    for name in LISTINGS:
        with django_assert_max_num_queries(baseline[name]):
            response = operator_client.get(admin_url(name))
        assert response.status_code == OK
    assert Complaint.objects.count() == 5 and Review.objects.count() == 5
