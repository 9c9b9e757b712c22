"""The after-sales part of the API under /api/v1/: serializers and views calling the same services and selectors
as the site's pages.

Customers: reviews of their completed orders (with photos), complaints and compensation claims (with
evidence), feedback about the platform and their notifications. Anyone: the visible reviews of a service or an
active provider, with their rating summary. Provider administrators and dispatchers: their providers' reviews
(one public reply each) and the complaints about them (their side of the story). Operators work in the admin.

Request bodies are JSON, except the uploads (review photos, evidence), which are multipart on endpoints of
their own. Review photos and evidence are downloaded from the API too, so that a token is enough to open them.
"""

import os
from decimal import Decimal

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import exceptions, generics, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.services import record_personal_data_access
from api.fields import IdField, PatternField, TextField
from api.files import NO_FORMAT, FileView, JpegRenderer, PdfRenderer, PngRenderer, file_responses
from api.idempotency import idempotent
from api.pagination import Pages
from api.query import QueryBooleanField, query_data
from api.views import JsonBody
from booking import selectors as booking_selectors
from booking.api import IDEMPOTENCY_PARAMETER
from booking.models import Booking
from providers import permissions as provider_permissions
from providers.models import ACTIVE_PROVIDER_STATUSES, Provider

from . import permissions, selectors, services
from .models import (
    RATING_FIELDS,
    CompensationClaim,
    Complaint,
    Evidence,
    Feedback,
    Notification,
    RatingSummary,
    Review,
    ReviewPhoto,
)

# Who did a step of a complaint, as the customer and the provider see it: a role, never a person.
STEP_ROLES = {
    "submitted": "customer",
    "confirmed": "customer",
    "reopened": "customer",
    "provider_response": "provider",
    "acknowledged": "platform",
    "handling": "platform",
    "resolved": "platform",
    "auto_confirmed": "system",
}
YUAN_PATTERN = r"^[0-9]{1,5}(?:\.[0-9]{1,2})?\Z"


def _values(choices) -> str:
    return ", ".join(value for value, _label in choices)


class StarsField(serializers.IntegerField):
    """Whole stars from 1 to 5, as a JSON integer: not "4", 4.0 or true, which IntegerField would take."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=5, **kwargs)

    def to_internal_value(self, data):
        if type(data) is not int:
            self.fail("invalid")
        return super().to_internal_value(data)


# Shared pieces ---------------------------------------------------------------------------------------------


class OrderRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()


class NamedRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class StaffRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="real_name")


class ReviewedServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="service_id")
    title = serializers.CharField(source="service_title", help_text="In the caller's language.")


class PhotoSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(
        help_text=(
            "The image, from `GET /api/v1/review-photos/{id}/`: anyone may open a visible review's photos; a "
            "hidden review's, only its customer, the provider's people and operators."
        )
    )

    class Meta:
        model = ReviewPhoto
        fields = ["id", "url", "content_type", "size", "uploaded_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, photo):
        return self.context["request"].build_absolute_uri(reverse("api:review-photo", args=[photo.pk]))


class EvidenceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(
        help_text=(
            "The file, from `GET /api/v1/evidence/{id}/` with the caller's token: for the case's customer, the "
            "provider's administrators and dispatchers, and operators."
        )
    )
    content_type = serializers.CharField(help_text="application/pdf, image/jpeg or image/png.")

    class Meta:
        model = Evidence
        fields = ["id", "url", "content_type", "size", "uploaded_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, evidence):
        return self.context["request"].build_absolute_uri(reverse("api:evidence", args=[evidence.pk]))


class FilesSerializer(serializers.Serializer):
    """Multipart: one part named ``files`` for each file."""

    files = serializers.ListField(
        child=serializers.FileField(),
        min_length=1,
        max_length=services.MAX_EVIDENCE_FILES,
        help_text="PDF, JPEG or PNG files of up to 10 MB each; at most 6 on a case in all.",
    )


# Reviews ---------------------------------------------------------------------------------------------------


class RatingSummarySerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Visible reviews.")
    overall = serializers.DecimalField(max_digits=2, decimal_places=1, allow_null=True)
    punctuality = serializers.DecimalField(max_digits=2, decimal_places=1, allow_null=True)
    quality = serializers.DecimalField(max_digits=2, decimal_places=1, allow_null=True)
    attitude = serializers.DecimalField(max_digits=2, decimal_places=1, allow_null=True)


def _summary(subject, subject_id) -> dict:
    summary = selectors.rating_summary(subject, subject_id) or RatingSummary(subject=subject)
    return RatingSummarySerializer(
        {"count": summary.count, **{field: summary.average(field) for field in RATING_FIELDS}}
    ).data


class PublicReviewSerializer(serializers.ModelSerializer):
    """A visible review as anyone sees it: its author's name masked, the text as written (plain text)."""

    customer = serializers.SerializerMethodField(help_text="The author's name, masked: 陈**.")
    service = ReviewedServiceSerializer(source="*")
    photos = PhotoSerializer(many=True)

    class Meta:
        model = Review
        fields = [
            "id",
            "customer",
            "service",
            *RATING_FIELDS,
            "text",
            "photos",
            "reply",
            "replied_at",
            "created_at",
            "edited_at",
        ]
        read_only_fields = fields

    def get_customer(self, review) -> str:
        return selectors.reviewer_name(review.customer)


