"""Quality warnings in the providers admin: the queue, the figures and evidence, confirming and dismissing."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from providers import services
from providers.models import Provider, ProviderEvent, QualityWarning
from providers.permissions import REVIEWERS_GROUP
from providers.tests.factories import make_provider, make_staff

pytestmark = pytest.mark.django_db

OK, FORBIDDEN = 200, 403
Trigger, Status = QualityWarning.Trigger, QualityWarning.Status
REVIEW_LINK = "/admin/aftersales/reviews/1/"


def in_english(user):
    # The catalogs translate these screens; the assertions read the English source text.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="shangmen-demo", first_name="审核员")
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return in_english(user)


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="shangmen-demo")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def low_rating(provider, staff=None):
    return services.raise_quality_warning(
        provider=provider,
        staff=staff,
        trigger=Trigger.LOW_RATING,
        summary={"average": "2.40", "threshold": "3.5", "reviews": 20},
        evidence=[
            {"label": "SM20260701-0001 · 1★ · 2026-07-01", "url": REVIEW_LINK},
            {"label": "<b>forged</b>", "url": "javascript:alert(1)"},
        ],
    )


def upheld_complaints(provider, staff=None):
    return services.raise_quality_warning(
        provider=provider,
        staff=staff,
        trigger=Trigger.UPHELD_COMPLAINTS,
        summary={"upheld": 4, "limit": 3, "days": 30},
        evidence=[
            {"label": "SM20260702-0003 · quality · 2026-07-03", "url": "/admin/aftersales/complaints/3/"}
        ],
    )


@pytest.fixture
def provider(catalog):
    return make_provider(categories=[catalog.housekeeping])


def queue_url():
    return reverse("provider_quality:index")


def detail_url(warning):
    return reverse("provider_quality:warning", args=[warning.pk])


def decide(client, warning, decision, note):
    """POST a decision; returns the levels of the messages it left (then shown, so cleared)."""
    response = client.post(reverse("provider_quality:decide", args=[warning.pk, decision]), {"note": note})
    assert response.status_code == 302 and response["Location"] == detail_url(warning)
    left = [message.level for message in get_messages(response.wsgi_request)]
    assert client.get(response["Location"]).status_code == OK
    return left


# The queue -------------------------------------------------------------------------------------------------


def test_the_queue_shows_pending_warnings_first_with_their_figures(reviewer_client, reviewer, provider):
    staff = provider.staff.get()
    decided = upheld_complaints(provider)
    services.decide_quality_warning(decided, actor=reviewer, confirm=False, note="投诉已另行处理")
    pending = low_rating(provider, staff)
    page = reviewer_client.get(queue_url()).content.decode()
    assert "1 warning waits for a decision." in page
    assert "average 2.40 over the last 20 reviews, threshold 3.5" in page
    assert "4 upheld complaints in 30 days, limit 3" in page
    assert f"{staff.real_name} · {provider.legal_name_en}" in page
    assert page.index(detail_url(pending)) < page.index(detail_url(decided))


def test_the_queue_is_filtered_by_status_trigger_and_provider(reviewer_client, catalog, provider):
    other = make_provider(categories=[catalog.housekeeping])
    rating, complaints = low_rating(provider), upheld_complaints(other)
    for query, shown, hidden in (
        ({"trigger": Trigger.LOW_RATING}, rating, complaints),
        ({"provider": other.pk}, complaints, rating),
        ({"status": Status.PENDING}, rating, None),
        ({"status": Status.DISMISSED}, None, rating),
    ):
        page = reviewer_client.get(queue_url(), query).content.decode()
        assert shown is None or detail_url(shown) in page, query
        assert hidden is None or detail_url(hidden) not in page, query


def test_the_queue_takes_the_same_number_of_queries_whatever_its_length(
    reviewer_client, catalog, django_assert_max_num_queries
):
    low_rating(make_provider(categories=[catalog.housekeeping]))
    with CaptureQueriesContext(connection) as queries:
        assert reviewer_client.get(queue_url()).status_code == OK
    for _n in range(4):
        provider = make_provider(categories=[catalog.housekeeping])
        low_rating(provider, provider.staff.get())
        upheld_complaints(provider)
    with django_assert_max_num_queries(len(queries)):
        response = reviewer_client.get(queue_url())
    assert response.status_code == OK and QualityWarning.objects.count() == 9


# One warning -----------------------------------------------------------------------------------------------


def test_the_warning_page_links_the_evidence_of_this_site_only(reviewer_client, provider):
    warning = low_rating(provider)
    page = reviewer_client.get(detail_url(warning)).content.decode()
    assert f'<a href="{REVIEW_LINK}">SM20260701-0001 · 1★ · 2026-07-01</a>' in page
    assert "javascript:alert(1)" not in page
    assert "&lt;b&gt;forged&lt;/b&gt;" in page and "<b>forged</b>" not in page
    assert reverse("provider_review:inspect", args=[provider.pk]) in page


def test_confirming_a_staff_warning_records_it_and_leaves_the_provider_certified(
    reviewer_client, reviewer, provider
):
    warning = low_rating(provider, provider.staff.get())
    assert decide(reviewer_client, warning, "confirm", "连续差评，已约谈") == [messages.SUCCESS]
    warning.refresh_from_db()
    assert (warning.status, warning.decided_by, warning.decision_note) == (
        Status.CONFIRMED,
        reviewer,
        "连续差评，已约谈",
    )
    provider.refresh_from_db()
    assert provider.status == Provider.Status.CERTIFIED
    event = ProviderEvent.objects.filter(provider=provider).first()
    assert (event.action, event.actor) == ("quality_warning_confirmed", reviewer)
    page = reviewer_client.get(detail_url(warning)).content.decode()
    assert "连续差评，已约谈" in page
    assert reverse("provider_quality:decide", args=[warning.pk, "confirm"]) not in page


def test_confirming_a_provider_warning_warns_the_provider(reviewer_client, reviewer, provider):
    warning = upheld_complaints(provider)
    assert decide(reviewer_client, warning, "confirm", "一个月内多次投诉属实") == [messages.SUCCESS]
    provider.refresh_from_db()
    assert provider.status == Provider.Status.WARNED
    assert provider.events.first().action == "warn"
    assert decide(reviewer_client, warning, "dismiss", "再次决定") == [messages.ERROR]
    warning.refresh_from_db()
    assert warning.status == Status.CONFIRMED


def test_dismissing_needs_a_note(reviewer_client, provider):
    warning = low_rating(provider)
    assert decide(reviewer_client, warning, "dismiss", "   ") == [messages.ERROR]
    warning.refresh_from_db()
    assert warning.status == Status.PENDING
    assert decide(reviewer_client, warning, "dismiss", "差评为恶意刷单") == [messages.SUCCESS]
    warning.refresh_from_db()
    assert (warning.status, warning.decision_note) == (Status.DISMISSED, "差评为恶意刷单")
    provider.refresh_from_db()
    assert provider.status == Provider.Status.CERTIFIED


def test_unknown_decisions_and_gets_change_nothing(reviewer_client, provider):
    warning = low_rating(provider)
    url = reverse("provider_quality:decide", args=[warning.pk, "delete"])
    assert reviewer_client.post(url, {"note": "x"}, follow=True).status_code == 404
    response = reviewer_client.get(reverse("provider_quality:decide", args=[warning.pk, "confirm"]))
    assert response.status_code == 302 and response["Location"] == detail_url(warning)
    warning.refresh_from_db()
    assert warning.status == Status.PENDING


# Access ----------------------------------------------------------------------------------------------------


def quality_urls(warning):
    return [
        queue_url(),
        reverse("provider_quality:index_results"),
        detail_url(warning),
    ]


def test_after_sales_operators_may_decide_warnings_too(client, provider, django_user_model):
    operator = django_user_model.objects.create_user("operator", password="shangmen-demo")
    operator.groups.add(Group.objects.get(name="After-sales operators"))
    client.force_login(operator)
    warning = low_rating(provider)
    for url in quality_urls(warning):
        assert client.get(url).status_code == OK, url
    assert decide(client, warning, "dismiss", "误报") == [messages.SUCCESS]


def test_editors_are_refused_and_decide_nothing(client, editor, provider):
    warning = low_rating(provider)
    client.force_login(editor)
    for url in quality_urls(warning):
        assert client.get(url).status_code == FORBIDDEN, url
    for decision in ("confirm", "dismiss"):
        url = reverse("provider_quality:decide", args=[warning.pk, decision])
        assert client.post(url, {"note": "x"}).status_code == FORBIDDEN
    warning.refresh_from_db()
    assert warning.status == Status.PENDING


def test_provider_people_are_sent_to_the_admin_login(client, provider):
    warning = low_rating(provider)
    staff_user = make_staff(provider, name="李师傅").user
    for user in (provider.admin_user, staff_user):
        client.force_login(user)
        for url in quality_urls(warning):
            response = client.get(url)
            assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]
        url = reverse("provider_quality:decide", args=[warning.pk, "confirm"])
        assert client.post(url, {"note": "x"}).status_code == 302
    warning.refresh_from_db()
    assert warning.status == Status.PENDING


def test_the_menu_item_sits_in_the_providers_menu_for_reviewers_only(client, reviewer, editor):
    client.force_login(reviewer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert queue_url() in home and reverse("provider_review:index") in home
    client.force_login(editor)
    assert queue_url() not in client.get(reverse("wagtailadmin_home")).content.decode()
