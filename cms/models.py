from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseBadRequest
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, FAQListBlock, GalleryBlock
from .search import segment


class BilingualName(models.Model):
    """Reference data named in both site languages; code is the stable key other apps refer to."""

    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh


class City(BilingualName):
    code = models.CharField(_("GB/T 2260 code"), max_length=6, unique=True)
    is_launched = models.BooleanField(_("open for bookings"), default=False)

    panels = [FieldPanel("code"), FieldPanel("name_zh"), FieldPanel("name_en"), FieldPanel("is_launched")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    @property
    def district_code_prefix(self):
        # Municipalities (Beijing 110000) number their districts under the province digits only.
        return self.code[:2] if self.code.endswith("0000") else self.code[:4]


# A GB/T 2260 county-level code, as District.code holds it: six digits.
DISTRICT_CODE_PATTERN = r"^[0-9]{6}\Z"


class District(BilingualName):
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="districts", verbose_name=_("city"))
    code = models.CharField(_("GB/T 2260 code"), max_length=6, unique=True)

    panels = [FieldPanel("city"), FieldPanel("code"), FieldPanel("name_zh"), FieldPanel("name_en")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def clean(self):
        if self.code and self.city_id and not self.code.startswith(self.city.district_code_prefix):
            raise ValidationError({"code": _("This code does not belong to the chosen city.")})


class Qualification(BilingualName):
    """A certificate or licence that staff must hold to perform a service (e.g. 健康证)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)

    panels = [FieldPanel("code"), FieldPanel("name_zh"), FieldPanel("name_en")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")


class HomePage(Page):
    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ServiceCategoryPage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import categories_for_home, featured_services

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = categories_for_home(self)
        context["featured_services"] = featured_services(locale=self.locale)
        context["untranslated_notice"] = request.GET.get("untranslated") == "1"
        return context


class ServiceCategoryPage(Page):
    intro = models.TextField(_("introduction"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    cancellation_policy = models.TextField(
        _("cancellation policy"),
        help_text=_("Shown on every service of this category unless it has its own."),
    )
    # The rule the policy text states, as numbers that the booking rules apply.
    free_change_hours = models.PositiveSmallIntegerField(
        _("free changes until (hours before the start)"), default=2, validators=[MaxValueValidator(72)]
    )
    late_cancellation_fee_percent = models.PositiveSmallIntegerField(
        _("fee for a later cancellation (percent of the price)"),
        default=20,
        validators=[MaxValueValidator(100)],
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("cancellation_policy"),
        FieldRowPanel([FieldPanel("free_change_hours"), FieldPanel("late_cancellation_fee_percent")]),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_segments"),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ServicePage", "cms.CulturalExperiencePage"]

    class Meta:
        verbose_name = _("service category")

    def search_segments(self):
        return segment(f"{self.title} {self.intro}")

    def get_context(self, request, *args, **kwargs):
        from .views import filtered_service_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_service_listing(request, locale=self.locale, category=self))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["filter_form"].errors:
            response.status_code = HttpResponseBadRequest.status_code
        return response


class ServicePage(Page):
    class PriceUnit(models.TextChoices):
        VISIT = "visit", _("per visit")
        HOUR = "hour", _("per hour")
        SQUARE_METRE = "sqm", _("per m²")

    summary = models.TextField(_("summary"), max_length=300)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    price = models.DecimalField(
        _("price (yuan)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    price_unit = models.CharField(
        _("price unit"), max_length=10, choices=PriceUnit.choices, default=PriceUnit.VISIT
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(15), MaxValueValidator(24 * 60)]
    )
    travel_buffer_minutes = models.PositiveSmallIntegerField(
        _("travel buffer (minutes)"),
        default=30,
        validators=[MaxValueValidator(240)],
        help_text=_("Time kept free after a job before the same staff member's next one."),
    )
    districts = ParentalManyToManyField(District, related_name="services", verbose_name=_("districts served"))
    qualifications = ParentalManyToManyField(
        Qualification, blank=True, related_name="services", verbose_name=_("qualifications staff must hold")
    )
    gallery = StreamField(GalleryBlock(), blank=True, verbose_name=_("images"))
    faq = StreamField(FAQListBlock(), blank=True, verbose_name=_("frequently asked questions"))
    cancellation_policy = models.TextField(
        _("cancellation policy"), blank=True, help_text=_("Leave empty to show the category's policy.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("price"), FieldPanel("price_unit"), FieldPanel("duration_minutes")]
                ),
                FieldPanel("travel_buffer_minutes"),
            ],
            heading=_("Price and duration"),
        ),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
        FieldPanel("qualifications", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("gallery"),
        FieldPanel("faq"),
        FieldPanel("cancellation_policy"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("search_segments"),
        index.AutocompleteField("summary"),
        index.FilterField("price"),
        index.FilterField("duration_minutes"),
    ]

    parent_page_types = ["cms.ServiceCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")

    def search_segments(self):
        return segment(" ".join([self.title, self.summary, _stream_text(self.body), _stream_text(self.faq)]))

    @cached_property
    def category(self):
        return self.get_parent().specific

    @property
    def effective_cancellation_policy(self):
        return self.cancellation_policy or self.category.cancellation_policy

    @property
    def is_cultural_experience(self):
        return issubclass(self.specific_class, CulturalExperiencePage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["category"] = self.category
        context["districts"] = self.districts.all()
        context["qualifications"] = self.qualifications.all()
        return context


class CulturalExperiencePage(ServicePage):
    class Theme(models.TextChoices):
        CONFUCIUS = "confucius", _("Confucius culture")
        MENCIUS = "mencius", _("Mencius culture")
        LU_BROCADE = "lu_brocade", _("Lu brocade weaving")
        STONE_CARVING = "stone_carving", _("Jiaxiang stone carving")
        KAIMU_CARVING = "kaimu_carving", _("Kaimu wood carving")
        NISHAN_INKSTONE = "nishan_inkstone", _("Nishan inkstone")
        RUBBING = "rubbing", _("Stele rubbing")
        CALLIGRAPHY = "calligraphy", _("Calligraphy")

    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    host = models.CharField(_("host"), max_length=300)
    group_size_min = models.PositiveSmallIntegerField(
        _("minimum group size"), default=1, validators=[MinValueValidator(1)]
    )
    group_size_max = models.PositiveSmallIntegerField(
        _("maximum group size"), default=6, validators=[MinValueValidator(1)]
    )
    what_to_prepare = models.TextField(_("what to prepare"), blank=True)

    content_panels = (
        ServicePage.content_panels[:2]
        + [
            MultiFieldPanel(
                [
                    FieldPanel("theme"),
                    FieldPanel("host"),
                    FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
                    FieldPanel("what_to_prepare"),
                ],
                heading=_("Experience"),
            ),
        ]
        + ServicePage.content_panels[2:]
    )
    search_fields = ServicePage.search_fields + [index.SearchField("host"), index.FilterField("theme")]

    parent_page_types = ["cms.ServiceCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cultural experience")

    def clean(self):
        super().clean()
        if self.group_size_min and self.group_size_max and self.group_size_min > self.group_size_max:
            raise ValidationError(
                {"group_size_max": _("The maximum group size cannot be below the minimum.")}
            )

    def search_segments(self):
        return segment(f"{super().search_segments()} {self.host} {self.get_theme_display()}")


class StandardPage(Page):
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body"), index.SearchField("search_segments")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")

    def search_segments(self):
        return segment(f"{self.title} {_stream_text(self.body)}")


def _stream_text(stream_value):
    """Plain text of a StreamField value, for the segmented search index."""
    from django.utils.html import strip_tags

    parts = []
    for block in stream_value:
        value = block.value
        if hasattr(value, "source"):
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif hasattr(value, "items"):
            parts.extend(str(v) for v in value.values() if isinstance(v, str))
    return " ".join(parts)
