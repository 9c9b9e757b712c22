"""The catalog part of the API: /api/v1/ resources (districts, categories, services) and Wagtail's own
API v2 for headless use of pages, images and documents.

The services listing takes the portal's own filter form (``ServiceFilterForm``), so a filter means the same
thing on the site and in the apps; where the site ignores a bad filter and says so, the API answers 400."""

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText, expand_db_html

from api.query import query_data

from .forms import SearchForm, ServiceFilterForm
from .models import DISTRICT_CODE_PATTERN, CulturalExperiencePage, ServiceCategoryPage, ServicePage
from .selectors import (
    RELEVANCE,
    SERVICE_KINDS,
    SERVICE_ORDERINGS,
    categories_with_service_counts,
    filter_services,
    launched_districts,
    live_service,
    with_categories,
)

# Wagtail API v2 (/api/v2/) ---------------------------------------------------------------------------------
# Wagtail documents these itself; they are kept out of the /api/v1/ OpenAPI schema (schema = None).


class PublicPages(PagesAPIViewSet):
    permission_classes = [AllowAny]
    schema = None


class PublicImages(ImagesAPIViewSet):
    permission_classes = [AllowAny]
    schema = None


class PublicDocuments(DocumentsAPIViewSet):
    permission_classes = [AllowAny]
    schema = None


wagtail_api_router = WagtailAPIRouter("wagtailapi")
wagtail_api_router.register_endpoint("pages", PublicPages)
wagtail_api_router.register_endpoint("images", PublicImages)
wagtail_api_router.register_endpoint("documents", PublicDocuments)


# Helpers -----------------------------------------------------------------------------------------------------


def _page_url(page, context) -> str | None:
    request = context.get("request")
    return page.get_full_url(getattr(request, "_request", request))


def form_errors(form, renamed=None) -> ValidationError:
    """A Django form's errors as the API's 400: per field, with the API's names for renamed fields."""
    renamed = renamed or {}
    fields = {}
    for name, errors in form.errors.items():
        key = "non_field_errors" if name == "__all__" else renamed.get(name, name)
        fields[key] = [str(message) for message in errors]
    return ValidationError(fields)


# Serializers -------------------------------------------------------------------------------------------------


class CitySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="GB/T 2260 code of the city.")
    name = serializers.CharField(help_text="In the request's language.")


class DistrictSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="GB/T 2260 code, e.g. 370811.")
    name = serializers.CharField(help_text="In the request's language.")
    city = CitySerializer()


class DistrictRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class QualificationSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class CategorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField(
        help_text="Accepted by the services listing's `category` filter, as is the id."
    )
    intro = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The category's page on the website.")
    service_count = serializers.IntegerField(help_text="Live services in this category.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, category):
        return _page_url(category, self.context)


class CategoryRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()


class ServiceSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    summary = serializers.CharField()
    kind = serializers.SerializerMethodField(help_text="service, or cultural for a cultural experience.")
    category = CategoryRefSerializer()
    price = serializers.DecimalField(
        max_digits=10, decimal_places=2, help_text='Catalog price in yuan, e.g. "120.00".'
    )
    price_unit = serializers.CharField(help_text="visit, hour or sqm.")
    price_unit_label = serializers.CharField(source="get_price_unit_display")
    duration_minutes = serializers.IntegerField()
    districts = DistrictRefSerializer(many=True, source="districts.all", help_text="Districts served.")
    url = serializers.SerializerMethodField(help_text="The service's page on the website.")

    @extend_schema_field(OpenApiTypes.STR)  # a plain string: other resources have other kinds
    def get_kind(self, service):
        return "cultural" if service.is_cultural_experience else "service"

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, service):
        return _page_url(service, self.context)


class ContentBlockSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="heading, paragraph, quote or image.")
    text = serializers.CharField(help_text="Plain text (empty for an image).")
    html = serializers.CharField(allow_null=True, help_text="Rendered HTML of a paragraph; null otherwise.")
    image_url = serializers.URLField(allow_null=True, help_text="Address of an image block's file.")
    alt = serializers.CharField(allow_null=True, help_text="Alternative text of an image block.")


class FaqSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField()


