"""An editor edits a Chinese service page, sends it through moderation, translates it and publishes."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.models import ServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="shangmen-demo", is_staff=False)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", password="shangmen-demo")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def service_form(page, **changes):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "price": str(page.price),
        "price_unit": page.price_unit,
        "duration_minutes": page.duration_minutes,
        "travel_buffer_minutes": page.travel_buffer_minutes,
        "body": streamfield([]),
        "gallery": streamfield([]),
        "faq": streamfield([]),
        "cancellation_policy": page.cancellation_policy,
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    fields.update(changes)
    data = nested_form_data(fields)
    data["districts"] = [d.pk for d in page.districts.all()]
    data["qualifications"] = [q.pk for q in page.qualifications.all()]
    return data


def test_editor_submits_a_change_that_a_moderator_approves(client, catalog, editor, moderator):
    page = catalog.aircon
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit_url).status_code == 200

    data = service_form(page, title="空调深度清洗", price="168.00")
    data["action-submit"] = "Submit to Moderators approval"
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors

    page.refresh_from_db()
    assert page.title == "空调清洗", "a submitted change is not live before approval"
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"

    client.force_login(moderator)
    task_state = state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(approve_url, {"comment": "可以发布"}).status_code in (200, 302)

    published = ServicePage.objects.get(pk=page.pk)
    assert published.title == "空调深度清洗"
    assert published.price == Decimal("168.00")
    assert published.live and not published.has_unpublished_changes
    assert client.get(published.url).status_code == 200


def test_admin_translates_a_page_to_english_and_publishes_it(
    client, catalog, admin_user, django_capture_on_commit_callbacks
):
    page = catalog.aircon
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [catalog.en.pk]}
        )
    assert response.status_code == 302
    english = page.get_translation(catalog.en)

    source = TranslationSource.objects.get_for_instance(page)
    translation = Translation.objects.get(source=source, target_locale=catalog.en)
    english_text = {
        "空调清洗": "Air-conditioner cleaning",
        "挂机拆洗消毒。": "Wall unit taken apart, washed, sanitised.",
    }
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in english_text:
            url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
            response = client.put(
                url, f"value={english_text[segment.string.data]}", "application/x-www-form-urlencoded"
            )
            assert response.status_code in (200, 201)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
    assert response.status_code == 302

    english = Page.objects.get(pk=english.pk).specific
    assert english.live
    assert english.title == "Air-conditioner cleaning"
    assert english.url == "/en/appliance-repair/aircon-cleaning/"
    assert "Wall unit taken apart" in client.get(english.url).content.decode()
    assert list(english.districts.all()) == [catalog.qufu], "districts follow the source page"


def test_editors_manage_districts_as_snippets(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsnippets_cms_district:list"))
    assert response.status_code == 200
    assert "任城区" in response.content.decode()
