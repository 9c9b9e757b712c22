"""After-sales rules through their services: reviews, quality triggers, complaints, claims and feedback."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from aftersales import selectors, services
from aftersales.models import (
    CompensationClaim,
    Complaint,
    Feedback,
    Notification,
    RatingSummary,
    Review,
)
from aftersales.services import AftersalesError
from aftersales.tests.factories import completed_booking, completed_bookings, paid_booking
from booking.tests.factories import make_customer
from payments.models import Refund
from providers import services as provider_services
from providers.models import Provider, ProviderEvent, ProviderMembership, QualityWarning
from providers.tests.factories import make_applicant

pytestmark = pytest.mark.django_db

POOR = {"overall": 2, "punctuality": 3, "quality": 2, "attitude": 2}
GOOD = {"overall": 5, "punctuality": 5, "quality": 4, "attitude": 5}


def png(name="photo.png", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def refusal_code(call):
    with pytest.raises(AftersalesError) as excinfo:
        call()
    return excinfo.value.code


def summary(subject, subject_id):
    return RatingSummary.objects.get(subject=subject, subject_id=subject_id)


def dispatcher_of(provider):
    person = make_applicant()
    provider_services.add_member(provider, person, ProviderMembership.Role.DISPATCHER)
    return person


# Reviews ---------------------------------------------------------------------------------------------------


def test_a_completed_order_is_reviewed_once_and_counted_for_service_provider_and_staff(catalog):
    booking = completed_booking(catalog)
    review = services.write_review(
        booking, customer=booking.customer, ratings=GOOD, text="很干净", photos=[png(), png("b.png")]
    )
    assert review.photos.count() == 2
    for subject, subject_id in (
        (RatingSummary.Subject.SERVICE, booking.service_id),
        (RatingSummary.Subject.PROVIDER, booking.provider_id),
        (RatingSummary.Subject.STAFF, booking.staff_id),
    ):
        row = summary(subject, subject_id)
        assert (row.count, row.overall_average, row.punctuality_average, row.quality_average) == (
            1,
            Decimal("5.0"),
            Decimal("5.0"),
            Decimal("4.0"),
        )
    again = lambda: services.write_review(booking, customer=booking.customer, ratings=GOOD)  # noqa: E731
    assert refusal_code(again) == "duplicate"


def test_only_the_customer_of_a_completed_order_may_review_it(catalog):
    booking = paid_booking(catalog)
    assert (
        refusal_code(lambda: services.write_review(booking, customer=booking.customer, ratings=GOOD))
        == "wrong_status"
    )
    done = completed_booking(catalog, hour=14, setup=False)
    stranger = make_customer()
    assert refusal_code(lambda: services.write_review(done, customer=stranger, ratings=GOOD)) == "not_allowed"
    assert not Review.objects.exists()


def test_reviews_close_after_the_window(catalog, settings):
    booking = completed_booking(catalog)
    type(booking).objects.filter(pk=booking.pk).update(
        end=timezone.now() - timedelta(days=settings.AFTERSALES_REVIEW_WINDOW_DAYS, minutes=1)
    )
    booking.refresh_from_db()
    code = refusal_code(lambda: services.write_review(booking, customer=booking.customer, ratings=GOOD))
    assert code == "window_closed"


@pytest.mark.parametrize("stars", [0, 6, None, "five", 3.5, True, "4.0"])
def test_every_rating_must_be_one_to_five_stars(catalog, stars):
    booking = completed_booking(catalog)
    ratings = {**GOOD, "quality": stars}
    assert refusal_code(
        lambda: services.write_review(booking, customer=booking.customer, ratings=ratings)
    ) == ("invalid")


def test_photos_must_really_be_images_and_few(catalog):
    booking = completed_booking(catalog)
    fake = SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"not an image", content_type="image/png")
    write = lambda photos: services.write_review(  # noqa: E731
        booking, customer=booking.customer, ratings=GOOD, photos=photos
    )
    assert refusal_code(lambda: write([fake])) == "invalid"
    assert refusal_code(lambda: write([png(f"{n}.png") for n in range(services.MAX_REVIEW_PHOTOS + 1)])) == (
        "invalid"
    )
    assert not Review.objects.exists(), "a refused photo leaves no half-written review"


def test_a_review_is_editable_for_seven_days_then_fixed(catalog, settings):
    booking = completed_booking(catalog)
    review = services.write_review(booking, customer=booking.customer, ratings=GOOD, photos=[png()])
    photo_id = review.photos.get().pk
    services.edit_review(
        review, customer=booking.customer, ratings=POOR, text="后来发现没擦窗", remove_photo_ids=[photo_id]
    )
    review.refresh_from_db()
    assert (review.overall, review.text, review.photos.count()) == (2, "后来发现没擦窗", 0)
    assert review.edited_at is not None
    assert summary(RatingSummary.Subject.STAFF, booking.staff_id).overall_average == Decimal("2.0")
    Review.objects.filter(pk=review.pk).update(
        created_at=timezone.now() - timedelta(days=settings.AFTERSALES_REVIEW_EDIT_DAYS, minutes=1)
    )
    review.refresh_from_db()
    assert not selectors.review_is_editable(review)
    code = refusal_code(lambda: services.edit_review(review, customer=booking.customer, ratings=GOOD))
    assert code == "window_closed"
    other = make_customer()
    assert refusal_code(lambda: services.edit_review(review, customer=other, ratings=GOOD)) == "not_allowed"


def test_an_operator_hides_a_review_with_a_reason_and_the_customer_is_told(catalog, admin_user):
    booking = completed_booking(catalog)
    review = services.write_review(booking, customer=booking.customer, ratings=POOR, text="广告 加微信")
    assert refusal_code(lambda: services.hide_review(review, actor=admin_user, reason="  ")) == "invalid"
    services.hide_review(review, actor=admin_user, reason="含广告信息")
    review.refresh_from_db()
    assert review.is_hidden and review.hidden_reason == "含广告信息" and review.hidden_by == admin_user
    assert summary(RatingSummary.Subject.SERVICE, booking.service_id).count == 0
    assert not selectors.public_reviews(service_id=booking.service_id).exists()
    notice = Notification.objects.get(user=booking.customer, kind=Notification.Kind.REVIEW_HIDDEN)
    assert notice.values == {"number": booking.number, "reason": "含广告信息"}
    assert refusal_code(lambda: services.edit_review(review, customer=booking.customer, ratings=GOOD)) == (
        "wrong_status"
    )
    services.restore_review(review, actor=admin_user)
    assert Review.objects.count() == 1, "reviews are never deleted"
    assert summary(RatingSummary.Subject.SERVICE, booking.service_id).count == 1


def test_the_provider_replies_once_and_only_its_own_people(catalog):
    booking = completed_booking(catalog)
    review = services.write_review(booking, customer=booking.customer, ratings=POOR)
    outsider = make_applicant()
    code = refusal_code(lambda: services.reply_to_review(review, actor=outsider, text="谢谢"))
    assert code == "not_allowed"
    person = dispatcher_of(booking.provider)
    services.reply_to_review(review, actor=person, text="抱歉，已安排回访")
    review.refresh_from_db()
    assert review.reply == "抱歉，已安排回访" and review.replied_by == person
    assert (
        refusal_code(lambda: services.reply_to_review(review, actor=person, text="再说一次")) == "duplicate"
    )
    assert Notification.objects.filter(user=booking.customer, kind=Notification.Kind.REVIEW_REPLIED).exists()


# Quality triggers ------------------------------------------------------------------------------------------


def test_a_staff_member_pushed_under_the_threshold_gets_one_pending_warning_with_evidence(catalog, settings):
    settings.QUALITY_MIN_REVIEWS = 5
    bookings = completed_bookings(catalog, 6)
    staff = bookings[0].staff
    for booking in bookings[:4]:
        services.write_review(booking, customer=booking.customer, ratings=POOR)
    assert not QualityWarning.objects.exists(), "four reviews are too few to judge"
    for booking in bookings[4:]:
        services.write_review(booking, customer=booking.customer, ratings=POOR)
    warning = QualityWarning.objects.get(staff=staff)
    assert warning.status == QualityWarning.Status.PENDING
    assert warning.trigger == QualityWarning.Trigger.LOW_RATING
    assert warning.summary == {"average": "2.00", "threshold": "3.5", "reviews": 6}
    assert [entry["label"].split(" · ")[0] for entry in warning.evidence] == [
        booking.number for booking in reversed(bookings)
    ]
    assert all(entry["url"].startswith("/admin/") for entry in warning.evidence)
    assert QualityWarning.objects.filter(staff__isnull=True, provider=staff.provider).count() == 1


def test_good_ratings_raise_nothing(catalog, settings):
    settings.QUALITY_MIN_REVIEWS = 2
    for booking in completed_bookings(catalog, 3):
        services.write_review(booking, customer=booking.customer, ratings=GOOD)
    assert not QualityWarning.objects.exists()


def test_the_rolling_window_counts_only_the_latest_reviews(catalog, settings):
    settings.QUALITY_ROLLING_REVIEWS = 2
    bookings = completed_bookings(catalog, 5)
    settings.QUALITY_MIN_REVIEWS = 100
    for booking in bookings[:3]:
        services.write_review(booking, customer=booking.customer, ratings=GOOD)
    settings.QUALITY_MIN_REVIEWS = 2
    services.write_review(bookings[3], customer=bookings[3].customer, ratings=POOR)
    assert not QualityWarning.objects.exists(), "last two: 5 and 2 stars, 3.5 on average"
    services.write_review(bookings[4], customer=bookings[4].customer, ratings=POOR)
    warning = QualityWarning.objects.get(staff=bookings[0].staff)
    assert warning.summary["average"] == "2.00", "all five average 3.8, the last two 2.0"
    assert [entry["label"].split(" · ")[0] for entry in warning.evidence] == [
        bookings[4].number,
        bookings[3].number,
    ]


def test_upheld_complaints_in_the_period_raise_a_warning(catalog, settings, admin_user):
    settings.QUALITY_UPHELD_COMPLAINTS = 2
    bookings = completed_bookings(catalog, 3)
    for booking, upheld in zip(bookings, (False, True, True), strict=True):
        complaint = services.file_complaint(
            booking, customer=booking.customer, category="quality", description="没打扫干净"
        )
        services.start_handling(complaint, actor=admin_user)
        services.resolve_complaint(complaint, actor=admin_user, resolution="已核实", upheld=upheld)
    warning = QualityWarning.objects.get(staff=bookings[0].staff)
    assert warning.trigger == QualityWarning.Trigger.UPHELD_COMPLAINTS
    assert warning.summary == {"upheld": 2, "limit": 2, "days": settings.QUALITY_COMPLAINT_DAYS}
    assert len(warning.evidence) == 2


def test_operators_confirm_or_dismiss_warnings(catalog, settings, admin_user):
    settings.QUALITY_MIN_REVIEWS = 1
    booking = completed_booking(catalog)
    services.write_review(booking, customer=booking.customer, ratings=POOR)
    staff_warning = QualityWarning.objects.get(staff=booking.staff)
    provider_warning = QualityWarning.objects.get(staff__isnull=True)
    with pytest.raises(provider_services.ProviderActionError):
        provider_services.decide_quality_warning(staff_warning, actor=admin_user, confirm=True, note=" ")
    provider_services.decide_quality_warning(staff_warning, actor=admin_user, confirm=True, note="已约谈")
    assert ProviderEvent.objects.filter(
        action="quality_warning_confirmed", provider=booking.provider
    ).exists()
    provider_services.decide_quality_warning(provider_warning, actor=admin_user, confirm=True, note="整改")
    assert Provider.objects.get(pk=booking.provider_id).status == Provider.Status.WARNED
    with pytest.raises(provider_services.ProviderActionError):
        provider_services.decide_quality_warning(staff_warning, actor=admin_user, confirm=False, note="again")


# Complaints ------------------------------------------------------------------------------------------------


def test_a_complaint_runs_to_the_end_with_every_step_timed_and_signed(catalog, settings, admin_user):
    settings.AFTERSALES_ACKNOWLEDGE_HOURS = 1
    settings.AFTERSALES_RESOLVE_HOURS = 24
    booking = completed_booking(catalog)
    person = dispatcher_of(booking.provider)
    before = timezone.now()
    complaint = services.file_complaint(
        booking, customer=booking.customer, category="damage", description="打碎了花瓶"
    )
    assert before + timedelta(hours=1) <= complaint.acknowledge_by <= timezone.now() + timedelta(hours=1)
    assert before + timedelta(hours=24) <= complaint.resolve_by <= timezone.now() + timedelta(hours=24)
    assert Notification.objects.filter(user=person, kind=Notification.Kind.COMPLAINT_FILED).exists()
    code = refusal_code(
        lambda: services.resolve_complaint(complaint, actor=admin_user, resolution="x", upheld=True)
    )
    assert code == "wrong_status"
    services.acknowledge_complaint(complaint, actor=admin_user)
    services.respond_as_provider(complaint, actor=person, text="员工承认，愿意赔偿")
    services.start_handling(complaint, actor=admin_user, note="联系双方")
    services.resolve_complaint(complaint, actor=admin_user, resolution="赔偿 200 元", upheld=True)
    services.confirm_resolution(complaint, customer=booking.customer)
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CONFIRMED and complaint.upheld is True
    steps = [(step.action, step.actor) for step in selectors.complaint_steps(complaint)]
    assert steps == [
        ("submitted", booking.customer),
        ("acknowledged", admin_user),
        ("provider_response", person),
        ("handling", admin_user),
        ("resolved", admin_user),
        ("confirmed", booking.customer),
    ]


def test_a_reopened_complaint_gets_a_new_time_to_resolve(catalog, admin_user):
    booking = completed_booking(catalog)
    complaint = services.file_complaint(
        booking, customer=booking.customer, category="quality", description="x"
    )
    services.start_handling(complaint, actor=admin_user)
    services.resolve_complaint(complaint, actor=admin_user, resolution="已道歉", upheld=False)
    Complaint.objects.filter(pk=complaint.pk).update(resolve_by=timezone.now() - timedelta(hours=1))
    assert refusal_code(
        lambda: services.reopen_complaint(complaint, customer=booking.customer, reason="")
    ) == ("invalid")
    services.reopen_complaint(complaint, customer=booking.customer, reason="道歉不够")
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REOPENED and complaint.resolve_by > timezone.now()
    services.resolve_complaint(complaint, actor=admin_user, resolution="退款", upheld=True)


def test_one_open_complaint_per_order_and_only_on_confirmed_orders(catalog, admin_user):
    booking = completed_booking(catalog)
    first = services.file_complaint(booking, customer=booking.customer, category="late", description="迟到")
    again = lambda: services.file_complaint(  # noqa: E731
        booking, customer=booking.customer, category="late", description="又迟到"
    )
    assert refusal_code(again) == "duplicate"
    services.start_handling(first, actor=admin_user)
    services.resolve_complaint(first, actor=admin_user, resolution="已处理", upheld=False)
    services.confirm_resolution(first, customer=booking.customer)
    assert again().pk != first.pk
    stranger = make_customer()
    code = refusal_code(
        lambda: services.file_complaint(booking, customer=stranger, category="late", description="x")
    )
    assert code == "not_allowed"


def test_overdue_complaints_and_closing_the_unanswered(catalog, settings, admin_user):
    booking = completed_booking(catalog)
    late = services.file_complaint(booking, customer=booking.customer, category="late", description="迟到")
    assert selectors.sla_state(late) == "on_time"
    Complaint.objects.filter(pk=late.pk).update(acknowledge_by=timezone.now() - timedelta(minutes=1))
    late.refresh_from_db()
    assert selectors.sla_state(late) == "overdue"
    assert list(selectors.complaint_queue(overdue=True)) == [late]
    services.start_handling(late, actor=admin_user)
    services.resolve_complaint(late, actor=admin_user, resolution="已处理", upheld=False)
    assert not selectors.complaint_queue(overdue=True).exists()
    later = timezone.now() + timedelta(days=settings.AFTERSALES_CONFIRM_DAYS, minutes=1)
    assert services.close_unanswered_complaints(now=later) == 1
    late.refresh_from_db()
    assert late.status == Complaint.Status.CONFIRMED
    assert late.steps.last().action == "auto_confirmed"


# Claims ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["", "abc", "0", "-5", "10.005", "NaN", "Infinity", "50000.01"])
def test_a_claim_needs_a_sensible_amount(catalog, amount):
    booking = completed_booking(catalog)
    file = lambda: services.file_claim(  # noqa: E731
        booking, customer=booking.customer, reason="damage", description="x", amount=amount
    )
    assert refusal_code(file) == "invalid"


def test_a_partly_approved_claim_refunds_the_order_and_leaves_the_rest_for_transfer(catalog, admin_user):
    booking = completed_booking(catalog)
    claim = services.file_claim(
        booking, customer=booking.customer, reason="damage", description="打碎了花瓶", amount="500.00"
    )
    assert refusal_code(
        lambda: services.file_claim(
            booking, customer=booking.customer, reason="loss", description="x", amount=1
        )
    ) == ("duplicate")
    decide = lambda **kwargs: services.decide_claim(claim, actor=admin_user, approve=True, **kwargs)  # noqa: E731
    assert refusal_code(lambda: decide(amount="300.00")) == "invalid", "a partial approval needs a reason"
    assert refusal_code(lambda: decide(amount="600.00", reason="x")) == "invalid"
    assert refusal_code(lambda: decide(amount="300.00", reason="x", recover_amount="301")) == "invalid"
    claim = decide(amount="300.00", reason="按折旧赔付", recover_amount="250.00")
    assert claim.status == CompensationClaim.Status.PARTLY_APPROVED
    assert (claim.refunded_amount, claim.transfer_amount, claim.recover_amount) == (
        booking.price,
        Decimal("300.00") - booking.price,
        Decimal("250.00"),
    )
    refund = Refund.objects.get(kind=Refund.Kind.COMPENSATION)
    assert refund.amount == booking.price and refund.payment.booking == booking
    assert Notification.objects.filter(user=booking.customer, kind=Notification.Kind.CLAIM_DECIDED).exists()
    assert refusal_code(lambda: decide(amount="1.00")) == "wrong_status"
    assert refusal_code(lambda: services.record_transfer(claim, actor=admin_user, reference=" ")) == "invalid"
    services.record_transfer(claim, actor=admin_user, reference="ICBC-20261122-001")
    assert refusal_code(lambda: services.record_transfer(claim, actor=admin_user, reference="again")) == (
        "wrong_status"
    )
    services.record_recovery(claim, actor=admin_user)
    totals = selectors.provider_claim_totals().get(pk=booking.provider_id)
    assert (totals.claim_count, totals.approved_total, totals.to_recover_total, totals.recovered_total) == (
        1,
        Decimal("300.00"),
        Decimal("250.00"),
        Decimal("250.00"),
    )


def test_a_rejected_claim_needs_a_reason_and_pays_nothing(catalog, admin_user):
    booking = completed_booking(catalog)
    claim = services.file_claim(
        booking, customer=booking.customer, reason="no_show", description="x", amount=80
    )
    assert refusal_code(lambda: services.decide_claim(claim, actor=admin_user, approve=False)) == "invalid"
    claim = services.decide_claim(claim, actor=admin_user, approve=False, reason="服务记录显示已上门")
    assert claim.status == CompensationClaim.Status.REJECTED and claim.paid_out == 0
    assert not Refund.objects.filter(kind=Refund.Kind.COMPENSATION).exists()
    assert refusal_code(lambda: services.record_recovery(claim, actor=admin_user)) == "wrong_status"


def test_a_claim_approved_in_full_within_the_order_is_all_refunded(catalog, admin_user):
    booking = completed_booking(catalog)
    claim = services.file_claim(
        booking, customer=booking.customer, reason="poor_service", description="x", amount=50
    )
    claim = services.decide_claim(claim, actor=admin_user, approve=True, amount="50")
    assert claim.status == CompensationClaim.Status.APPROVED
    assert (claim.refunded_amount, claim.transfer_amount, claim.recover_amount) == (
        Decimal("50.00"),
        Decimal("0.00"),
        Decimal("50.00"),
    )


# Feedback --------------------------------------------------------------------------------------------------


def test_feedback_knows_who_sent_it_and_is_answered_once(catalog, admin_user):
    booking = completed_booking(catalog)
    customer_note = services.send_feedback(
        user=booking.customer, category="suggestion", text="希望增加夜间服务"
    )
    staff_note = services.send_feedback(user=booking.staff.user, category="bug", text="任务页打不开")
    admin_of_provider = ProviderMembership.objects.filter(provider=booking.provider).first().user
    provider_note = services.send_feedback(user=admin_of_provider, category="payment", text="对账单")
    assert [note.role for note in (customer_note, staff_note, provider_note)] == [
        Feedback.Role.CUSTOMER,
        Feedback.Role.STAFF,
        Feedback.Role.PROVIDER,
    ]
    services.answer_feedback(customer_note, actor=admin_user, answer="已记录，谢谢")
    assert refusal_code(lambda: services.answer_feedback(customer_note, actor=admin_user, answer="x")) == (
        "duplicate"
    )
    notice = Notification.objects.get(user=booking.customer)
    assert (
        notice.kind == Notification.Kind.FEEDBACK_ANSWERED and selectors.unread_count(booking.customer) == 1
    )
    services.mark_notifications_read(booking.customer)
    assert selectors.unread_count(booking.customer) == 0


@pytest.mark.parametrize("category, text", [("nonsense", "x"), ("other", "   "), ("other", "长" * 2001)])
def test_feedback_needs_a_category_and_a_message(db, category, text):
    customer = make_customer()
    assert (
        refusal_code(lambda: services.send_feedback(user=customer, category=category, text=text)) == "invalid"
    )


def test_feedback_is_limited_per_day(db):
    customer = make_customer()
    for n in range(services.FEEDBACK_PER_DAY):
        services.send_feedback(user=customer, category="other", text=f"第 {n} 条")
    assert refusal_code(lambda: services.send_feedback(user=customer, category="other", text="再来")) == (
        "throttled"
    )


def test_the_hourly_sweep_closes_unanswered_resolutions(catalog, settings, admin_user):
    from django.core.management import call_command

    booking = completed_booking(catalog)
    complaint = services.file_complaint(
        booking, customer=booking.customer, category="late", description="迟到"
    )
    services.start_handling(complaint, actor=admin_user)
    services.resolve_complaint(complaint, actor=admin_user, resolution="已处理", upheld=False)
    Complaint.objects.filter(pk=complaint.pk).update(
        resolved_at=timezone.now() - timedelta(days=settings.AFTERSALES_CONFIRM_DAYS, minutes=1)
    )
    output = io.StringIO()
    call_command("aftersales_sweep", stdout=output)
    assert output.getvalue().startswith(
        "Closed 1 resolved complaints left unanswered; 0 complaints are overdue."
    )
    assert Complaint.objects.get(pk=complaint.pk).status == Complaint.Status.CONFIRMED