class CancellationSerializer(serializers.Serializer):
    policy = serializers.CharField(help_text="The service's own policy, or its category's.")
    free_change_hours = serializers.IntegerField(
        help_text="Free changes until this many hours before the start."
    )
    late_cancellation_fee_percent = serializers.IntegerField(
        help_text="Fee for a later cancellation, % of price."
    )


class ExperienceSerializer(serializers.Serializer):
    theme = serializers.ChoiceField(choices=CulturalExperiencePage.Theme.choices)
    theme_label = serializers.CharField(source="get_theme_display")
    host = serializers.CharField()
    group_size_min = serializers.IntegerField()
    group_size_max = serializers.IntegerField()
    what_to_prepare = serializers.CharField()


class ServiceDetailSerializer(ServiceSummarySerializer):
    language = serializers.CharField(source="locale.language_code", help_text="Language of the content.")
    body = serializers.SerializerMethodField(help_text="The description, block by block.")
    faq = serializers.SerializerMethodField()
    qualifications = QualificationSerializer(
        many=True, source="qualifications.all", help_text="Certificates the staff must hold."
    )
    travel_buffer_minutes = serializers.IntegerField()
    cancellation = serializers.SerializerMethodField()
    experience = serializers.SerializerMethodField(help_text="Only for cultural experiences; null otherwise.")

    @extend_schema_field(ContentBlockSerializer(many=True))
    def get_body(self, service):
        return [_block(block) for block in service.body]

    @extend_schema_field(FaqSerializer(many=True))
    def get_faq(self, service):
        return [
            {"question": block.value["question"], "answer": block.value["answer"]}
            for block in service.faq
            if block.block_type == "faq"
        ]

    @extend_schema_field(CancellationSerializer)
    def get_cancellation(self, service):
        category = service.category
        return CancellationSerializer(
            {
                "policy": service.effective_cancellation_policy,
                "free_change_hours": category.free_change_hours,
                "late_cancellation_fee_percent": category.late_cancellation_fee_percent,
            }
        ).data

    @extend_schema_field(ExperienceSerializer(allow_null=True))
    def get_experience(self, service):
        if not isinstance(service, CulturalExperiencePage):
            return None
        return ExperienceSerializer(service).data


def _block(block) -> dict:
    value = block.value
    entry = {"type": block.block_type, "text": "", "html": None, "image_url": None, "alt": None}
    if isinstance(value, RichText):
        html = expand_db_html(value.source)
        entry.update(text=strip_tags(html).strip(), html=html)
    elif block.block_type == "image":
        if value is not None:
            entry.update(image_url=value.file.url, alt=getattr(value, "contextual_alt_text", "") or "")
    else:
        entry["text"] = strip_tags(str(value)).strip()
    return entry


# The services listing's query, as the portal's filter form takes it ---------------------------------------------


class CategoryIdOrSlugField(forms.ModelChoiceField):
    """A category by its slug, as on the site, or by its id, as the API lists it."""

    def to_python(self, value):
        if value not in self.empty_values and str(value).isdigit():
            try:
                # Through Page, whose integer key answers "none" to an id out of its range instead of failing.
                return self.queryset.get(pk__in=Page.objects.filter(pk=int(value)).values("pk"))
            except self.queryset.model.DoesNotExist:
                raise DjangoValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
                ) from None
        return super().to_python(value)


class ServiceQueryForm(ServiceFilterForm):
    """The portal's filters, plus the site's search (``q``) and the kind of service."""

    category = CategoryIdOrSlugField(
        queryset=ServiceCategoryPage.objects.none(), to_field_name="slug", required=False
    )
    q = SearchForm.base_fields["q"]
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in SERVICE_KINDS], required=False)

    def __init__(self, data, *, locale):
        super().__init__(data, locale=locale, with_category=True)

    def filters(self, *, category=None) -> dict:
        filters = super().filters(category=category)
        data = self.cleaned_data
        filters["kind"] = data.get("kind") or None
        filters["query"] = data.get("q") or ""
        if filters["query"] and not data.get("sort"):
            filters["sort"] = RELEVANCE
        return filters


# The API's parameter names where they differ from the form's.
FORM_NAMES = {"ordering": "sort"}
API_NAMES = {form: api for api, form in FORM_NAMES.items()}
FILTER_PARAMETERS = (
    "q",
    "category",
    "district",
    "min_price",
    "max_price",
    "max_duration",
    "ordering",
    "kind",
    "page",
)

