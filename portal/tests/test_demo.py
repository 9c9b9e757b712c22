import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, Page

from cms.models import CulturalExperiencePage, ServiceCategoryPage, ServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_catalog(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_catalog, db, django_user_model):
    return django_user_model.objects.get(username="admin")


def live_count(model, language):
    return model.objects.live().filter(locale__language_code=language).count()


def test_demo_catalog_is_complete_in_both_languages(demo):
    for language in ("zh-hans", "en"):
        assert live_count(ServiceCategoryPage, language) >= 9
        assert live_count(ServicePage, language) - live_count(CulturalExperiencePage, language) >= 40
        assert live_count(CulturalExperiencePage, language) >= 6
    zh_pages = Page.objects.filter(locale__language_code="zh-hans", depth__gt=1).count()
    en_pages = Page.objects.filter(locale__language_code="en", depth__gt=1).count()
    assert zh_pages == en_pages


def test_english_pages_carry_english_text_with_ascii_slugs(demo, client):
    for page in ServicePage.objects.live().filter(locale__language_code="en").specific():
        assert page.title.isascii(), page.title
        assert page.slug.isascii()
        for block in page.faq:
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in block.value["question"]), block.value


def test_demo_pages_answer(demo, client):
    service = ServicePage.objects.live().filter(locale__language_code="en").first()
    zh_service = service.get_translation(Locale.objects.get(language_code="zh-hans"))
    for url in ["/zh-hans/", "/en/", service.url, zh_service.url, service.get_parent().url]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "language, query", [("zh-hans", "保洁"), ("zh-hans", "空调"), ("zh-hans", "孔子"), ("en", "cleaning")]
)
def test_demo_catalog_is_searchable(demo, client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    titles = [page.title for page in response.context["results"]]
    assert titles, query
    assert response.context["page_obj"].paginator.count >= 2


def test_demo_prints_the_demo_credentials(demo_catalog):
    assert "password shangmen-demo" in demo_catalog
    for login in ("admin", "13800000003", "13800000002"):
        assert login in demo_catalog


def test_demo_accounts_sign_in_to_their_pages(demo, client):
    assert client.login(username="13800000003", password="shangmen-demo")
    assert client.get("/zh-hans/provider/", follow=True).status_code == 200
    client.logout()
    assert client.login(username="13800000002", password="shangmen-demo")
    response = client.get("/zh-hans/staff/me/")
    assert response.status_code == 200
    assert "王秀英" in response.content.decode()


def test_demo_has_certified_providers_and_one_applicant(demo):
    from providers.models import Certificate, Provider
    from providers.selectors import bookable_providers

    assert bookable_providers().count() >= 3
    assert Provider.objects.filter(status=Provider.Status.APPLIED).count() == 1
    assert Certificate.objects.filter(kind="staff").count() >= 10


def test_demo_is_idempotent(demo, django_user_model):
    pages = Page.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Page.objects.count() == pages
    assert django_user_model.objects.filter(username="admin").count() == 1
    assert demo.check_password("shangmen-demo")


def test_demo_refuses_where_demo_data_is_not_allowed(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="disabled"):
        call_command("load_demo")


def test_demo_after_sales_leaves_work_for_each_role(demo, django_user_model):
    from aftersales.models import CompensationClaim, Complaint, Feedback, Review
    from aftersales.selectors import reviewable_bookings

    review = Review.objects.get()
    assert review.reply and not review.is_hidden
    assert Complaint.objects.get().status == Complaint.Status.ACKNOWLEDGED
    assert CompensationClaim.objects.get().status == CompensationClaim.Status.SUBMITTED
    assert Feedback.objects.filter(answered_at__isnull=True).count() == 1
    customer = django_user_model.objects.get(first_name="陈女士")
    assert reviewable_bookings(customer).count() == 1, "one completed order is left for the visitor to review"