class CustomerReviewSerializer(PublicReviewSerializer):
    """The caller's own review: whether it is hidden (and why) and until when it may be changed."""

    booking = OrderRefSerializer()
    editable = serializers.SerializerMethodField()
    editable_until = serializers.SerializerMethodField()

    class Meta(PublicReviewSerializer.Meta):
        fields = [
            *PublicReviewSerializer.Meta.fields,
            "booking",
            "is_hidden",
            "hidden_reason",
            "editable",
            "editable_until",
        ]
        read_only_fields = fields

    def get_editable(self, review) -> bool:
        return selectors.review_is_editable(review)

    @extend_schema_field(serializers.DateTimeField())
    def get_editable_until(self, review):
        return serializers.DateTimeField().to_representation(services.review_editable_until(review))


class ProviderReviewSerializer(PublicReviewSerializer):
    """A review of one of the caller's providers, hidden ones included (with the operator's reason)."""

    booking = OrderRefSerializer()
    provider = NamedRefSerializer()
    staff = StaffRefSerializer(help_text="The staff member who came.")

    class Meta(PublicReviewSerializer.Meta):
        fields = [
            *PublicReviewSerializer.Meta.fields,
            "booking",
            "provider",
            "staff",
            "is_hidden",
            "hidden_reason",
        ]
        read_only_fields = fields


@extend_schema_serializer(many=False)
class PublicReviewPageSerializer(serializers.Serializer):
    """A page of visible reviews, with the rating summary of all of them."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = PublicReviewSerializer(many=True)
    summary = RatingSummarySerializer(
        help_text="Over every visible review; the averages are null while there is none."
    )


class ReviewInputSerializer(serializers.Serializer):
    overall = StarsField()
    punctuality = StarsField()
    quality = StarsField()
    attitude = StarsField()
    text = TextField(required=False, allow_blank=True, max_length=2000, default="")


class ReviewChangeSerializer(serializers.Serializer):
    overall = StarsField(required=False)
    punctuality = StarsField(required=False)
    quality = StarsField(required=False)
    attitude = StarsField(required=False)
    text = TextField(required=False, allow_blank=True, max_length=2000)
    remove_photos = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=services.MAX_REVIEW_PHOTOS,
        help_text="Ids of the review's photos to take away.",
    )


class PhotosSerializer(serializers.Serializer):
    """Multipart: one part named ``photos`` for each image."""

    photos = serializers.ListField(
        child=serializers.FileField(),
        min_length=1,
        max_length=services.MAX_REVIEW_PHOTOS,
        help_text="JPEG or PNG images of up to 5 MB each; at most 6 on a review in all.",
    )


def _own_booking(request, pk) -> Booking:
    return get_object_or_404(booking_selectors.customer_bookings(request.user), pk=pk)


def _own_review(request, booking) -> Review:
    review = selectors.customer_reviews(request.user).filter(booking=booking).first()
    if review is None:
        raise exceptions.NotFound(_("This order has no review yet."), code="no_review")
    return review


def _review_response(request, review, status_code=status.HTTP_200_OK) -> Response:
    review = selectors.customer_reviews(request.user).get(pk=review.pk)
    booking_selectors.attach_service_titles([review])
    context = {"request": request}
    return Response(CustomerReviewSerializer(review, context=context).data, status=status_code)


def _current_ratings(review) -> dict:
    return {field: getattr(review, field) for field in RATING_FIELDS}


class BookingReviewView(JsonBody, APIView):
    @extend_schema(responses=CustomerReviewSerializer, summary="My review of an order")
    def get(self, request, pk):
        return _review_response(request, _own_review(request, _own_booking(request, pk)))

    @extend_schema(
        request=ReviewInputSerializer,
        responses={201: CustomerReviewSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Review a completed order",
        description=(
            "Stars from 1 to 5 for the whole, punctuality, quality of work and attitude, and optional text; "
            "photos are added with `…/review/photos/`. Only completed orders (`wrong_status`, 409), within "
            "the days after the service the site allows (`window_closed`, 409), once (`duplicate`, 409)."
        ),
    )
    @idempotent
    def post(self, request, pk):
        booking = _own_booking(request, pk)
        data = ReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        review = services.write_review(
            booking,
            customer=request.user,
            ratings={field: values[field] for field in RATING_FIELDS},
            text=values["text"],
        )
        return _review_response(request, review, status.HTTP_201_CREATED)

    @extend_schema(
        request=ReviewChangeSerializer,
        responses=CustomerReviewSerializer,
        summary="Change my review",
        description=(
            "What is sent replaces what was there; the rest stays. For the days after writing that the site "
            "allows (`window_closed`, 409); not once an operator hid it (`wrong_status`, 409)."
        ),
    )
    def patch(self, request, pk):
        review = _own_review(request, _own_booking(request, pk))
        data = ReviewChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        services.edit_review(
            review,
            customer=request.user,
            ratings={field: values.get(field, getattr(review, field)) for field in RATING_FIELDS},
            text=values.get("text", review.text),
            remove_photo_ids=values.get("remove_photos", ()),
        )
        return _review_response(request, review)


class ReviewPhotosView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": PhotosSerializer},
        responses={201: CustomerReviewSerializer},
        summary="Add photos to my review",
        description=(
            "Each file must really be a JPEG or PNG image (400 otherwise); a change of the review, so only "
            "while it may be changed (`window_closed`, `wrong_status`, 409)."
        ),
    )
    def post(self, request, pk):
        review = _own_review(request, _own_booking(request, pk))
        data = PhotosSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.edit_review(
            review,
            customer=request.user,
            ratings=_current_ratings(review),
            text=review.text,
            photos=data.validated_data["photos"],
        )
        return _review_response(request, review, status.HTTP_201_CREATED)


class MyReviewListView(generics.ListAPIView):
    """The caller's reviews, newest first, hidden ones included."""

    serializer_class = CustomerReviewSerializer
    pagination_class = Pages
    queryset = Review.objects.none()

    @extend_schema(summary="My reviews")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(selectors.customer_reviews(request.user))
        booking_selectors.attach_service_titles(page)
        data = CustomerReviewSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)


