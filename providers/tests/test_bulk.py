"""Bulk import and export of providers and staff in the Wagtail admin (reviewers only)."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts.models import PersonalDataAccess, phone_digest
from accounts.validators import id_check_character
from providers.admin_bulk import SESSION_KEY, UPLOAD_FOLDER
from providers.models import Provider, ProviderEvent, Staff
from providers.permissions import REVIEWERS_GROUP
from providers.resources import ProviderResource, StaffResource, load_import_file, run_import
from providers.tests.factories import make_applicant, make_provider, unique_phone, valid_id_number, valid_uscc

pytestmark = pytest.mark.django_db

BULK_URLS = [
    ("index", reverse("providers_bulk:index")),
    *[
        (f"{kind}_{name}", reverse(f"providers_bulk:{name}", args=[kind]))
        for kind in ("providers", "staff")
        for name in ("import", "confirm", "template")
    ],
    *[
        (f"{kind}_export_{fmt}", reverse("providers_bulk:export", args=[kind, fmt]))
        for kind in ("providers", "staff")
        for fmt in ("xlsx", "csv")
    ],
]

PROVIDER_HEADER = list(ProviderResource.import_columns)
STAFF_HEADER = list(StaffResource.import_columns)


# Helpers ------------------------------------------------------------------------------------------------------


def provider_row(seed, **overrides):
    row = {
        "uscc": valid_uscc(seed),
        "legal_name_zh": f"济宁批量家政有限公司{seed}",
        "legal_name_en": f"Jining Bulk Home Services {seed}",
        "kind": "company",
        "legal_representative": "李明",
        "contact_name": "张经理",
        "contact_phone": unique_phone(),
        "registered_address": "济宁市任城区太白楼中路 1 号",
        "categories": "housekeeping,appliance-repair",
        "districts": "370811,370881",
    }
    row.update(overrides)
    return row


def staff_row(provider, **overrides):
    row = {
        "provider_uscc": provider.uscc,
        "real_name": "李阿姨",
        "id_number": valid_id_number(),
        "phone": unique_phone(),
        "skills": "housekeeping",
        "districts": "370811",
        "background_check": "passed",
        "background_checked_on": "2025-01-15",
    }
    row.update(overrides)
    return row


def csv_file(rows, header, encoding="utf-8", name="data.csv"):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(key, "") for key in header])
    content = text.getvalue().encode(encoding)
    return ContentFile(content, name=name)


def xlsx_file(rows, header, name="data.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(key, "") for key in header])
    output = io.BytesIO()
    book.save(output)
    return ContentFile(output.getvalue(), name=name)


def id_with_body(body):
    return body + id_check_character(body)


@pytest.fixture
def reviewer(db):
    user = make_applicant(name="审核员")
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def editor(db):
    user = make_applicant(name="编辑")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def upload(client, kind, file):
    return client.post(reverse("providers_bulk:import", args=[kind]), {"file": file})


def confirm(client, kind, token):
    return client.post(reverse("providers_bulk:confirm", args=[kind]), {"token": token})


def errors_of(response):
    """(row, column) of every row-level error shown."""
    return [(error.row, error.column) for error in response.context["report"].errors]


# Providers ----------------------------------------------------------------------------------------------------


def test_valid_csv_is_previewed_then_imported_on_confirm(reviewer_client, catalog):
    rows = [provider_row(seed) for seed in (900001, 900002, 900003)]
    response = upload(reviewer_client, "providers", csv_file(rows, PROVIDER_HEADER))
    assert response.status_code == 200
    report = response.context["report"]
    assert report.ok and report.new == 3
    content = response.content.decode()
    for row in rows:
        assert row["legal_name_zh"] in content
    assert "Confirm import" in content
    assert Provider.objects.count() == 0, "a dry run writes nothing"
    token = response.context["token"]
    assert storages["private"].exists(f"{UPLOAD_FOLDER}/{token}")

    response = confirm(reviewer_client, "providers", token)
    assert response.status_code == 302 and response.url == reverse("providers_bulk:index")
    imported = Provider.objects.filter(uscc__in=[row["uscc"] for row in rows])
    assert imported.count() == 3
    assert set(imported.values_list("status", flat=True)) == {Provider.Status.DRAFT}
    provider = imported.get(uscc=rows[0]["uscc"])
    assert provider.contact_phone == rows[0]["contact_phone"]
    assert {c.slug for c in provider.categories.all()} == {"housekeeping", "appliance-repair"}
    assert {d.code for d in provider.districts.all()} == {"370811", "370881"}
    assert ProviderEvent.objects.filter(provider=provider, action="imported").exists()
    assert not storages["private"].exists(f"{UPLOAD_FOLDER}/{token}"), (
        "the kept file is deleted after confirming"
    )
    assert confirm(reviewer_client, "providers", token).status_code == 400, "a token works once"


def test_xlsx_file_imports_too(reviewer_client, catalog):
    rows = [
        provider_row(seed, districts=370811, contact_phone=int(unique_phone())) for seed in (900011, 900012)
    ]
    response = upload(reviewer_client, "providers", xlsx_file(rows, PROVIDER_HEADER))
    assert response.context["report"].ok, response.context["report"].errors
    confirm(reviewer_client, "providers", response.context["token"])
    assert Provider.objects.filter(uscc__in=[row["uscc"] for row in rows], status="draft").count() == 2


def test_gbk_csv_from_chinese_excel_is_decoded(reviewer_client, catalog):
    rows = [provider_row(900021, legal_name_zh="济宁市任城区好帮手家政服务部", kind="个体工商户")]
    response = upload(reviewer_client, "providers", csv_file(rows, PROVIDER_HEADER, encoding="gbk"))
    report = response.context["report"]
    assert report.ok, report.errors
    assert "济宁市任城区好帮手家政服务部" in response.content.decode()
    confirm(reviewer_client, "providers", response.context["token"])
    provider = Provider.objects.get(uscc=rows[0]["uscc"])
    assert provider.legal_name_zh == "济宁市任城区好帮手家政服务部"
    assert provider.kind == Provider.Kind.INDIVIDUAL


@pytest.mark.parametrize(
    ("bad", "column"),
    [
        ({"uscc": "91370800MA00000019"}, "uscc"),
        ({"districts": "370811,999999"}, "districts"),
        ({"categories": "housekeeping,space-travel"}, "categories"),
        ({"contact_phone": "12345"}, "contact_phone"),
        ({"legal_name_zh": ""}, "legal_name_zh"),
        ({"uscc": "DUPLICATE"}, "uscc"),
    ],
)
def test_a_bad_row_is_shown_with_its_row_number_and_nothing_is_imported(
    reviewer_client, catalog, bad, column
):
    rows = [provider_row(seed) for seed in (900031, 900032, 900033)]
    if bad.get("uscc") == "DUPLICATE":
        bad = {"uscc": rows[0]["uscc"]}
    rows[1].update(bad)
    response = upload(reviewer_client, "providers", csv_file(rows, PROVIDER_HEADER))
    assert response.status_code == 200
    # The header is row 1, so the second data row is row 3 of the sheet.
    assert errors_of(response) == [(3, column)]
    content = response.content.decode()
    assert "Confirm import" not in content and response.context["token"] is None
    assert "Nothing was imported" in content
    assert Provider.objects.count() == 0


def test_duplicate_code_names_the_first_row(catalog):
    rows = [provider_row(900041), provider_row(900042), provider_row(900041)]
    imported = load_import_file(csv_file(rows, PROVIDER_HEADER).read(), ProviderResource)
    report = run_import(ProviderResource(), imported, dry_run=False)
    assert [(e.row, e.column) for e in report.errors] == [(4, "uscc")]
    assert "第 2 行" in report.errors[0].message
    assert Provider.objects.count() == 0, "nothing is imported when any row fails, even without a dry run"


def test_forged_confirm_is_validated_again(reviewer_client, catalog):
    rows = [provider_row(seed) for seed in (900051, 900052, 900053)]
    response = upload(reviewer_client, "providers", csv_file(rows, PROVIDER_HEADER))
    token = response.context["token"]
    # The kept file is replaced by one with a bad district before confirming.
    rows[2]["districts"] = "999999"
    storage = storages["private"]
    storage.delete(f"{UPLOAD_FOLDER}/{token}")
    storage.save(f"{UPLOAD_FOLDER}/{token}", csv_file(rows, PROVIDER_HEADER))
    response = confirm(reviewer_client, "providers", token)
    assert response.status_code == 200
    assert errors_of(response) == [(4, "districts")]
    assert Provider.objects.count() == 0


@pytest.mark.parametrize(
    "token",
    ["../../settings", "providers-../../../portal/settings.py", "providers-" + "0" * 32 + ".csv", ""],
)
def test_confirm_rejects_tokens_it_did_not_issue(reviewer_client, catalog, token):
    response = confirm(reviewer_client, "providers", token)
    assert response.status_code == 400
    assert Provider.objects.count() == 0


def test_token_of_one_kind_cannot_confirm_the_other(reviewer_client, catalog):
    response = upload(reviewer_client, "providers", csv_file([provider_row(900061)], PROVIDER_HEADER))
    assert confirm(reviewer_client, "staff", response.context["token"]).status_code == 400
    assert response.context["token"] in reviewer_client.session[SESSION_KEY]


def test_import_updates_a_draft_by_code_and_never_changes_status(reviewer_client, catalog):
    provider = make_provider(
        status=Provider.Status.DRAFT, categories=[catalog.housekeeping], with_staff=False
    )
    row = provider_row(
        0, uscc=provider.uscc.lower(), legal_name_zh="济宁新名称家政有限公司", status="certified"
    )
    header = [*PROVIDER_HEADER, "status"]
    response = upload(reviewer_client, "providers", csv_file([row], header))
    report = response.context["report"]
    assert report.ok and report.updated == 1 and report.new == 0
    confirm(reviewer_client, "providers", response.context["token"])
    provider.refresh_from_db()
    assert provider.legal_name_zh == "济宁新名称家政有限公司"
    assert provider.status == Provider.Status.DRAFT


def test_import_cannot_change_a_certified_provider(reviewer_client, catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    row = provider_row(0, uscc=provider.uscc, legal_name_zh="改名")
    response = upload(reviewer_client, "providers", csv_file([row], PROVIDER_HEADER))
    assert errors_of(response) == [(2, "uscc")]
    provider.refresh_from_db()
    assert provider.legal_name_zh != "改名"


def test_chinese_and_decorated_headers_are_understood(catalog):
    row = provider_row(900071)
    header = ["统一社会信用代码 (uscc)", *PROVIDER_HEADER[1:]]
    imported = load_import_file(csv_file([row], header).read(), ProviderResource)
    assert imported.dataset.headers[0] == "uscc"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\n\n  \n", "empty"),
        ("header-only.csv", ",".join(PROVIDER_HEADER).encode(), "no data rows"),
        ("wrong.csv", b"name,phone\n\xe5\xbc\xa0,13800000000\n", "lacks these columns"),
        ("paper.pdf", b"%PDF-1.4 not a spreadsheet", "XLSX"),
        ("paper.csv", b"%PDF-1.4\x00\x01\x02binary", "not a spreadsheet"),
        ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        ("broken.xlsx", b"PK\x03\x04 this is not really a zip", "could not be read"),
        ("latin.csv", b"uscc\n\xff\xfe\xfd\x80\x80", "UTF-8"),
    ],
)
def test_bad_files_get_a_message_not_a_server_error(reviewer_client, catalog, name, content, message):
    response = upload(reviewer_client, "providers", ContentFile(content, name=name))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Provider.objects.count() == 0


def test_files_over_5_mb_are_refused(reviewer_client, catalog):
    big = ContentFile(b"uscc\n" + b"x" * (5 * 1024 * 1024), name="big.csv")
    response = upload(reviewer_client, "providers", big)
    assert response.status_code == 200
    assert "larger than 5 MB" in response.content.decode()


def test_template_has_the_header_and_an_example_row_that_passes(reviewer_client, catalog):
    for kind, header in (("providers", PROVIDER_HEADER), ("staff", STAFF_HEADER)):
        response = reviewer_client.get(reverse("providers_bulk:template", args=[kind]))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == header
        assert len(rows) == 2
    template = reviewer_client.get(reverse("providers_bulk:template", args=["providers"])).content
    report = run_import(ProviderResource(), load_import_file(template, ProviderResource), dry_run=True)
    assert report.ok, report.errors


def test_provider_export_has_full_phones_and_is_logged(reviewer_client, reviewer, catalog):
    provider = make_provider(categories=[catalog.housekeeping])
    response = reviewer_client.get(reverse("providers_bulk:export", args=["providers", "xlsx"]))
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == list(ProviderResource.columns)
    exported = dict(zip(rows[0], rows[1], strict=True))
    assert exported["uscc"] == provider.uscc
    assert exported["contact_phone"] == provider.contact_phone
    assert exported["categories"] == "housekeeping"
    assert exported["status"] == "certified"
    access = PersonalDataAccess.objects.get()
    assert access.actor == reviewer and access.subject == reviewer
    assert access.fields == "contact_phone" and access.purpose == "provider export (1 rows)"


def test_exported_formula_like_text_is_made_inert(reviewer_client, catalog):
    make_provider(categories=[catalog.housekeeping], name='=HYPERLINK("http://evil")')
    response = reviewer_client.get(reverse("providers_bulk:export", args=["providers", "csv"]))
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


# Staff --------------------------------------------------------------------------------------------------------


@pytest.fixture
def provider(catalog):
    return make_provider(categories=[catalog.housekeeping], districts=[catalog.rencheng])


@pytest.mark.parametrize(
    ("bad", "column"),
    [
        ({"id_number": "370811198506150010"}, "id_number"),  # wrong check character
        ({"id_number": id_with_body("37081119990231001")}, "id_number"),  # 31 February
        ({"id_number": "EXISTING"}, "id_number"),
        ({"id_number": "REPEATED"}, "id_number"),
        ({"skills": "culture"}, "skills"),
        ({"districts": "370881"}, "districts"),
        ({"provider_uscc": "91370800MA99999999"}, "provider_uscc"),
        ({"phone": "1380000"}, "phone"),
        ({"phone": "EXISTING"}, "phone"),
        ({"background_checked_on": "2025-13-45"}, "background_checked_on"),
        ({"real_name": "王" * 51}, "real_name"),
        ({"background_check": "maybe"}, "background_check"),
    ],
)
def test_staff_row_errors_import_nothing(reviewer_client, provider, bad, column):
    existing = provider.staff.get()
    rows = [staff_row(provider) for _ in range(3)]
    if bad.get("id_number") == "EXISTING":
        bad = {"id_number": existing.id_number}
    if bad.get("id_number") == "REPEATED":
        bad = {"id_number": rows[0]["id_number"].lower()}
    if bad.get("phone") == "EXISTING":
        bad = {"phone": existing.user.phone}
    rows[1].update(bad)
    response = upload(reviewer_client, "staff", csv_file(rows, STAFF_HEADER))
    assert response.status_code == 200
    assert errors_of(response) == [(3, column)]
    assert response.context["token"] is None
    assert Staff.objects.count() == 1


def test_birth_date_error_says_so(catalog, provider):
    row = staff_row(provider, id_number=id_with_body("37081119990231001"))
    imported = load_import_file(csv_file([row], STAFF_HEADER).read(), StaffResource)
    report = run_import(StaffResource(), imported, dry_run=False)
    assert [e.column for e in report.errors] == ["id_number"]
    assert "birth date" in report.errors[0].message or "出生" in report.errors[0].message
    assert Staff.objects.count() == 1


def test_valid_staff_import_creates_staff_through_the_service(reviewer_client, reviewer, provider):
    rows = [staff_row(provider), staff_row(provider, background_check="", background_checked_on="")]
    response = upload(reviewer_client, "staff", csv_file(rows, STAFF_HEADER))
    report = response.context["report"]
    assert report.ok and report.new == 2, report.errors
    assert Staff.objects.count() == 1, "a dry run writes nothing"
    content = response.content.decode()
    assert rows[0]["id_number"] not in content, "the preview masks ID numbers"

    response = confirm(reviewer_client, "staff", response.context["token"])
    assert response.status_code == 302
    staff = Staff.objects.get(user__phone_digest=phone_digest(rows[0]["phone"]))
    assert staff.status == Staff.Status.ACTIVE
    assert staff.provider == provider
    assert staff.id_number == rows[0]["id_number"]
    assert staff.user.phone == rows[0]["phone"]
    assert staff.user.has_perm("providers.act_as_staff", staff)
    assert {c.slug for c in staff.skills.all()} == {"housekeeping"}
    assert staff.background_checked_on == date(2025, 1, 15)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id_number FROM {Staff._meta.db_table} WHERE id = %s", [staff.pk])
        stored = cursor.fetchone()[0]
    assert rows[0]["id_number"] not in stored, "the ID number is encrypted at rest"
    pending = Staff.objects.get(user__phone_digest=phone_digest(rows[1]["phone"]))
    assert pending.status == Staff.Status.PENDING
    assert pending.background_check == Staff.BackgroundCheck.PENDING
    assert ProviderEvent.objects.filter(provider=provider, action="staff_added", actor=reviewer).count() == 2


def test_staff_export_masks_ids_and_phones(reviewer_client, provider):
    staff = provider.staff.get()
    for fmt in ("csv", "xlsx"):
        response = reviewer_client.get(reverse("providers_bulk:export", args=["staff", fmt]))
        assert response.status_code == 200
        if fmt == "csv":
            text = response.content.decode("utf-8-sig")
        else:
            rows = load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True)
            text = "\n".join(",".join(str(v or "") for v in row) for row in rows)
        assert staff.masked_id_number in text and staff.id_number not in text
        assert staff.masked_phone in text and staff.user.phone not in text
        assert provider.uscc in text


# Permissions --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "url"), BULK_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_editors_get_403_everywhere(client, editor, catalog, name, url, method):
    client.force_login(editor)
    response = getattr(client, method)(url, {"token": "providers-" + "0" * 32 + ".csv"})
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "url"), BULK_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_provider_admins_are_kept_out(client, catalog, name, url, method):
    provider = make_provider(categories=[catalog.housekeeping])
    client.force_login(provider.admin_user)
    response = getattr(client, method)(url)
    # Without Wagtail admin access at all, Wagtail itself answers first: a redirect to the admin login.
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith(reverse("wagtailadmin_login"))
    assert PersonalDataAccess.objects.count() == 0


def test_reviewers_see_the_menu_item_and_editors_do_not(client, reviewer, editor, catalog):
    client.force_login(reviewer)
    index = reverse("providers_bulk:index")
    assert index in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(index).status_code == 200
    client.force_login(editor)
    assert index not in client.get(reverse("wagtailadmin_home")).content.decode()
