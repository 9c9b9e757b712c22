import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from providers.models import Certificate, Provider
from providers.permissions import REVIEWERS_GROUP
from providers.tests.factories import PDF_BYTES, valid_id_number, valid_uscc

# serialized_rollback restores the rows migrations created (root page, locales, districts, groups) that the
# flush after each transactional test removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, base, phone, password):
    page.goto(f"{base}/zh-hans/accounts/login/")
    page.fill("#id_username", phone)
    page.fill("#id_password", password)
    page.click("button.primary")


def test_apply_get_certified_add_hours_and_download_a_verified_certificate(
    live_server, catalog, browser, tmp_path, django_user_model
):
    reviewer = django_user_model.objects.create_user("shenhe", password="reviewer-pass-2026", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    licence = tmp_path / "licence.pdf"
    licence.write_bytes(PDF_BYTES)
    base = live_server.url
    page = browser.new_page(locale="zh-CN")

    page.goto(f"{base}/zh-hans/provider/apply/")
    page.fill("#id_company-legal_name_zh", "济宁太白楼家政服务有限公司")
    page.fill("#id_company-uscc", valid_uscc(777))
    page.fill("#id_company-legal_representative", "李白")
    page.fill("#id_company-contact_name", "杜甫")
    page.fill("#id_company-contact_phone", "13800000077")
    page.fill("#id_company-registered_address", "济宁市任城区太白楼路 1 号")
    page.get_by_label("家政保洁").check()
    page.get_by_label("任城区").check()
    page.fill("#id_applicant-applicant_name", "杜甫")
    page.fill("#id_applicant-applicant_phone", "13800000077")
    page.fill("#id_applicant-password", "taibai-lou-2026")
    page.fill("#id_applicant-password_again", "taibai-lou-2026")
    page.click("button.primary")
    expect(page.locator("h1")).to_have_text("证照")

    for kind in ("business_licence", "housekeeping_permit"):
        page.select_option("#id_kind", kind)
        page.set_input_files("#id_file", str(licence))
        page.click("form[enctype] button.primary")
        expect(page.locator(".messages")).to_contain_text("证照已上传")

    page.click("text=下一步：添加首位服务人员")
    page.fill("#id_real_name", "王喆")
    page.fill("#id_id_number", valid_id_number(77))
    page.fill("#id_phone", "13800000078")
    page.fill("#id_password", "wangzhe-2026!")
    page.get_by_label("家政保洁").check()
    page.get_by_label("任城区").check()
    page.select_option("#id_background_check", "passed")
    page.fill("#id_background_checked_on", timezone.localdate().isoformat())
    page.click("button.primary")
    page.fill("#id_start_0", "08:00")
    page.fill("#id_end_0", "17:00")
    page.click("button[name=save_hours]")
    expect(page.locator(".messages")).to_contain_text("排班已保存")

    page.click(".subnav >> text=概览")
    page.click("text=提交审核")
    expect(page.locator(".messages")).to_contain_text("已提交")
    provider = Provider.objects.get(uscc=valid_uscc(777))
    assert provider.status == Provider.Status.APPLIED

    reviewer_page = browser.new_page(locale="zh-CN")
    reviewer_page.goto(f"{base}/admin/login/")
    reviewer_page.fill("#id_username", "shenhe")
    reviewer_page.fill("#id_password", "reviewer-pass-2026")
    reviewer_page.click("button[type=submit]")
    reviewer_page.goto(f"{base}/admin/providers/review/")
    reviewer_page.click("text=济宁太白楼家政服务有限公司")
    reviewer_page.get_by_role("button", name=re.compile("批准|Approve")).click()
    expect(reviewer_page.locator("body")).to_contain_text(re.compile("已认证|Certified"))
    provider.refresh_from_db()
    assert provider.status == Provider.Status.CERTIFIED

    page.goto(f"{base}/zh-hans/provider/{provider.pk}/certificates/")
    page.click("text=签发企业证书")
    page.select_option("#issue-staff", label="王喆")
    page.click("form.inline:has(#issue-staff) button")
    expect(page.locator("table")).to_contain_text("王喆")

    staff_number = Certificate.objects.get(provider=provider, kind="staff").number
    with page.expect_download() as download_info:
        page.click(f"a[href$='{staff_number}.pdf']")
    pdf_path = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")

    page.goto(f"{base}/verify/{staff_number}/")
    expect(page.locator(".verdict")).to_have_text(re.compile("有效"))
    page.close()
    reviewer_page.close()
