"""Loads the demo catalog: a fully translated Jining catalog with locally drawn images.

Called by the portal's ``load_demo`` command. Pages are written in Chinese and published through
revisions, then translated into English through wagtail-localize as an editor's translation would
be, so the admin's translation editor shows every segment as translated.
"""

from dataclasses import dataclass, field
from io import BytesIO
from uuid import uuid4

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from . import demo_content as content
from .demo_images import render_cover
from .models import (
    CulturalExperiencePage,
    District,
    HomePage,
    Qualification,
    ServiceCategoryPage,
    ServicePage,
    StandardPage,
)


class DemoCatalogError(RuntimeError):
    pass


@dataclass
class PageSpec:
    slug: str
    parent_slug: str | None
    page_class: type
    data: dict
    theme: str = "page"
    districts: list = field(default_factory=list)
    qualifications: list = field(default_factory=list)


def catalog_loaded() -> bool:
    return HomePage.objects.filter(locale__language_code="zh-hans").exists()


@transaction.atomic
def load_catalog(*, user) -> bool:
    """Create the demo catalog, in Chinese and English, unless a catalog exists; returns whether it did."""
    if catalog_loaded():
        return False
    zh = Locale.objects.get(language_code="zh-hans")
    en, _ = Locale.objects.get_or_create(language_code="en")
    specs = _page_specs()
    pages = _create_chinese_pages(specs, user=user, locale=zh)
    for spec in specs:
        _translate(pages[spec.slug], spec, user=user, en=en)
    return True


def _page_specs() -> list[PageSpec]:
    specs = [PageSpec("home", None, HomePage, content.HOME)]
    for category in content.CATEGORIES:
        specs.append(
            PageSpec(category["slug"], "home", ServiceCategoryPage, category, theme=category["slug"])
        )
        for service in category["services"]:
            specs.append(_service_spec(ServicePage, service, category["slug"], category["slug"]))
        if category["slug"] == "culture":
            for experience in content.CULTURAL_EXPERIENCES:
                specs.append(
                    _service_spec(CulturalExperiencePage, experience, "culture", experience["theme"])
                )
    specs.extend(PageSpec(page["slug"], "home", StandardPage, page) for page in content.STANDARD_PAGES)
    return specs


def _service_spec(page_class, data, parent_slug, theme):
    districts = content.JINING_DISTRICT_CODES if data["districts"] == "all" else data["districts"]
    return PageSpec(
        data["slug"], parent_slug, page_class, data, theme, list(districts), data["qualifications"]
    )


def _create_chinese_pages(specs, *, user, locale):
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a "Welcome" page (and a site pointing at it) with our home's slug.
    for placeholder in root.get_children().filter(slug="home", content_type__model="page"):
        placeholder.delete()
    qualifications = {
        q["code"]: Qualification.objects.update_or_create(
            code=q["code"], defaults={"name_zh": q["name"]["zh"], "name_en": q["name"]["en"]}
        )[0]
        for q in content.QUALIFICATIONS
    }
    districts = {d.code: d for d in District.objects.filter(code__in=content.JINING_DISTRICT_CODES)}
    pages = {None: root}
    for spec in specs:
        images = _images_for(spec)
        page = spec.page_class(slug=spec.slug, locale=locale, **_fields(spec, "zh", images))
        pages[spec.parent_slug].add_child(instance=page)
        if spec.districts:
            page.districts.set([districts[code] for code in spec.districts])
        if spec.qualifications:
            page.qualifications.set([qualifications[code] for code in spec.qualifications])
        page.save_revision(user=user, log_action=True).publish(user=user)
        pages[spec.slug] = page
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": pages["home"], "site_name": "济宁上门"},
    )
    return pages


def _images_for(spec):
    if spec.page_class is ServiceCategoryPage:
        return {"cover": _image(spec.slug, spec.theme, spec.data["title"])}
    if issubclass(spec.page_class, ServicePage):
        return {
            "cover": _image(spec.slug, spec.theme, spec.data["title"]),
            "detail": _image(f"{spec.slug}-detail", spec.theme, spec.data["title"]),
        }
    return {}


def _image(key, theme, title):
    image = get_image_model()(title=f"{title['zh']} · {title['en']}")
    image.file = ImageFile(BytesIO(render_cover(key, theme)), name=f"demo-{key}.png")
    image.save()
    return image


def _fields(spec, lang, images) -> dict:
    data = spec.data
    if spec.page_class is HomePage:
        return {
            "title": data["title"][lang],
            "hero_heading": data["hero_heading"][lang],
            "hero_text": data["hero_text"][lang],
            "body": _paragraphs(data["intro"], lang),
            "search_description": data["hero_text"][lang],
        }
    if spec.page_class is ServiceCategoryPage:
        return {
            "title": data["title"][lang],
            "intro": data["intro"][lang],
            "cancellation_policy": data["cancellation_policy"][lang],
            "image": images["cover"],
            "search_description": data["intro"][lang],
        }
    if spec.page_class is StandardPage:
        return {"title": data["title"][lang], "body": _paragraphs(data["body"], lang)}
    fields = {
        "title": data["title"][lang],
        "summary": data["summary"][lang],
        "search_description": data["summary"][lang],
        "image": images["cover"],
        "body": _paragraphs(data["body"], lang),
        "price": data["price"],
        "price_unit": data["unit"],
        "duration_minutes": data["duration_minutes"],
        "gallery": [
            _block(
                "image", {"image": images["detail"].pk, "decorative": False, "alt_text": data["title"][lang]}
            )
        ],
        "faq": [
            _block("faq", {"question": item["q"][lang], "answer": item["a"][lang]}) for item in data["faq"]
        ],
    }
    if spec.page_class is CulturalExperiencePage:
        fields.update(
            theme=data["theme"],
            host=data["host"][lang],
            group_size_min=data["group_size_min"],
            group_size_max=data["group_size_max"],
            what_to_prepare=data["what_to_prepare"][lang],
        )
    return fields


def _translate(page, spec, *, user, en):
    """Translate ``page`` segment by segment from the English demo text, then publish the translation."""
    images = {}
    if isinstance(page, ServicePage):
        images = {"cover": page.image, "detail": page.gallery[0].value}
    elif isinstance(page, ServiceCategoryPage):
        images = {"cover": page.image}
    english_page = spec.page_class(slug=spec.slug, **_fields(spec, "en", images))
    source, _ = TranslationSource.get_or_create_from_instance(page)
    chinese_segments = [
        segment
        for segment in StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
        if segment.string.data.strip()
    ]
    english_strings = [
        segment.string.data
        for segment in extract_segments(english_page)
        if isinstance(segment, StringSegmentValue) and segment.string.data.strip()
    ]
    if len(chinese_segments) != len(english_strings):
        raise DemoCatalogError(
            f"{page.slug}: {len(chinese_segments)} Chinese segments but {len(english_strings)} English ones"
        )
    for segment, english in zip(chinese_segments, english_strings, strict=True):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=en, context=segment.context, defaults={"data": english}
        )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=en)
    # save_target(publish=True) defers publishing to the outermost commit, publishing a stale copy of the
    # page after its children exist (and zeroing its child count); publish the saved draft here instead.
    translation.save_target(user=user, publish=False)
    page.get_translation(en).specific.get_latest_revision().publish(user=user)


def _paragraphs(paragraphs, lang):
    return [_block("paragraph", f"<p>{escape(p[lang])}</p>") for p in paragraphs]


def _block(block_type, value):
    # Block ids are needed before saving: wagtail-localize addresses segments by block id.
    return {"type": block_type, "value": value, "id": str(uuid4())}