def _public_reviews(view, subject, subject_id, reviews) -> Response:
    page = view.paginate_queryset(reviews)
    booking_selectors.attach_service_titles(page)
    data = PublicReviewSerializer(page, many=True, context={"request": view.request}).data
    body = view.get_paginated_response(data).data
    return Response({**body, "summary": _summary(subject, subject_id)})


class ServiceReviewListView(generics.ListAPIView):
    """The visible reviews of a service (its page in either language), newest first."""

    permission_classes = [AllowAny]
    serializer_class = PublicReviewSerializer
    pagination_class = Pages
    queryset = Review.objects.none()

    @extend_schema(responses=PublicReviewPageSerializer, auth=[], summary="Reviews of a service")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        service = booking_selectors.live_service(kwargs["pk"])
        if service is None:
            raise exceptions.NotFound()
        source = booking_selectors.source_service(service)
        reviews = selectors.public_reviews(service_id=source.pk)
        return _public_reviews(self, RatingSummary.Subject.SERVICE, source.pk, reviews)


class ProviderPublicReviewListView(generics.ListAPIView):
    """The visible reviews of a certified provider, newest first."""

    permission_classes = [AllowAny]
    serializer_class = PublicReviewSerializer
    pagination_class = Pages
    queryset = Review.objects.none()

    @extend_schema(responses=PublicReviewPageSerializer, auth=[], summary="Reviews of a provider")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        provider = get_object_or_404(Provider, pk=kwargs["pk"], status__in=ACTIVE_PROVIDER_STATUSES)
        reviews = selectors.public_reviews(provider=provider)
        return _public_reviews(self, RatingSummary.Subject.PROVIDER, provider.pk, reviews)


# Complaints ------------------------------------------------------------------------------------------------


class ComplaintStepSerializer(serializers.Serializer):
    action = serializers.CharField(help_text=f"{', '.join(STEP_ROLES)}.")
    label = serializers.CharField()
    role = serializers.SerializerMethodField(
        help_text="Who took the step: customer, provider, platform, system."
    )
    note = serializers.CharField()
    created_at = serializers.DateTimeField()

    def get_role(self, step) -> str:
        return STEP_ROLES.get(step.action, "platform")


