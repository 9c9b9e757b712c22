"""Platform reviewers in the Wagtail admin: queue, decisions, quality actions, expiring papers, access."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import PersonalDataAccess
from cms.models import Qualification
from providers import services
from providers.models import Provider, ProviderEvent, Staff, StaffCertificate
from providers.permissions import REVIEWERS_GROUP
from providers.tests.factories import make_provider, make_staff

pytestmark = pytest.mark.django_db

Status = Provider.Status

REVIEW_ACTIONS = [
    "start_review",
    "approve",
    "request_more",
    "reject",
    "warn",
    "clear_warning",
    "suspend",
    "reinstate",
    "revoke",
]


def _first_staff_pk(provider):
    return provider.staff.order_by("pk").values_list("pk", flat=True).first()


# Every URL of the reviewers' admin, built for one provider; the permission matrix test imports this.
REVIEW_URLS = [
    ("review queue", lambda provider: reverse("provider_review:index")),
    ("review queue results", lambda provider: reverse("provider_review:index_results")),
    ("all providers", lambda provider: reverse("provider_review:all")),
    ("all providers results", lambda provider: reverse("provider_review:all_results")),
    ("expiring papers", lambda provider: reverse("provider_review:expiring")),
    ("provider review page", lambda provider: reverse("provider_review:inspect", args=[provider.pk])),
    *[
        (
            f"action {action}",
            lambda provider, action=action: reverse("provider_review:action", args=[provider.pk, action]),
        )
        for action in REVIEW_ACTIONS
    ],
    (
        "background check",
        lambda provider: reverse(
            "provider_review:background_check", args=[provider.pk, _first_staff_pk(provider)]
        ),
    ),
]


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="shangmen-demo", first_name="审核员")
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="shangmen-demo")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


# Note: a 404 under /admin/ comes back as LocaleMiddleware's redirect to /zh-hans/admin/…, which then 404s;
# tests that expect 404 follow redirects.


def message_list(response):
    return [(message.level, str(message)) for message in get_messages(response.wsgi_request)]


def act(client, provider, action, reason=""):
    return client.post(reverse("provider_review:action", args=[provider.pk, action]), {"reason": reason})


def detail_url(provider):
    return reverse("provider_review:inspect", args=[provider.pk])


# Listings --------------------------------------------------------------------------------------------------


def test_queue_lists_applied_providers_but_not_certified_ones(reviewer_client, catalog):
    applied = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    certified = make_provider(status=Status.CERTIFIED, categories=[catalog.housekeeping])
    response = reviewer_client.get(reverse("provider_review:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert applied.legal_name_zh in content
    assert applied.uscc in content
    assert detail_url(applied) in content
    assert certified.legal_name_zh not in content


def test_queue_searches_by_uscc_and_filters_by_status(reviewer_client, catalog):
    applied = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    in_review = make_provider(status=Status.UNDER_REVIEW, categories=[catalog.housekeeping])
    found = reviewer_client.get(reverse("provider_review:index"), {"q": in_review.uscc}).content.decode()
    assert in_review.legal_name_zh in found and applied.legal_name_zh not in found
    filtered = reviewer_client.get(reverse("provider_review:index"), {"status": "applied"}).content.decode()
    assert applied.legal_name_zh in filtered and in_review.legal_name_zh not in filtered


def test_all_providers_lists_every_status_and_filters_by_district(reviewer_client, catalog):
    certified = make_provider(status=Status.CERTIFIED, categories=[catalog.housekeeping])
    in_qufu = make_provider(
        status=Status.SUSPENDED, categories=[catalog.housekeeping], districts=[catalog.qufu]
    )
    content = reviewer_client.get(reverse("provider_review:all")).content.decode()
    assert certified.legal_name_zh in content and in_qufu.legal_name_zh in content
    filtered = reviewer_client.get(
        reverse("provider_review:all"), {"districts": catalog.qufu.pk}
    ).content.decode()
    assert in_qufu.legal_name_zh in filtered and certified.legal_name_zh not in filtered


def test_reviewers_see_the_providers_menu_and_editors_do_not(client, catalog, reviewer, editor):
    client.force_login(reviewer)
    assert reverse("provider_review:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert reverse("provider_review:index") not in client.get(reverse("wagtailadmin_home")).content.decode()


# Decisions -------------------------------------------------------------------------------------------------


def test_approve_certifies_and_records_the_reviewer(reviewer_client, reviewer, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    response = act(reviewer_client, provider, "approve")
    assert response.status_code == 302 and response["Location"] == detail_url(provider)
    assert [level for level, _text in message_list(response)] == [messages.SUCCESS]
    provider.refresh_from_db()
    assert provider.status == Status.CERTIFIED and provider.certified_at
    event = ProviderEvent.objects.filter(provider=provider).first()
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "approve",
        reviewer,
        Status.APPLIED,
        Status.CERTIFIED,
    )


def test_start_review_moves_an_application_under_review(reviewer_client, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    act(reviewer_client, provider, "start_review")
    provider.refresh_from_db()
    assert provider.status == Status.UNDER_REVIEW


def test_reject_without_a_reason_is_an_error_and_changes_nothing(reviewer_client, catalog):
    provider = make_provider(status=Status.UNDER_REVIEW, categories=[catalog.housekeeping])
    events_before = provider.events.count()
    response = act(reviewer_client, provider, "reject", reason="   ")
    assert response.status_code == 302 and response["Location"] == detail_url(provider)
    assert [level for level, _text in message_list(response)] == [messages.ERROR]
    provider.refresh_from_db()
    assert provider.status == Status.UNDER_REVIEW
    assert provider.events.count() == events_before


def test_request_more_stores_the_reason(reviewer_client, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    act(reviewer_client, provider, "request_more", reason="营业执照照片不清晰，请重新上传")
    provider.refresh_from_db()
    assert provider.status == Status.MORE_INFO
    assert provider.status_reason == "营业执照照片不清晰，请重新上传"
    assert provider.events.first().reason == "营业执照照片不清晰，请重新上传"


def test_quality_actions_follow_the_life_cycle(reviewer_client, reviewer, catalog):
    provider = make_provider(status=Status.CERTIFIED, categories=[catalog.housekeeping])
    for action, expected in [
        ("warn", Status.WARNED),
        ("clear_warning", Status.CERTIFIED),
        ("warn", Status.WARNED),
        ("suspend", Status.SUSPENDED),
        ("reinstate", Status.CERTIFIED),
        ("revoke", Status.REVOKED),
    ]:
        response = act(reviewer_client, provider, action, reason=f"质量原因 {action}")
        assert [level for level, _text in message_list(response)] == [messages.SUCCESS], action
        assert (
            reviewer_client.get(detail_url(provider)).status_code == 200
        )  # shows, and so clears, the message
        provider.refresh_from_db()
        assert provider.status == expected, action
        assert provider.events.first().actor == reviewer


def test_an_action_not_allowed_in_the_status_is_refused_with_a_message(reviewer_client, catalog):
    provider = make_provider(status=Status.CERTIFIED, categories=[catalog.housekeeping])
    response = act(reviewer_client, provider, "reinstate", reason="无")
    assert response.status_code == 302
    assert [level for level, _text in message_list(response)] == [messages.ERROR]
    provider.refresh_from_db()
    assert provider.status == Status.CERTIFIED


def test_approving_with_expired_papers_is_refused(reviewer_client, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    provider.documents.update(expires_on=timezone.localdate() - timedelta(days=1))
    services.refresh_papers(provider)
    response = act(reviewer_client, provider, "approve")
    assert [level for level, _text in message_list(response)] == [messages.ERROR]
    provider.refresh_from_db()
    assert provider.status == Status.APPLIED


def test_unknown_actions_and_gets_change_nothing(reviewer_client, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    for action in ("submit", "delete"):
        url = reverse("provider_review:action", args=[provider.pk, action])
        assert reviewer_client.post(url, {"reason": "x"}, follow=True).status_code == 404
    response = reviewer_client.get(reverse("provider_review:action", args=[provider.pk, "approve"]))
    assert response.status_code == 302 and response["Location"] == detail_url(provider)
    provider.refresh_from_db()
    assert provider.status == Status.APPLIED


# The provider's page ---------------------------------------------------------------------------------------


def test_the_review_page_shows_the_provider_and_logs_the_phone_read(reviewer_client, reviewer, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    staff = provider.staff.get()
    response = reviewer_client.get(detail_url(provider))
    assert response.status_code == 200
    content = response.content.decode()
    assert provider.contact_phone in content  # the reviewer's role needs the full number
    assert staff.masked_id_number in content and staff.id_number not in content
    assert staff.masked_phone in content and staff.phone not in content
    assert "家政保洁" in content
    access = PersonalDataAccess.objects.get()
    assert access.actor == reviewer and access.subject == provider and access.fields == "contact_phone"


def test_the_review_page_offers_only_the_actions_of_the_status(reviewer_client, catalog):
    applied = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    content = reviewer_client.get(detail_url(applied)).content.decode()
    for action in ["start_review", "approve", "request_more", "reject"]:
        assert reverse("provider_review:action", args=[applied.pk, action]) in content
    for action in ["warn", "clear_warning", "suspend", "reinstate", "revoke"]:
        assert reverse("provider_review:action", args=[applied.pk, action]) not in content


def test_the_history_is_newest_first_in_beijing_time(reviewer_client, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    act(reviewer_client, provider, "request_more", reason="第一次：请补充健康证")
    services.submit_application(provider, actor=provider.admin_user)
    act(reviewer_client, provider, "reject", reason="第二次：资质不符")
    content = reviewer_client.get(detail_url(provider)).content.decode()
    assert content.index("第二次：资质不符") < content.index("第一次：请补充健康证")
    newest = provider.events.first().created_at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert newest.strftime("%Y-%m-%d %H:%M") in content


def test_a_reviewer_records_a_background_check(reviewer_client, reviewer, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    pending = make_staff(provider, name="李阿姨", passed=False)
    assert pending.status == Staff.Status.PENDING
    checked_on = timezone.localdate() - timedelta(days=2)
    response = reviewer_client.post(
        reverse("provider_review:background_check", args=[provider.pk, pending.pk]),
        {"background_check": "passed", "background_checked_on": checked_on.isoformat()},
    )
    assert response.status_code == 302 and response["Location"] == detail_url(provider)
    assert [level for level, _text in message_list(response)] == [messages.SUCCESS]
    pending.refresh_from_db()
    assert pending.background_check == Staff.BackgroundCheck.PASSED
    assert pending.background_checked_on == checked_on
    assert pending.status == Staff.Status.ACTIVE
    assert provider.events.first().actor == reviewer


def test_a_background_check_in_the_future_or_of_another_provider_is_refused(reviewer_client, catalog):
    provider = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    other = make_provider(status=Status.APPLIED, categories=[catalog.housekeeping])
    staff = provider.staff.get()
    url = reverse("provider_review:background_check", args=[provider.pk, staff.pk])
    response = reviewer_client.post(
        url,
        {
            "background_check": "failed",
            "background_checked_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
    )
    assert [level for level, _text in message_list(response)] == [messages.ERROR]
    staff.refresh_from_db()
    assert staff.background_check == Staff.BackgroundCheck.PASSED
    wrong = reverse("provider_review:background_check", args=[other.pk, staff.pk])
    data = {"background_check": "failed", "background_checked_on": "2026-01-01"}
    assert reviewer_client.post(wrong, data, follow=True).status_code == 404
    staff.refresh_from_db()
    assert staff.background_check == Staff.BackgroundCheck.PASSED


# Expiring papers -------------------------------------------------------------------------------------------


def test_expiring_papers_lists_what_expires_within_30_days(reviewer_client, catalog):
    soon = make_provider(
        categories=[catalog.housekeeping], papers_expire_on=timezone.localdate() + timedelta(days=10)
    )
    later = make_provider(
        categories=[catalog.housekeeping], papers_expire_on=timezone.localdate() + timedelta(days=90)
    )
    health = Qualification.objects.get(code="health_certificate")
    expired_staff = later.staff.get()
    # Recorded while valid; it has expired since (the service refuses recording an expired one).
    StaffCertificate.objects.create(
        staff=expired_staff, qualification=health, expires_on=timezone.localdate() - timedelta(days=3)
    )
    response = reviewer_client.get(reverse("provider_review:expiring"))
    assert response.status_code == 200
    content = response.content.decode()
    assert soon.legal_name_zh in content and ">10<" in content.replace(" ", "").replace("\n", "")
    assert expired_staff.real_name in content and "-3" in content and "w-text-critical-200" in content
    papers_section = content.split("w-mt-8")[0]
    assert later.legal_name_zh not in papers_section


# Access ----------------------------------------------------------------------------------------------------


def _state(provider):
    staff = provider.staff.get()
    return (
        Provider.objects.get(pk=provider.pk).status,
        ProviderEvent.objects.count(),
        PersonalDataAccess.objects.count(),
        Staff.objects.get(pk=staff.pk).background_check,
    )


@pytest.mark.parametrize("who", ["provider admin", "editor", "anonymous"])
def test_non_reviewers_are_refused_everywhere(client, catalog, editor, who):
    provider = make_provider(status=Status.UNDER_REVIEW, categories=[catalog.housekeeping])
    if who == "provider admin":
        client.force_login(provider.admin_user)
    elif who == "editor":
        client.force_login(editor)
    before = _state(provider)
    for name, build in REVIEW_URLS:
        target = build(provider)
        for method in ("get", "post"):
            data = {"reason": "x", "background_check": "failed", "background_checked_on": "2026-01-01"}
            response = getattr(client, method)(target, data if method == "post" else None)
            refused = response.status_code == 403 or (
                response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]
            )
            assert refused, (who, name, method, response.status_code)
            if who == "editor":
                assert response.status_code == 403, (name, method)
    assert _state(provider) == before


# Queries ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name", ["provider_review:index", "provider_review:all", "provider_review:expiring"]
)
def test_listings_keep_a_fixed_number_of_queries(
    reviewer_client, catalog, django_assert_max_num_queries, url_name
):
    health = Qualification.objects.get(code="health_certificate")

    def add(count):
        for _n in range(count):
            provider = make_provider(
                status=Status.APPLIED,
                categories=[catalog.housekeeping],
                papers_expire_on=timezone.localdate() + timedelta(days=5),
            )
            staff = provider.staff.get()
            StaffCertificate.objects.create(
                staff=staff, qualification=health, expires_on=timezone.localdate() - timedelta(days=1)
            )

    add(2)
    target = reverse(url_name)
    reviewer_client.get(target)  # warm up session, profile and content-type caches
    with CaptureQueriesContext(connection) as small:
        assert reviewer_client.get(target).status_code == 200
    add(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = reviewer_client.get(target)
    assert response.status_code == 200
    assert Provider.objects.order_by("-pk").first().legal_name_zh in response.content.decode()
