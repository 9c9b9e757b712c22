"""The provider's after-sales pages: its reviews with one reply each, and the complaints about its orders."""

import io

import pytest
from django import db
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.models import PersonalDataAccess
from aftersales import services
from aftersales.models import Complaint, Notification, Review
from aftersales.tests.factories import completed_booking
from booking.tests.factories import bookable_setup, make_customer
from providers import services as provider_services
from providers.models import ProviderMembership
from providers.tests.factories import make_applicant, make_provider

pytestmark = pytest.mark.django_db

OK, FOUND, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404
GOOD = {"overall": 5, "punctuality": 5, "quality": 4, "attitude": 5}
POOR = {"overall": 2, "punctuality": 3, "quality": 2, "attitude": 2}


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def reset_queries():
    """Setting up makes thousands of queries and Django keeps only the last 9000, which would hide the page's
    own: start the count from an empty log."""
    db.reset_queries()


@pytest.fixture
def world(catalog):
    """A provider with one staff member, its completed orders for two customers, and its administrator."""
    provider, _staff = bookable_setup(catalog)
    customers = [make_customer(name="陈女士"), make_customer(name="周先生")]
    bookings = [
        completed_booking(catalog, customer=customers[day % 2], day=day, setup=False) for day in range(4)
    ]
    return provider, bookings


def dispatcher_of(provider):
    person = make_applicant(name="调度员")
    provider_services.add_member(provider, person, ProviderMembership.Role.DISPATCHER)
    return person


def review(booking, stars=GOOD, text="很好", photos=()):
    return services.write_review(booking, customer=booking.customer, ratings=stars, text=text, photos=photos)


def complaint_on(booking):
    return services.file_complaint(
        booking, customer=booking.customer, category="damage", description="碰坏了花瓶", evidence=[png()]
    )


# Reviews ---------------------------------------------------------------------------------------------------


def test_the_provider_sees_its_reviews_hidden_ones_too_and_replies_once(client, world, admin_user):
    provider, bookings = world
    shown = review(bookings[0], text="打扫得很干净")
    hidden = review(bookings[1], stars=POOR, text="留了电话号码")
    services.hide_review(hidden, actor=admin_user, reason="含有联系方式")
    dispatcher = dispatcher_of(provider)
    client.force_login(dispatcher)

    url = reverse("aftersales:provider_reviews", args=[provider.pk])
    page = client.get(url).content.decode()
    assert "打扫得很干净" in page and "留了电话号码" in page and "含有联系方式" in page
    assert "陈**" in page and "周**" in page and "陈女士" not in page
    assert response_summary(client, url).count == 1
    assert reverse("aftersales:provider_reply", args=[shown.pk]) in page

    reply_url = reverse("aftersales:provider_reply", args=[shown.pk])
    response = client.post(reply_url, {"text": "感谢您的认可"})
    assert response.status_code == FOUND and response["Location"].startswith(url)
    shown.refresh_from_db()
    assert (shown.reply, shown.replied_by) == ("感谢您的认可", dispatcher)
    assert Notification.objects.filter(user=shown.customer, kind=Notification.Kind.REVIEW_REPLIED).exists()
    assert reply_url not in client.get(url).content.decode()

    page = client.post(reply_url, {"text": "再回复一次"}, follow=True).content.decode()
    shown.refresh_from_db()
    assert shown.reply == "感谢您的认可" and 'class="message error"' in page


def response_summary(client, url):
    return client.get(url).context["summary"]


def test_an_empty_reply_is_refused_with_a_message(client, world):
    provider, bookings = world
    written = review(bookings[0])
    client.force_login(provider.admin_user)
    page = client.post(
        reverse("aftersales:provider_reply", args=[written.pk]), {"text": "  "}, follow=True
    ).content.decode()
    assert 'class="message error"' in page
    written.refresh_from_db()
    assert written.replied_at is None


def test_reviews_list_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    provider, bookings = world
    review(bookings[0], photos=[png()])
    client.force_login(provider.admin_user)
    url = reverse("aftersales:provider_reviews", args=[provider.pk])
    reset_queries()
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == OK
    limit = len(few)
    for booking in bookings[1:]:
        review(booking, stars=POOR, photos=[png(), png()])
    Review.objects.filter(pk__in=[b.review.pk for b in bookings[1:3]]).update(
        reply="谢谢", replied_at=timezone.now()
    )
    reset_queries()
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert len(response.context["reviews"]) == 4


# Complaints ------------------------------------------------------------------------------------------------