class ComplaintSerializer(serializers.ModelSerializer):
    """A complaint in a list."""

    booking = OrderRefSerializer()
    # Plain strings rather than enums where other resources use the same field name for other values.
    category = serializers.CharField(help_text=f"{_values(Complaint.Category.choices)}.")
    category_display = serializers.CharField(source="get_category_display")
    status = serializers.CharField(help_text=f"{_values(Complaint.Status.choices)}.")
    status_display = serializers.CharField(source="get_status_display")
    due = serializers.SerializerMethodField(
        help_text="The time limit the platform works to now: to acknowledge, then to resolve; null once resolved."
    )

    class Meta:
        model = Complaint
        fields = [
            "id",
            "booking",
            "category",
            "category_display",
            "status",
            "status_display",
            "created_at",
            "due",
            "resolved_at",
            "closed_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_due(self, complaint):
        due = selectors.complaint_due(complaint)
        return None if due is None else serializers.DateTimeField().to_representation(due)


class ComplaintDetailSerializer(ComplaintSerializer):
    """One complaint with every step taken on it and its evidence."""

    steps = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()
    upheld = serializers.BooleanField(
        allow_null=True, help_text="Set when resolved: was the complaint upheld?"
    )

    class Meta(ComplaintSerializer.Meta):
        fields = [
            *ComplaintSerializer.Meta.fields,
            "description",
            "acknowledge_by",
            "acknowledged_at",
            "resolve_by",
            "resolution",
            "upheld",
            "provider_response",
            "provider_responded_at",
            "steps",
            "evidence",
        ]
        read_only_fields = fields

    @extend_schema_field(ComplaintStepSerializer(many=True))
    def get_steps(self, complaint):
        return ComplaintStepSerializer(selectors.complaint_steps(complaint), many=True).data

    @extend_schema_field(EvidenceSerializer(many=True))
    def get_evidence(self, complaint):
        return EvidenceSerializer(selectors.case_evidence(complaint), many=True, context=self.context).data


class ProviderComplaintSerializer(ComplaintSerializer):
    """A complaint about one of the caller's providers: the customer's contact masked."""

    provider = NamedRefSerializer()
    staff = StaffRefSerializer()
    customer_contact = serializers.SerializerMethodField(help_text="Masked: 任城区 · 陈** 139****1111.")
    sla_state = serializers.SerializerMethodField(
        help_text="on_time, due_soon, overdue, or done once resolved."
    )

    class Meta(ComplaintSerializer.Meta):
        fields = [*ComplaintSerializer.Meta.fields, "provider", "staff", "customer_contact", "sla_state"]
        read_only_fields = fields

    def get_customer_contact(self, complaint) -> str:
        return booking_selectors.masked_contact(complaint.booking)

    def get_sla_state(self, complaint) -> str:
        return selectors.sla_state(complaint)


class ProviderComplaintDetailSerializer(ProviderComplaintSerializer, ComplaintDetailSerializer):
    class Meta(ComplaintDetailSerializer.Meta):
        fields = [
            *ComplaintDetailSerializer.Meta.fields,
            "provider",
            "staff",
            "customer_contact",
            "sla_state",
        ]
        read_only_fields = fields


class OwnBookingField(IdField):
    """One of the caller's orders; another's, or none, is a 400 naming the field."""

    def get_queryset(self):
        return booking_selectors.customer_bookings(self.context["request"].user)


class ComplaintCreateSerializer(serializers.Serializer):
    booking = OwnBookingField(help_text="Id of one of the caller's orders.")
    category = serializers.ChoiceField(choices=Complaint.Category.choices)
    description = TextField(max_length=2000, help_text="What happened.")


class ReopenSerializer(serializers.Serializer):
    reason = TextField(max_length=2000, help_text="What is still wrong.")


def _own_complaint(request, pk) -> Complaint:
    return get_object_or_404(selectors.customer_complaints(request.user), pk=pk)


def _complaint_response(request, complaint, status_code=status.HTTP_200_OK) -> Response:
    complaint = selectors.customer_complaints(request.user).get(pk=complaint.pk)
    return Response(
        ComplaintDetailSerializer(complaint, context={"request": request}).data, status=status_code
    )


class ComplaintListView(JsonBody, generics.ListAPIView):
    """The caller's complaints, newest first; and filing one."""

    serializer_class = ComplaintSerializer
    pagination_class = Pages

    def get_queryset(self):
        return selectors.customer_complaints(self.request.user)

    @extend_schema(summary="My complaints")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=ComplaintCreateSerializer,
        responses={201: ComplaintDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Complain about an order",
        description=(
            "On a paid order, for the days after the service the site allows (`wrong_status`, "
            "`window_closed`, 409); one open complaint per order (`duplicate`, 409). Evidence is added with "
            "`…/evidence/`. The platform acknowledges and resolves it within the time limits shown in `due`."
        ),
    )
    @idempotent
    def post(self, request):
        data = ComplaintCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        complaint = services.file_complaint(
            values["booking"],
            customer=request.user,
            category=values["category"],
            description=values["description"],
        )
        return _complaint_response(request, complaint, status.HTTP_201_CREATED)


class ComplaintDetailView(APIView):
    @extend_schema(responses=ComplaintDetailSerializer, summary="One of my complaints")
    def get(self, request, pk):
        return _complaint_response(request, _own_complaint(request, pk))


class ComplaintConfirmView(JsonBody, APIView):
    @extend_schema(
        request=None,
        responses=ComplaintDetailSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Accept the resolution and close my complaint",
        description="Only once it is resolved (`wrong_status`, 409).",
    )
    @idempotent
    def post(self, request, pk):
        complaint = services.confirm_resolution(_own_complaint(request, pk), customer=request.user)
        return _complaint_response(request, complaint)


class ComplaintReopenView(JsonBody, APIView):
    @extend_schema(
        request=ReopenSerializer,
        responses=ComplaintDetailSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Reopen my complaint: the resolution did not settle it",
        description="Only once it is resolved (`wrong_status`, 409); the platform gets a new time to resolve it.",
    )
    @idempotent
    def post(self, request, pk):
        complaint = _own_complaint(request, pk)
        data = ReopenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.reopen_complaint(complaint, customer=request.user, reason=data.validated_data["reason"])
        return _complaint_response(request, complaint)


class ComplaintEvidenceView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": FilesSerializer},
        responses={201: ComplaintDetailSerializer},
        summary="Add evidence to my complaint",
        description=(
            "Each file must really be a PDF, JPEG or PNG (400 otherwise); until the complaint is closed "
            "(`wrong_status`, 409)."
        ),
    )
    def post(self, request, pk):
        complaint = _own_complaint(request, pk)
        data = FilesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.add_case_evidence(complaint, customer=request.user, files=data.validated_data["files"])
        return _complaint_response(request, complaint, status.HTTP_201_CREATED)


