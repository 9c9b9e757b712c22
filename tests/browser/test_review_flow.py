import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from aftersales.models import RatingSummary, Review
from aftersales.tests.factories import completed_booking
from booking.tests.factories import make_customer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def photo_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "#b3261e").save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_customer_reviews_a_completed_order_in_english(live_server, catalog, browser):
    customer = make_customer(phone="13800000072", name="Chen")
    booking = completed_booking(catalog, customer=customer)
    base = live_server.url
    page = browser.new_page(locale="en-GB")
    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_username", "13800000072")
    page.fill("#id_password", "customer-pass-2026")
    page.click("button.primary")

    page.goto(f"{base}/en/orders/{booking.number}/")
    page.click("#aftersales a.review-link")
    expect(page).to_have_url(re.compile(rf"/en/orders/{booking.number}/review/$"))
    page.get_by_role("button", name="Publish the review").click()
    expect(page.locator(".error").first).to_be_visible()

    for rating, stars in (("overall", 4), ("punctuality", 5), ("quality", 4), ("attitude", 5)):
        page.check(f"input[name={rating}][value='{stars}']")
    page.fill("textarea[name=text]", "Spotless kitchen <b>and</b> a friendly cleaner.")
    page.set_input_files(
        "input[name=photos]",
        files=[{"name": "kitchen.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()}],
    )
    page.get_by_role("button", name="Publish the review").click()

    expect(page).to_have_url(re.compile(rf"/en/orders/{booking.number}/$"))
    review_box = page.locator("#aftersales .review")
    expect(review_box).to_contain_text("Spotless kitchen <b>and</b> a friendly cleaner.")
    expect(review_box.locator(".review-photos img")).to_have_count(1)
    expect(page.locator("#aftersales")).to_contain_text("Edit")

    page.goto(f"{base}{catalog.en_daily.url}")
    expect(page.locator(".rating-summary .rating-number")).to_have_text("4.0")
    expect(page.locator(".review-text").first).to_contain_text("Spotless kitchen <b>and</b>")
    page.close()

    review = Review.objects.get(booking=booking)
    assert (review.overall, review.punctuality, review.photos.count()) == (4, 5, 1)
    staff_summary = RatingSummary.objects.get(subject="staff", subject_id=booking.staff_id)
    assert staff_summary.count == 1