PRICE_PATTERN = r"^[0-9]{1,8}(?:\.[0-9]{1,2})?\Z"


class ServiceQuerySerializer(serializers.Serializer):
    """The listing's parameters as the schema states them. The portal's form decides what they mean (and
    refuses unknown categories and districts or a lowest price above the highest); this refuses, after it,
    what the form would let through but the schema does not allow: an empty value, an amount written as
    "1e2" or with spaces around, a duration or ordering that is not one of the values listed. Values are
    checked as sent, nothing trimmed."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=SearchForm.base_fields["q"].max_length,
        help_text="Search words, matched as on the site (Chinese text is split into words). Without "
        "`ordering`, the best matches come first.",
    )
    category = serializers.CharField(
        required=False,
        max_length=255,
        trim_whitespace=False,
        help_text="A category's id or slug (see /categories/).",
    )
    district = serializers.RegexField(
        DISTRICT_CODE_PATTERN,
        required=False,
        trim_whitespace=False,
        error_messages={"invalid": gettext_lazy("A district code has 6 digits, e.g. 370811.")},
        help_text="GB/T 2260 code of a district (see /districts/).",
    )
    min_price = serializers.RegexField(
        PRICE_PATTERN,
        required=False,
        trim_whitespace=False,
        error_messages={"invalid": forms.DecimalField.default_error_messages["invalid"]},
        help_text="Lowest price in yuan, e.g. 100 or 99.50.",
    )
    max_price = serializers.RegexField(
        PRICE_PATTERN,
        required=False,
        trim_whitespace=False,
        error_messages={"invalid": forms.DecimalField.default_error_messages["invalid"]},
        help_text="Highest price in yuan; not below `min_price`.",
    )
    max_duration = serializers.ChoiceField(
        choices=[int(value) for value, _label in ServiceFilterForm.DURATION_CHOICES if value],
        required=False,
        help_text="Longest duration in minutes.",
    )
    ordering = serializers.ChoiceField(
        choices=list(SERVICE_ORDERINGS), required=False, help_text="Default: recommended."
    )
    kind = serializers.ChoiceField(
        choices=list(SERVICE_KINDS), required=False, help_text="`cultural` for cultural experiences."
    )


# Views ---------------------------------------------------------------------------------------------------------


class DistrictList(APIView):
    """The districts of the cities open for bookings: the values of the services' `district` filter."""

    permission_classes = [AllowAny]

    @extend_schema(responses=DistrictSerializer(many=True))
    def get(self, request):
        return Response(DistrictSerializer(launched_districts(), many=True).data)


class CategoryList(APIView):
    """The catalog's service categories in the request's language, as on the home page."""

    permission_classes = [AllowAny]

    @extend_schema(responses=CategorySerializer(many=True))
    def get(self, request):
        categories = categories_with_service_counts(Locale.get_active())
        return Response(CategorySerializer(categories, many=True, context={"request": request}).data)


@extend_schema(parameters=[ServiceQuerySerializer])
class ServiceList(ListAPIView):
    """Live services in the request's language, filtered and ordered as on the site's listing."""

    permission_classes = [AllowAny]
    serializer_class = ServiceSummarySerializer
    queryset = ServicePage.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ServicePage.objects.none()
        locale = Locale.get_active()
        params = self.request.query_params
        data = {FORM_NAMES.get(name, name): params[name] for name in FILTER_PARAMETERS if name in params}
        form = ServiceQueryForm(data, locale=locale)
        if not form.is_valid():
            raise form_errors(form, renamed=API_NAMES)
        ServiceQuerySerializer(data=query_data(self.request)).is_valid(raise_exception=True)
        return filter_services(locale=locale, **form.filters())

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else with_categories(page)


class ServiceDetail(APIView):
    """One live service (of either language), with everything its page shows."""

    permission_classes = [AllowAny]

    @extend_schema(responses=ServiceDetailSerializer)
    def get(self, request, pk):
        service = live_service(pk)
        if service is None:
            raise NotFound()
        return Response(ServiceDetailSerializer(service, context={"request": request}).data)


urlpatterns = [
    path("districts/", DistrictList.as_view(), name="districts"),
    path("categories/", CategoryList.as_view(), name="categories"),
    path("services/", ServiceList.as_view(), name="services"),
    path("services/<int:pk>/", ServiceDetail.as_view(), name="service"),
]