# Compensation claims ---------------------------------------------------------------------------------------

MONEY = {"max_digits": 10, "decimal_places": 2}


class ClaimSerializer(serializers.ModelSerializer):
    booking = OrderRefSerializer()
    reason = serializers.CharField(help_text=f"{_values(CompensationClaim.Reason.choices)}.")
    reason_display = serializers.CharField(source="get_reason_display")
    status = serializers.CharField(help_text=f"{_values(CompensationClaim.Status.choices)}.")
    status_display = serializers.CharField(source="get_status_display")
    amount_claimed = serializers.DecimalField(**MONEY, help_text="Yuan.")
    amount_approved = serializers.DecimalField(**MONEY, allow_null=True, help_text="Yuan, once decided.")
    refunded_amount = serializers.DecimalField(**MONEY, help_text="Paid back on the order (yuan).")
    transfer_amount = serializers.DecimalField(
        **MONEY, help_text="The rest of the approved amount, paid by bank transfer (yuan)."
    )

    class Meta:
        model = CompensationClaim
        fields = [
            "id",
            "booking",
            "reason",
            "reason_display",
            "description",
            "amount_claimed",
            "status",
            "status_display",
            "created_at",
            "decided_at",
            "decision_reason",
            "amount_approved",
            "refunded_amount",
            "transfer_amount",
            "transferred_at",
        ]
        read_only_fields = fields


class ClaimDetailSerializer(ClaimSerializer):
    evidence = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "evidence"]
        read_only_fields = fields

    @extend_schema_field(EvidenceSerializer(many=True))
    def get_evidence(self, claim):
        return EvidenceSerializer(selectors.case_evidence(claim), many=True, context=self.context).data


class ClaimCreateSerializer(serializers.Serializer):
    booking = OwnBookingField(help_text="Id of one of the caller's orders.")
    reason = serializers.ChoiceField(choices=CompensationClaim.Reason.choices)
    description = TextField(max_length=2000, help_text="What happened.")
    amount = PatternField(
        YUAN_PATTERN,
        error_messages={"invalid": gettext_lazy("Enter the amount in yuan, e.g. 120.00.")},
        help_text=f'Yuan, e.g. "120.00": more than 0, at most {services.MAX_CLAIM_YUAN}.',
    )

    def validate_amount(self, value):
        amount = Decimal(value)
        if not Decimal("0") < amount <= services.MAX_CLAIM_YUAN:
            raise serializers.ValidationError(
                _("Enter an amount above 0 and at most %(limit)s yuan.") % {"limit": services.MAX_CLAIM_YUAN}
            )
        return amount


