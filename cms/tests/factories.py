"""Factories for catalog pages. Pages are created in the tree through ``add_child`` and go live."""

from decimal import Decimal

import factory
from wagtail.models import Locale, Page, Site

from cms.models import (
    City,
    CulturalExperiencePage,
    District,
    HomePage,
    Qualification,
    ServiceCategoryPage,
    ServicePage,
    StandardPage,
)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"页面 {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        m2m = {name: kwargs.pop(name) for name in ("districts", "qualifications") if name in kwargs}
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        for name, values in m2m.items():
            getattr(page, name).set(values)
        if m2m:
            page.save()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "济宁上门"
    slug = "home"
    hero_heading = "服务上门，安心到家"


class ServiceCategoryPageFactory(PageFactory):
    class Meta:
        model = ServiceCategoryPage

    intro = "专业人员上门服务。"
    cancellation_policy = "服务开始前 2 小时以上可免费取消。"


class ServicePageFactory(PageFactory):
    class Meta:
        model = ServicePage

    summary = "上门服务。"
    price = Decimal("100.00")
    price_unit = ServicePage.PriceUnit.VISIT
    duration_minutes = 120


class CulturalExperiencePageFactory(ServicePageFactory):
    class Meta:
        model = CulturalExperiencePage

    theme = CulturalExperiencePage.Theme.CONFUCIUS
    host = "曲阜文化讲师"
    group_size_min = 1
    group_size_max = 8


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


def jining_district(code="370811"):
    """A Jining district; migrations seed them, but transactional tests may start from a flushed database."""
    city, _ = City.objects.get_or_create(
        code="370800", defaults={"name_zh": "济宁市", "name_en": "Jining", "is_launched": True}
    )
    names = {"370811": ("任城区", "Rencheng District"), "370881": ("曲阜市", "Qufu City")}
    name_zh, name_en = names.get(code, (f"区 {code}", f"District {code}"))
    district, _ = District.objects.get_or_create(
        code=code, defaults={"city": city, "name_zh": name_zh, "name_en": name_en}
    )
    return district


def translate_page(page, locale, **fields):
    """An English copy of ``page`` with the given field values, published like a finished translation."""
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def build_catalog():
    """A small bilingual catalog: the pages that the page, listing and search tests read."""
    zh, _ = Locale.objects.get_or_create(language_code="zh-hans")
    en, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    root.get_children().filter(slug="home").delete()
    rencheng, qufu = jining_district("370811"), jining_district("370881")
    health, _ = Qualification.objects.get_or_create(
        code="health_certificate", defaults={"name_zh": "健康证", "name_en": "Health certificate"}
    )

    home = HomePageFactory(parent=root, locale=zh)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    housekeeping = ServiceCategoryPageFactory(parent=home, locale=zh, title="家政保洁", slug="housekeeping")
    repair = ServiceCategoryPageFactory(parent=home, locale=zh, title="家电维修", slug="appliance-repair")
    culture = ServiceCategoryPageFactory(parent=home, locale=zh, title="文化体验", slug="culture")
    daily = ServicePageFactory(
        parent=housekeeping,
        locale=zh,
        title="日常保洁服务 2小时",
        slug="daily-cleaning",
        summary="擦拭、吸尘、厨卫清洁。",
        price=Decimal("120.00"),
        duration_minutes=120,
        districts=[rencheng, qufu],
        qualifications=[health],
    )
    deep = ServicePageFactory(
        parent=housekeeping,
        locale=zh,
        title="深度保洁 4小时",
        slug="deep-cleaning",
        summary="全屋深度清洁。",
        price=Decimal("360.00"),
        duration_minutes=240,
        districts=[rencheng],
    )
    aircon = ServicePageFactory(
        parent=repair,
        locale=zh,
        title="空调清洗",
        slug="aircon-cleaning",
        summary="挂机拆洗消毒。",
        price=Decimal("150.00"),
        price_unit=ServicePage.PriceUnit.VISIT,
        duration_minutes=90,
        districts=[qufu],
    )
    confucius = CulturalExperiencePageFactory(
        parent=culture,
        locale=zh,
        title="孔子文化讲解",
        slug="confucius-talk",
        summary="在家听《论语》故事。",
        price=Decimal("300.00"),
        duration_minutes=90,
        districts=[qufu],
    )
    privacy = StandardPageFactory(parent=home, locale=zh, title="隐私政策", slug="privacy-policy")

    en_home = translate_page(home, en, title="Shangmen Jining", hero_heading="Services at your door")
    en_housekeeping = translate_page(housekeeping, en, title="Housekeeping", intro="Cleaning at home.")
    en_repair = translate_page(repair, en, title="Appliance repair", intro="Repairs at home.")
    en_culture = translate_page(culture, en, title="Cultural experiences", intro="Culture at home.")
    en_daily = translate_page(
        daily, en, title="Daily home cleaning, 2 hours", summary="Dusting and vacuuming."
    )
    en_deep = translate_page(deep, en, title="Deep cleaning, 4 hours", summary="Whole-home deep clean.")
    en_confucius = translate_page(confucius, en, title="Confucius culture talk", summary="Analects stories.")
    return {
        "zh": zh,
        "en": en,
        "home": home,
        "housekeeping": housekeeping,
        "repair": repair,
        "culture": culture,
        "daily": daily,
        "deep": deep,
        "aircon": aircon,
        "confucius": confucius,
        "privacy": privacy,
        "en_home": en_home,
        "en_housekeeping": en_housekeeping,
        "en_repair": en_repair,
        "en_culture": en_culture,
        "en_daily": en_daily,
        "en_deep": en_deep,
        "en_confucius": en_confucius,
        "rencheng": rencheng,
        "qufu": qufu,
    }