def test_the_provider_follows_a_complaint_and_responds(client, world):
    provider, bookings = world
    complaint = complaint_on(bookings[0])
    client.force_login(provider.admin_user)
    filed = Notification.objects.get(user=provider.admin_user, kind=Notification.Kind.COMPLAINT_FILED)
    detail_url = reverse("aftersales:provider_complaint", args=[complaint.pk])
    notifications = client.get(reverse("aftersales:notifications")).content.decode()
    assert detail_url in notifications and filed.values["number"] in notifications

    listing = client.get(reverse("aftersales:provider_complaints", args=[provider.pk])).content.decode()
    assert detail_url in listing and "陈**" in listing
    assert timezone.localtime(complaint.acknowledge_by).strftime("%Y-%m-%d %H:%M") in listing

    page = client.get(detail_url).content.decode()
    assert "碰坏了花瓶" in page and "陈**" in page and "陈女士" not in page
    evidence_url = reverse("aftersales:evidence", args=[complaint.evidence.get().pk])
    assert evidence_url in page
    assert client.get(evidence_url).status_code == OK
    assert PersonalDataAccess.objects.filter(actor=provider.admin_user, purpose="complaint evidence").exists()

    response = client.post(detail_url, {"text": ""})
    assert response.status_code == 400 and response.context["form"].errors
    response = client.post(detail_url, {"text": "花瓶我们照价赔偿"})
    assert response.status_code == FOUND
    complaint.refresh_from_db()
    assert complaint.provider_response == "花瓶我们照价赔偿"

    client.force_login(bookings[0].customer)
    customer_page = client.get(reverse("aftersales:complaint", args=[complaint.pk])).content.decode()
    assert "花瓶我们照价赔偿" in customer_page
    assert provider.admin_user.display_name not in customer_page


def test_complaints_list_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    provider, bookings = world
    complaint_on(bookings[0])
    client.force_login(provider.admin_user)
    url = reverse("aftersales:provider_complaints", args=[provider.pk])
    reset_queries()
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == OK
    limit = len(few)
    for booking in bookings[1:]:
        complaint_on(booking)
    reset_queries()
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert len(response.context["rows"]) == 4


# Permissions -----------------------------------------------------------------------------------------------


def test_another_providers_people_and_customers_are_refused(client, world, catalog):
    provider, bookings = world
    written = review(bookings[0])
    complaint = complaint_on(bookings[1])
    claim = services.file_claim(
        bookings[2],
        customer=bookings[2].customer,
        reason="loss",
        description="丢了",
        amount="9",
        evidence=[png()],
    )
    other = make_provider(categories=[catalog.housekeeping])
    pages = [
        reverse("aftersales:provider_reviews", args=[provider.pk]),
        reverse("aftersales:provider_complaints", args=[provider.pk]),
        reverse("aftersales:provider_complaint", args=[complaint.pk]),
    ]
    files = [
        reverse("aftersales:evidence", args=[complaint.evidence.get().pk]),
        reverse("aftersales:evidence", args=[claim.evidence.get().pk]),
    ]
    for outsider in (other.admin_user, dispatcher_of(other), make_customer(), bookings[0].customer):
        client.force_login(outsider)
        for url in pages:
            assert client.get(url).status_code == FORBIDDEN, (outsider, url)
        response = client.post(reverse("aftersales:provider_reply", args=[written.pk]), {"text": "冒充回复"})
        assert response.status_code == FORBIDDEN
        response = client.post(pages[2], {"text": "冒充回应"})
        assert response.status_code == FORBIDDEN
    for outsider in (other.admin_user, dispatcher_of(other), make_customer()):
        client.force_login(outsider)
        for url in files:
            assert client.get(url).status_code == NOT_FOUND, (outsider, url)
    written.refresh_from_db()
    complaint.refresh_from_db()
    assert written.reply == "" and complaint.provider_response == ""
    assert not Complaint.objects.exclude(provider=provider).exists()

    client.force_login(dispatcher_of(provider))
    for url in pages + files:
        assert client.get(url).status_code == OK, url

    client.logout()
    assert "/accounts/login/" in client.get(pages[0])["Location"]


def test_provider_pages_work_in_english(client, world):
    provider, bookings = world
    review(bookings[0], text="Very tidy")
    complaint = complaint_on(bookings[1])
    client.force_login(provider.admin_user)
    for path in (
        f"/en/provider/{provider.pk}/reviews/",
        f"/en/provider/{provider.pk}/complaints/",
        f"/en/provider/complaints/{complaint.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == OK, path
        assert '<html lang="en">' in response.content.decode()
    nav = client.get(f"/en/provider/{provider.pk}/").content.decode()
    assert f"/en/provider/{provider.pk}/reviews/" in nav and f"/en/provider/{provider.pk}/complaints/" in nav