def _own_claim(request, pk) -> CompensationClaim:
    return get_object_or_404(selectors.customer_claims(request.user), pk=pk)


def _claim_response(request, claim, status_code=status.HTTP_200_OK) -> Response:
    claim = selectors.customer_claims(request.user).get(pk=claim.pk)
    return Response(ClaimDetailSerializer(claim, context={"request": request}).data, status=status_code)


class ClaimListView(JsonBody, generics.ListAPIView):
    """The caller's compensation claims, newest first; and filing one."""

    serializer_class = ClaimSerializer
    pagination_class = Pages

    def get_queryset(self):
        return selectors.customer_claims(self.request.user).order_by("-created_at", "-pk")

    @extend_schema(summary="My compensation claims")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=ClaimCreateSerializer,
        responses={201: ClaimDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Claim compensation on an order",
        description=(
            "Under the platform's compensation guarantee: the platform pays first and recovers from the "
            "provider. On a paid order, for the days after the service the site allows (`wrong_status`, "
            "`window_closed`, 409); one claim per order (`duplicate`, 409). Evidence is added with "
            "`…/evidence/`."
        ),
    )
    @idempotent
    def post(self, request):
        data = ClaimCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        claim = services.file_claim(
            values["booking"],
            customer=request.user,
            reason=values["reason"],
            description=values["description"],
            amount=values["amount"],
        )
        return _claim_response(request, claim, status.HTTP_201_CREATED)


class ClaimDetailView(APIView):
    @extend_schema(responses=ClaimDetailSerializer, summary="One of my compensation claims")
    def get(self, request, pk):
        return _claim_response(request, _own_claim(request, pk))


class ClaimEvidenceView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": FilesSerializer},
        responses={201: ClaimDetailSerializer},
        summary="Add evidence to my compensation claim",
        description=(
            "Each file must really be a PDF, JPEG or PNG (400 otherwise); until the claim is decided "
            "(`wrong_status`, 409)."
        ),
    )
    def post(self, request, pk):
        claim = _own_claim(request, pk)
        data = FilesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.add_case_evidence(claim, customer=request.user, files=data.validated_data["files"])
        return _claim_response(request, claim, status.HTTP_201_CREATED)


# Files: review photos and evidence -------------------------------------------------------------------------


class EvidenceFileView(FileView):
    renderer_classes = [JSONRenderer, PdfRenderer, JpegRenderer, PngRenderer]

    @extend_schema(
        responses=file_responses(services.EVIDENCE_EXTENSIONS, "The file, in the type it was uploaded as."),
        parameters=[NO_FORMAT],
        summary="A complaint's or claim's evidence file",
        description=(
            "For the case's customer, the provider's administrators and dispatchers, and operators; 404 for "
            "anyone else, as for a file that does not exist. Each opening is logged as an access to personal "
            "data."
        ),
        operation_id="evidence_retrieve",
    )
    def get(self, request, pk):
        item = get_object_or_404(
            Evidence.objects.select_related("complaint__provider", "claim__provider"), pk=pk
        )
        if not permissions.can_see_evidence(request.user, item):
            raise exceptions.NotFound()
        record_personal_data_access(
            actor=request.user,
            subject=item,
            fields=["file"],
            purpose="complaint evidence (API)" if item.complaint_id else "compensation claim evidence (API)",
        )
        return FileResponse(
            item.file.open("rb"), content_type=item.content_type, filename=os.path.basename(item.file.name)
        )


class ReviewPhotoFileView(FileView):
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer, JpegRenderer, PngRenderer]

    @extend_schema(
        responses=file_responses(
            [media_type for media_type, _extension in services.PHOTO_TYPES.values()],
            "The image, in the type it was uploaded as.",
        ),
        parameters=[NO_FORMAT],
        summary="A review's photo",
        description=(
            "Anyone may open a visible review's photos; a hidden review's, only its customer, the provider's "
            "administrators and dispatchers, and operators (404 for anyone else)."
        ),
        operation_id="review_photos_retrieve",
    )
    def get(self, request, pk):
        photo = get_object_or_404(ReviewPhoto.objects.select_related("review__provider"), pk=pk)
        if not permissions.can_see_review(request.user, photo.review):
            raise exceptions.NotFound()
        return FileResponse(photo.file.open("rb"), content_type=photo.content_type)


# Feedback --------------------------------------------------------------------------------------------------


class FeedbackSerializer(serializers.ModelSerializer):
    category = serializers.CharField(help_text=f"{_values(Feedback.Category.choices)}.")
    category_display = serializers.CharField(source="get_category_display")

    class Meta:
        model = Feedback
        fields = ["id", "category", "category_display", "text", "created_at", "answer", "answered_at"]
        read_only_fields = fields


class FeedbackCreateSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Feedback.Category.choices)
    text = TextField(max_length=2000)


class FeedbackListView(JsonBody, generics.ListAPIView):
    """What the caller told the platform, newest first, with the platform's answers; and sending more."""

    serializer_class = FeedbackSerializer
    pagination_class = Pages

    def get_queryset(self):
        return selectors.user_feedback(self.request.user)

    @extend_schema(summary="My feedback")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=FeedbackCreateSerializer,
        responses={201: FeedbackSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Send feedback about the platform",
        description=f"At most {services.FEEDBACK_PER_DAY} in a day (`throttled`, 429).",
    )
    @idempotent
    def post(self, request):
        data = FeedbackCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feedback = services.send_feedback(user=request.user, **data.validated_data)
        return Response(FeedbackSerializer(feedback).data, status=status.HTTP_201_CREATED)


# Notifications ---------------------------------------------------------------------------------------------


class NotificationSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text=f"{_values(Notification.Kind.choices)}.")
    title = serializers.CharField(source="get_kind_display", help_text="In the caller's language.")
    message = serializers.SerializerMethodField(help_text="In the caller's language.")
    values = serializers.DictField(help_text="What the message is made of: order number, complaint id…")

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "message", "values", "created_at", "read_at"]
        read_only_fields = fields

    def get_message(self, notification) -> str:
        return selectors.notification_message(notification)


class MarkedReadSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many were unread.")


class NotificationListView(generics.ListAPIView):
    """The caller's notifications, newest first."""

    serializer_class = NotificationSerializer
    pagination_class = Pages

    def get_queryset(self):
        return selectors.user_notifications(self.request.user)

    @extend_schema(summary="My notifications")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class NotificationsReadView(JsonBody, APIView):
    @extend_schema(request=None, responses=MarkedReadSerializer, summary="Mark all my notifications read")
    def post(self, request):
        return Response({"count": services.mark_notifications_read(request.user)})


# The provider's reviews and complaints ---------------------------------------------------------------------


def _answering_providers(request):
    """The providers the caller administers or dispatches for; anyone else is refused with 403."""
    providers = provider_permissions.managed_providers(request.user)
    if not providers.exists():
        raise exceptions.PermissionDenied()
    return providers


class ProviderFilterSerializer(serializers.Serializer):
    provider = IdField(
        queryset=Provider.objects.none(),
        required=False,
        help_text="Only this provider's (one the caller administers or dispatches for).",
    )

    def __init__(self, *args, providers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if providers is not None:
            self.fields["provider"].queryset = providers


class ProviderReviewFilterSerializer(ProviderFilterSerializer):
    replied = QueryBooleanField(required=False, help_text="true: replied to; false: waiting for a reply.")


class ProviderComplaintFilterSerializer(ProviderFilterSerializer):
    status = serializers.ChoiceField(choices=Complaint.Status.choices, required=False)


def _filtered(request, filter_class, providers):
    query = filter_class(data=query_data(request), providers=providers)
    query.is_valid(raise_exception=True)
    filters = dict(query.validated_data)
    provider = filters.pop("provider", None)
    return ([provider] if provider else providers), filters


class ReplySerializer(serializers.Serializer):
    text = TextField(max_length=1000, help_text="Public, under the review.")


class RespondSerializer(serializers.Serializer):
    text = TextField(max_length=2000, help_text="The provider's side; seen by the customer and the platform.")


class ProviderReviewListView(generics.ListAPIView):
    """Reviews of the providers the caller administers or dispatches for, newest first, hidden ones too."""

    serializer_class = ProviderReviewSerializer
    pagination_class = Pages
    queryset = Review.objects.none()

    @extend_schema(parameters=[ProviderReviewFilterSerializer], summary="My providers' reviews")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        providers, filters = _filtered(request, ProviderReviewFilterSerializer, _answering_providers(request))
        reviews = selectors.provider_reviews(providers)
        if "replied" in filters:
            reviews = reviews.filter(replied_at__isnull=not filters["replied"])
        page = self.paginate_queryset(reviews)
        booking_selectors.attach_service_titles(page)
        data = ProviderReviewSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)


class ProviderReviewReplyView(JsonBody, APIView):
    @extend_schema(
        request=ReplySerializer,
        responses=ProviderReviewSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Reply to a review, once",
        description="One public reply per review (`duplicate`, 409).",
    )
    @idempotent
    def post(self, request, pk):
        providers = _answering_providers(request)
        review = get_object_or_404(selectors.provider_reviews(providers), pk=pk)
        data = ReplySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.reply_to_review(review, actor=request.user, text=data.validated_data["text"])
        review = selectors.provider_reviews(providers).get(pk=review.pk)
        booking_selectors.attach_service_titles([review])
        return Response(ProviderReviewSerializer(review, context={"request": request}).data)


