"""Reviews where everyone sees them: the service page, the provider's public page and the staff member's own
page, in both languages."""

import io

import pytest
from django import db
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from aftersales import services
from aftersales.tests.factories import completed_booking
from booking.tests.factories import bookable_setup, make_customer
from providers.models import Provider
from providers.tests.factories import make_provider

pytestmark = pytest.mark.django_db

OK, NOT_FOUND = 200, 404
GOOD = {"overall": 5, "punctuality": 4, "quality": 5, "attitude": 5}
FAIR = {"overall": 3, "punctuality": 4, "quality": 3, "attitude": 4}
SCRIPT = "<script>alert('x')</script>"
ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def reset_queries():
    """Setting up makes thousands of queries and Django keeps only the last 9000, which would hide the page's
    own: start the count from an empty log."""
    db.reset_queries()


@pytest.fixture
def reviewed(catalog):
    """A provider whose staff member served two customers; both reviewed, one with a script in the text."""
    provider, (staff,) = bookable_setup(catalog)
    first = completed_booking(catalog, customer=make_customer(name="陈女士"), setup=False)
    second = completed_booking(catalog, customer=make_customer(name="周先生"), day=1, setup=False)
    services.write_review(first, customer=first.customer, ratings=GOOD, text=SCRIPT, photos=[png()])
    services.write_review(second, customer=second.customer, ratings=FAIR, text="还可以")
    return provider, staff, [first, second]


def test_the_service_page_shows_the_summary_and_latest_reviews_escaped(client, catalog, reviewed):
    provider, _staff, bookings = reviewed
    page = client.get(catalog.daily.url).content.decode()
    assert ESCAPED in page and SCRIPT not in page
    assert "还可以" in page and "陈**" in page and "周**" in page and "陈女士" not in page
    assert 'class="rating-number">4.0<' in page
    assert "<dd>4.0</dd>" in page and "<dd>4.5</dd>" in page
    assert reverse("aftersales:review_photo", args=[bookings[0].review.photos.get().pk]) in page
    assert reverse("provider_profile", args=[provider.pk]) in page


def test_the_english_service_page_shows_the_reviews_of_the_source_page(client, catalog, reviewed):
    response = client.get(catalog.en_daily.url)
    page = response.content.decode()
    assert response.status_code == OK and '<html lang="en">' in page
    assert "还可以" in page and ESCAPED in page
    assert 'class="rating-number">4.0<' in page


def test_hidden_reviews_leave_the_public_pages_and_the_averages(client, catalog, reviewed, admin_user):
    provider, _staff, bookings = reviewed
    services.hide_review(bookings[1].review, actor=admin_user, reason="广告")
    page = client.get(catalog.daily.url).content.decode()
    profile = client.get(reverse("provider_profile", args=[provider.pk])).content.decode()
    for html in (page, profile):
        assert "还可以" not in html and 'class="rating-number">5.0<' in html


def test_a_service_without_reviews_says_so(client, catalog):
    response = client.get(catalog.deep.url)
    assert response.status_code == OK and 'class="rating-summary"' not in response.content.decode()


def test_the_provider_profile_shows_what_it_does_and_its_reviews(client, catalog, reviewed):
    provider, _staff, _bookings = reviewed
    response = client.get(reverse("provider_profile", args=[provider.pk]))
    page = response.content.decode()
    assert response.status_code == OK
    assert provider.legal_name_zh in page and "家政保洁" in page and "任城区" in page
    assert ESCAPED in page and SCRIPT not in page and "周**" in page
    assert "日常保洁服务" in page

    english = client.get(f"/en/providers/{provider.pk}/").content.decode()
    assert provider.legal_name_en in english and "Housekeeping" in english
    assert "Daily home cleaning, 2 hours" in english and ESCAPED in english


@pytest.mark.parametrize(
    "status", [Provider.Status.DRAFT, Provider.Status.SUSPENDED, Provider.Status.REVOKED]
)
def test_only_certified_providers_have_a_public_page(client, catalog, status):
    provider = make_provider(status=status, categories=[catalog.housekeeping])
    assert client.get(reverse("provider_profile", args=[provider.pk])).status_code == NOT_FOUND


def test_a_warned_provider_keeps_its_public_page(client, catalog):
    provider = make_provider(status=Provider.Status.WARNED, categories=[catalog.housekeeping])
    assert client.get(reverse("provider_profile", args=[provider.pk])).status_code == OK


def test_the_provider_profile_takes_a_fixed_number_of_queries(client, catalog, django_assert_max_num_queries):
    provider, _staff = bookable_setup(catalog)
    bookings = [completed_booking(catalog, day=day, setup=False) for day in range(12)]
    services.write_review(bookings[0], customer=bookings[0].customer, ratings=GOOD, photos=[png()])
    url = reverse("provider_profile", args=[provider.pk])
    reset_queries()
    with django_assert_max_num_queries(30) as few:
        assert client.get(url).status_code == OK
    limit = len(few)
    for booking in bookings[1:]:
        services.write_review(
            booking, customer=booking.customer, ratings=FAIR, text="好", photos=[png(), png()]
        )
    reset_queries()
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert len(response.context["reviews"]) == 10 and response.context["page_obj"].has_next()
    assert len(client.get(url, {"page": 2}).context["reviews"]) == 2


def test_the_staff_member_sees_their_averages_and_recent_reviews(client, catalog, reviewed):
    _provider, staff, _bookings = reviewed
    client.force_login(staff.user)
    page = client.get(reverse("providers:staff_me")).content.decode()
    assert "还可以" in page and ESCAPED in page and 'class="rating-number">4.0<' in page
    assert client.get("/en/staff/me/").status_code == OK