class ProviderComplaintListView(generics.ListAPIView):
    """Complaints about the providers the caller administers or dispatches for, newest first."""

    serializer_class = ProviderComplaintSerializer
    pagination_class = Pages
    queryset = Complaint.objects.none()

    @extend_schema(parameters=[ProviderComplaintFilterSerializer], summary="Complaints about my providers")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        providers, filters = _filtered(
            request, ProviderComplaintFilterSerializer, _answering_providers(request)
        )
        complaints = selectors.provider_complaints(providers)
        if filters.get("status"):
            complaints = complaints.filter(status=filters["status"])
        page = self.paginate_queryset(complaints)
        return self.get_paginated_response(ProviderComplaintSerializer(page, many=True).data)


def _provider_complaint_response(request, providers, complaint) -> Response:
    complaint = selectors.provider_complaints(providers).get(pk=complaint.pk)
    return Response(ProviderComplaintDetailSerializer(complaint, context={"request": request}).data)


class ProviderComplaintDetailView(APIView):
    @extend_schema(responses=ProviderComplaintDetailSerializer, summary="A complaint about my provider")
    def get(self, request, pk):
        providers = _answering_providers(request)
        return _provider_complaint_response(
            request, providers, get_object_or_404(selectors.provider_complaints(providers), pk=pk)
        )


class ProviderComplaintRespondView(JsonBody, APIView):
    @extend_schema(
        request=RespondSerializer,
        responses=ProviderComplaintDetailSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Give the provider's side of a complaint",
        description="Until the complaint is resolved (`wrong_status`, 409); a later response replaces it.",
    )
    @idempotent
    def post(self, request, pk):
        providers = _answering_providers(request)
        complaint = get_object_or_404(selectors.provider_complaints(providers), pk=pk)
        data = RespondSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.respond_as_provider(complaint, actor=request.user, text=data.validated_data["text"])
        return _provider_complaint_response(request, providers, complaint)


urlpatterns = [
    path("bookings/<int:pk>/review/", BookingReviewView.as_view(), name="booking-review"),
    path("bookings/<int:pk>/review/photos/", ReviewPhotosView.as_view(), name="booking-review-photos"),
    path("me/reviews/", MyReviewListView.as_view(), name="my-reviews"),
    path("services/<int:pk>/reviews/", ServiceReviewListView.as_view(), name="service-reviews"),
    path(
        "providers/<int:pk>/reviews/", ProviderPublicReviewListView.as_view(), name="provider-public-reviews"
    ),
    path("complaints/", ComplaintListView.as_view(), name="complaints"),
    path("complaints/<int:pk>/", ComplaintDetailView.as_view(), name="complaint"),
    path("complaints/<int:pk>/confirm/", ComplaintConfirmView.as_view(), name="complaint-confirm"),
    path("complaints/<int:pk>/reopen/", ComplaintReopenView.as_view(), name="complaint-reopen"),
    path("complaints/<int:pk>/evidence/", ComplaintEvidenceView.as_view(), name="complaint-evidence"),
    path("claims/", ClaimListView.as_view(), name="claims"),
    path("claims/<int:pk>/", ClaimDetailView.as_view(), name="claim"),
    path("claims/<int:pk>/evidence/", ClaimEvidenceView.as_view(), name="claim-evidence"),
    path("evidence/<int:pk>/", EvidenceFileView.as_view(), name="evidence"),
    path("review-photos/<int:pk>/", ReviewPhotoFileView.as_view(), name="review-photo"),
    path("feedback/", FeedbackListView.as_view(), name="feedback"),
    path("notifications/", NotificationListView.as_view(), name="notifications"),
    path("notifications/read/", NotificationsReadView.as_view(), name="notifications-read"),
    path("provider/reviews/", ProviderReviewListView.as_view(), name="provider-reviews"),
    path("provider/reviews/<int:pk>/reply/", ProviderReviewReplyView.as_view(), name="provider-review-reply"),
    path("provider/complaints/", ProviderComplaintListView.as_view(), name="provider-complaints"),
    path("provider/complaints/<int:pk>/", ProviderComplaintDetailView.as_view(), name="provider-complaint"),
    path(
        "provider/complaints/<int:pk>/respond/",
        ProviderComplaintRespondView.as_view(),
        name="provider-complaint-respond",
    ),
]
