"""The booking part of the API under /api/v1/: serializers and views calling the same services and selectors as
the portal.

Customers: free times of a service, their addresses, their orders (book, follow, change, cancel, receipt).
Staff: their own tasks and moving them along. Provider administrators and dispatchers: their providers'
orders and reassignment. What an order's payment looks like comes from the payments app through
``signals.payment_summaries_requested``, so that booking never imports payments.
"""

import re
from datetime import timedelta

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api import phone_field
from api import patterns
from api.fields import IdField, PatternField, TextField
from api.files import NO_FORMAT, FileView, PdfRenderer, file_responses
from api.idempotency import HEADER as IDEMPOTENCY_HEADER
from api.idempotency import MAX_KEY_LENGTH, idempotent
from api.pagination import Pages
from api.query import QueryBooleanField, query_data
from api.views import JsonBody
from cms.models import DISTRICT_CODE_PATTERN, District, ServicePage
from providers import permissions
from providers.models import Provider, Staff

from . import dispatch, selectors, services
from .errors import BookingError
from .forms import ADDRESS_DETAIL_MAX_LENGTH, ADDRESS_DETAIL_MIN_LENGTH, CONTACT_NAME_MAX_LENGTH, AddressForm
from .invoicing import invoice_pdf
from .models import ACTIVE_STATUSES, Address, Booking, Invoice
from .signals import payment_summaries_requested

NO_PAYMENT = {
    "state": "unpaid",
    "amount": "0.00",
    "refunded": "0.00",
    "channel": None,
    "paid_at": None,
    "refunds": [],
}

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    {"type": "string", "maxLength": MAX_KEY_LENGTH},
    OpenApiParameter.HEADER,
    description=(
        "Optional. A retry with the same key and body gets the original answer and changes nothing more; "
        "the same key with another body gets 422."
    ),
)


def payment_summaries(bookings) -> dict:
    summaries = {}
    if bookings:
        for _receiver, answer in payment_summaries_requested.send(sender=Booking, bookings=list(bookings)):
            summaries.update(answer or {})
    return summaries


def _form_errors(form) -> dict:
    errors = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
    if "__all__" in errors:
        errors["non_field_errors"] = errors.pop("__all__")
    return errors


def _own_address(customer, address_id) -> Address:
    """The address to book at; whether it is the customer's own is the booking services' rule."""
    address = Address.objects.filter(pk=address_id).select_related("district").first()
    if address is None:
        raise BookingError(_("Choose one of your own addresses."), code="invalid_address")
    return address


# The address form's rule for `detail`: at least ADDRESS_DETAIL_MIN_LENGTH characters once trimmed.
FULL_ADDRESS = patterns.Rule(
    patterns.at_least(ADDRESS_DETAIL_MIN_LENGTH),
    lambda detail: len(detail.strip()) >= ADDRESS_DETAIL_MIN_LENGTH,
    message=gettext_lazy("Give the full address down to the house number."),
)


# Shared pieces ---------------------------------------------------------------------------------------------


class BookingDistrictSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="GB/T 2260 code.")
    name = serializers.CharField()


class BookedServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="service_id")
    title = serializers.CharField(source="service_title", help_text="In the caller's language.")


class BookingProviderSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()


class BookingStaffSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField(source="real_name")


class RefundSummarySerializer(serializers.Serializer):
    out_refund_no = serializers.CharField()
    amount = serializers.DecimalField(max_digits=10, decimal_places=2)
    status = serializers.CharField(help_text="pending, succeeded or failed.")
    status_display = serializers.CharField()
    kind = serializers.CharField(help_text="cancellation, unwanted, compensation or goodwill.")
    kind_display = serializers.CharField()
    requested_at = serializers.DateTimeField()
    refunded_at = serializers.DateTimeField(allow_null=True)


class PaymentSummarySerializer(serializers.Serializer):
    state = serializers.ChoiceField(
        choices=["unpaid", "paid", "refunded", "partially_refunded"],
        help_text=(
            "refunded / partially_refunded: all or part of what was paid is refunded or being refunded "
            "(see each refund's status)."
        ),
    )
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, help_text="What was paid (yuan).")
    refunded = serializers.DecimalField(
        max_digits=10, decimal_places=2, help_text="Refunded or being refunded (yuan)."
    )
    channel = serializers.CharField(allow_null=True)
    paid_at = serializers.DateTimeField(allow_null=True)
    refunds = RefundSummarySerializer(many=True)


# Availability ----------------------------------------------------------------------------------------------


@extend_schema_field({"type": "string", "pattern": patterns.ecma(DISTRICT_CODE_PATTERN)})
class DistrictCodeField(serializers.SlugRelatedField):
    """A district by its GB/T 2260 code. A value that is not six digits names no district and is refused
    without asking the database (which could not even take some values, such as a NUL character)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not re.match(DISTRICT_CODE_PATTERN, data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


class AvailabilityQuerySerializer(serializers.Serializer):
    date = serializers.DateField(help_text="A day in Asia/Shanghai, YYYY-MM-DD.")
    district = DistrictCodeField(
        queryset=District.objects.none(),
        help_text="GB/T 2260 code of a district the service is offered in; another one is refused (400).",
    )
    staff = IdField(
        queryset=Staff.objects.none(),
        required=False,
        help_text="Signed-in customers: only the times of a staff member who served them before.",
    )

    def __init__(self, *args, service=None, customer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if service is not None:
            self.fields["district"].queryset = selectors.bookable_districts(service)
        if customer is not None and customer.is_authenticated:
            self.fields["staff"].queryset = selectors.staff_who_served(customer)


class AvailableSlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField(help_text="When the job ends (travel time not included).")


class AvailableServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text="In the caller's language.")


class ServiceAvailabilitySerializer(serializers.Serializer):
    date = serializers.DateField()
    district = BookingDistrictSerializer()
    service = AvailableServiceSerializer()
    duration_minutes = serializers.IntegerField()
    slots = AvailableSlotSerializer(many=True)


class ServiceAvailabilityView(APIView):
    """Free start times of a service on a day in a district; no staff member is named."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[AvailabilityQuerySerializer],
        responses={200: ServiceAvailabilitySerializer},
        auth=[],
        summary="Free start times of a service",
    )
    def get(self, request, pk):
        service = selectors.live_service(pk)
        if service is None:
            raise exceptions.NotFound()
        query = AvailabilityQuerySerializer(data=query_data(request), service=service, customer=request.user)
        query.is_valid(raise_exception=True)
        day, district = query.validated_data["date"], query.validated_data["district"]
        staff = query.validated_data.get("staff")
        source = selectors.source_service(service)
        duration = timedelta(minutes=source.duration_minutes)
        slots = selectors.available_slots(
            service, district, day, only_staff={staff.pk} if staff is not None else None
        )
        return Response(
            {
                "date": day.isoformat(),
                "district": BookingDistrictSerializer(district).data,
                "service": {"id": service.pk, "title": service.localized.title},
                "duration_minutes": source.duration_minutes,
                "slots": AvailableSlotSerializer(
                    [{"start": slot.start, "end": slot.start + duration} for slot in slots], many=True
                ).data,
            }
        )


# Addresses -------------------------------------------------------------------------------------------------


class CustomerAddressSerializer(serializers.ModelSerializer):
    """The caller's own address, in full."""

    district = BookingDistrictSerializer()

    class Meta:
        model = Address
        fields = ["id", "district", "detail", "landmark", "contact_name", "contact_phone", "created_at"]
        read_only_fields = fields


class CustomerAddressInputSerializer(serializers.Serializer):
    """Checked by the portal's AddressForm, so that the same rules apply (a mainland mobile number…)."""

    district = PatternField(
        DISTRICT_CODE_PATTERN,
        error_messages={"invalid": gettext_lazy("A district code has 6 digits, e.g. 370811.")},
        help_text="GB/T 2260 code of a district of a launched city (see /districts/).",
    )
    detail = TextField(
        max_length=ADDRESS_DETAIL_MAX_LENGTH,
        validators=[FULL_ADDRESS],
        help_text="Street, building, unit and house number: at least 5 characters.",
    )
    landmark = TextField(required=False, allow_blank=True, default="")
    contact_name = TextField(max_length=CONTACT_NAME_MAX_LENGTH)
    contact_phone = phone_field(help_text="A mainland mobile number, written as for sign-up.")

    @staticmethod
    def address_form(data) -> AddressForm:
        form = AddressForm(data=data)
        form.fields["district"].to_field_name = "code"
        return form

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            if not isinstance(error.detail, dict) or not hasattr(data, "get"):
                raise
            # One answer names every field to correct: the form's verdict on the others too.
            form = self.address_form({name: data.get(name) for name in self.fields if name in data})
            form.is_valid()
            raise serializers.ValidationError({**_form_errors(form), **error.detail}) from None

    def validate(self, attrs):
        form = self.address_form(attrs)
        if not form.is_valid():
            raise serializers.ValidationError(_form_errors(form))
        attrs["form"] = form
        return attrs


class AddressListView(JsonBody, generics.ListAPIView):
    """The caller's saved addresses (in full: they are the caller's own) and adding one."""

    serializer_class = CustomerAddressSerializer
    pagination_class = Pages

    def get_queryset(self):
        return (
            Address.objects.filter(customer=self.request.user)
            .select_related("district")
            .order_by("-created_at", "-pk")
        )

    @extend_schema(summary="My addresses")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=CustomerAddressInputSerializer,
        responses={201: CustomerAddressSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Add an address",
    )
    @idempotent
    def post(self, request):
        data = CustomerAddressInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        address = data.validated_data["form"].save(commit=False)
        address.customer = request.user
        address.save()
        return Response(CustomerAddressSerializer(address).data, status=status.HTTP_201_CREATED)


# Bookings --------------------------------------------------------------------------------------------------


class BookingAddressSerializer(serializers.Serializer):
    district = BookingDistrictSerializer()
    detail = serializers.CharField(source="address_detail")
    landmark = serializers.CharField(source="address_landmark")
    contact_name = serializers.CharField()
    contact_phone = serializers.CharField()


class BookingEventSerializer(serializers.Serializer):
    action = serializers.CharField()
    label = serializers.SerializerMethodField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    reason = serializers.CharField(source="reason_display")
    created_at = serializers.DateTimeField()

    def get_label(self, event) -> str:
        return str(selectors.event_label(event))


class OrderFieldsSerializer(serializers.ModelSerializer):
    """What every order resource shows, whoever reads it."""

    status_display = serializers.CharField(source="get_status_display")
    service = BookedServiceSerializer(source="*")
    district = BookingDistrictSerializer()
    staff = BookingStaffSerializer()
    provider = BookingProviderSerializer()
    price = serializers.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        model = Booking
        fields = [
            "id",
            "number",
            "status",
            "status_display",
            "service",
            "start",
            "end",
            "district",
            "staff",
            "provider",
            "price",
        ]


class BookingSerializer(OrderFieldsSerializer):
    """An order as its customer sees it in a list."""

    payment = serializers.SerializerMethodField()

    class Meta(OrderFieldsSerializer.Meta):
        fields = [
            *OrderFieldsSerializer.Meta.fields,
            "pay_by",
            "needs_reassignment",
            "payment",
        ]
        read_only_fields = fields

    @extend_schema_field(PaymentSummarySerializer)
    def get_payment(self, booking):
        summary = self.context.get("payments", {}).get(booking.pk, NO_PAYMENT)
        return PaymentSummarySerializer(summary).data


class BookingDetailSerializer(BookingSerializer):
    """One order of the customer, with what they may still do with it and its timeline."""

    address = BookingAddressSerializer(source="*")
    cancellation_fee = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        allow_null=True,
        help_text="What a cancellation cost (set once cancelled by the customer).",
    )
    free_change_until = serializers.SerializerMethodField()
    can_change = serializers.SerializerMethodField()
    can_cancel = serializers.SerializerMethodField()
    cancellation_fee_now = serializers.SerializerMethodField()
    has_invoice = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()

    class Meta(BookingSerializer.Meta):
        fields = [
            *BookingSerializer.Meta.fields,
            "address",
            "notes",
            "cancellation_fee",
            "free_change_until",
            "can_change",
            "can_cancel",
            "cancellation_fee_now",
            "has_invoice",
            "events",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.DateTimeField())
    def get_free_change_until(self, booking):
        return serializers.DateTimeField().to_representation(services.free_change_deadline(booking))

    def get_can_change(self, booking) -> bool:
        return services.customer_can_change(booking)

    def get_can_cancel(self, booking) -> bool:
        return services.customer_can_cancel(booking)

    @extend_schema_field(serializers.DecimalField(max_digits=10, decimal_places=2))
    def get_cancellation_fee_now(self, booking):
        fee = services.customer_cancellation_fee(booking)
        return serializers.DecimalField(max_digits=10, decimal_places=2).to_representation(fee)

    def get_has_invoice(self, booking) -> bool:
        return Invoice.objects.filter(booking=booking).exists()

    @extend_schema_field(BookingEventSerializer(many=True))
    def get_events(self, booking):
        return BookingEventSerializer(selectors.timeline(booking), many=True).data


class BookingCreateSerializer(serializers.Serializer):
    service = IdField(
        queryset=ServicePage.objects.live(),
        help_text="Service page id, either language.",
    )
    start = serializers.DateTimeField(help_text="One of the free start times, ISO 8601.")
    address = serializers.IntegerField(min_value=1, help_text="Id of one of the caller's addresses.")
    notes = TextField(required=False, allow_blank=True, max_length=1000, default="")
    staff = IdField(
        queryset=Staff.objects.none(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Book again a staff member who served the caller before.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["staff"].queryset = selectors.staff_who_served(request.user)


class BookingChangeSerializer(serializers.Serializer):
    start = serializers.DateTimeField(required=False, help_text="One of the free start times, ISO 8601.")
    address = serializers.IntegerField(
        required=False, min_value=1, help_text="Id of one of the caller's addresses."
    )
    notes = TextField(required=False, allow_blank=True, max_length=1000)


class BookingCancelSerializer(serializers.Serializer):
    reason = TextField(required=False, allow_blank=True, max_length=500, default="")


def _detail_response(request, booking: Booking, status_code=status.HTTP_200_OK) -> Response:
    booking = selectors.customer_bookings(request.user).get(pk=booking.pk)
    selectors.attach_service_titles([booking])
    context = {"request": request, "payments": payment_summaries([booking])}
    return Response(BookingDetailSerializer(booking, context=context).data, status=status_code)


def _own_booking(request, pk) -> Booking:
    return get_object_or_404(selectors.customer_bookings(request.user), pk=pk)


class BookingListView(JsonBody, generics.ListAPIView):
    """The caller's own orders, newest first; and booking a service."""

    serializer_class = BookingSerializer
    pagination_class = Pages

    def get_queryset(self):
        return selectors.customer_bookings(self.request.user)

    @extend_schema(summary="My orders")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        selectors.attach_service_titles(page)
        context = {**self.get_serializer_context(), "payments": payment_summaries(page)}
        return self.get_paginated_response(BookingSerializer(page, many=True, context=context).data)

    @extend_schema(
        request=BookingCreateSerializer,
        responses={201: BookingDetailSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Book a service",
        description=(
            "Books the start time at the address and holds the staff member's time until `pay_by`. "
            "`slot_taken` (409) when someone was faster; `invalid_address` (400) for an address that is not "
            "the caller's; `staff_busy` (409) when the staff member asked for is not free."
        ),
    )
    @idempotent
    def post(self, request, *args, **kwargs):
        data = BookingCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        booking = services.create_booking(
            customer=request.user,
            service=values["service"],
            start=values["start"],
            address=_own_address(request.user, values["address"]),
            notes=values["notes"],
            staff=values["staff"],
        )
        return _detail_response(request, booking, status.HTTP_201_CREATED)


class BookingDetailView(JsonBody, APIView):
    @extend_schema(responses=BookingDetailSerializer, summary="One of my orders")
    def get(self, request, pk):
        booking = _own_booking(request, pk)
        if booking.status == Booking.Status.PENDING:
            services.expire_unpaid(booking)
        return _detail_response(request, booking)

    @extend_schema(
        request=BookingChangeSerializer,
        responses=BookingDetailSerializer,
        summary="Change the time, address or notes",
        description="Before the category's free-change deadline only; later: `policy_violation` (409).",
    )
    def patch(self, request, pk):
        booking = _own_booking(request, pk)
        data = BookingChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        services.change_by_customer(
            booking,
            customer=request.user,
            start=values.get("start"),
            address=_own_address(request.user, values["address"]) if "address" in values else None,
            notes=values.get("notes"),
        )
        return _detail_response(request, booking)


class BookingCancelView(JsonBody, APIView):
    @extend_schema(
        request=BookingCancelSerializer,
        responses=BookingDetailSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Cancel one of my orders",
        description=(
            "Free before the policy's deadline, with the category's fee after it; what was paid less the fee "
            "is refunded (see `payment.refunds`)."
        ),
    )
    @idempotent
    def post(self, request, pk):
        booking = _own_booking(request, pk)
        data = BookingCancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.cancel_by_customer(booking, customer=request.user, reason=data.validated_data["reason"])
        return _detail_response(request, booking)


class InvoicePdfView(FileView):
    renderer_classes = [JSONRenderer, PdfRenderer]

    @extend_schema(
        responses=file_responses(["application/pdf"], "The receipt."),
        parameters=[NO_FORMAT],
        summary="The receipt of a completed order (PDF)",
        operation_id="bookings_invoice_pdf_retrieve",
    )
    def get(self, request, pk):
        booking = _own_booking(request, pk)
        invoice = Invoice.objects.filter(booking=booking).first()
        if invoice is None:
            raise exceptions.NotFound(code="no_invoice")
        response = HttpResponse(invoice_pdf(invoice), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{invoice.number}.pdf"'
        return response


# Staff's tasks ---------------------------------------------------------------------------------------------


class TaskDetailsSerializer(serializers.Serializer):
    detail = serializers.CharField(source="address_detail")
    landmark = serializers.CharField(source="address_landmark")
    contact_name = serializers.CharField()
    contact_phone = serializers.CharField()
    notes = serializers.CharField()


class StaffTaskSerializer(serializers.ModelSerializer):
    """A task: the full address, contact and notes only in ``details`` and only from ``details_from``."""

    status_display = serializers.CharField(source="get_status_display")
    service = BookedServiceSerializer(source="*")
    district = BookingDistrictSerializer()
    details_visible = serializers.SerializerMethodField()
    details_from = serializers.SerializerMethodField()
    masked_contact = serializers.SerializerMethodField()
    details = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()

    class Meta:
        model = Booking
        fields = [
            "id",
            "number",
            "status",
            "status_display",
            "service",
            "start",
            "end",
            "district",
            "details_visible",
            "details_from",
            "masked_contact",
            "details",
            "actions",
        ]
        read_only_fields = fields

    def get_details_visible(self, booking) -> bool:
        return booking.pk in self.context["visible"]

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_details_from(self, booking):
        if booking.status not in ACTIVE_STATUSES:
            return None
        return serializers.DateTimeField().to_representation(selectors.task_details_from(booking))

    def get_masked_contact(self, booking) -> str:
        return selectors.masked_contact(booking)

    @extend_schema_field(TaskDetailsSerializer(allow_null=True))
    def get_details(self, booking):
        if booking.pk not in self.context["visible"]:
            return None
        return TaskDetailsSerializer(booking).data

    @extend_schema_field(
        serializers.ListField(
            child=serializers.CharField(),
            help_text="Moves possible now, for transition: set_off, start, complete, no_show.",
        )
    )
    def get_actions(self, booking):
        return services.staff_task_actions(booking, self.context["staff"], self.context["now"])


class TaskTransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=services.STAFF_TASK_ACTIONS)
    reason = TextField(
        required=False,
        allow_blank=True,
        max_length=500,
        default="",
        help_text="Needed for no_show: the customer sees it.",
    )


def _acting_staff(request) -> Staff:
    staff = permissions.staff_profile(request.user)
    if staff is None or not permissions.can_act_as_staff(request.user, staff):
        raise exceptions.PermissionDenied()
    return staff


def _task_data(request, staff, bookings, now) -> list:
    """Reveal (and log) the details the staff member may see now, and nothing else."""
    selectors.attach_service_titles(bookings)
    visible = {
        booking.pk
        for booking in bookings
        if services.reveal_task_details(
            booking, staff=staff, viewer=request.user, now=now, purpose="staff task (API)"
        )
    }
    context = {"request": request, "staff": staff, "now": now, "visible": visible}
    return StaffTaskSerializer(bookings, many=True, context=context).data


class StaffTaskListView(generics.ListAPIView):
    """The caller's own tasks from today for a week. The customer's address, contact and notes show only
    from two hours before the start until the job is done; each showing is logged."""

    serializer_class = StaffTaskSerializer
    pagination_class = Pages

    @extend_schema(summary="My tasks (staff)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        staff = _acting_staff(request)
        now = timezone.now()
        page = self.paginate_queryset(selectors.staff_tasks(staff, now))
        return self.get_paginated_response(_task_data(request, staff, page, now))


class StaffTaskTransitionView(JsonBody, APIView):
    @extend_schema(
        request=TaskTransitionSerializer,
        responses=StaffTaskSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Move my task along",
        description=(
            "From two hours before the start (`too_early` before). `wrong_status` (409) when the task is not "
            "in a status the move starts from; `reason_required` (400) for no_show without a reason."
        ),
    )
    @idempotent
    def post(self, request, pk):
        staff = _acting_staff(request)
        booking = get_object_or_404(Booking, pk=pk, staff=staff)
        data = TaskTransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.move_task(
            booking,
            data.validated_data["action"],
            staff=staff,
            actor=request.user,
            reason=data.validated_data["reason"],
        )
        booking = Booking.objects.select_related("service", "district").get(pk=booking.pk)
        return Response(_task_data(request, staff, [booking], timezone.now())[0])


# The provider's orders -------------------------------------------------------------------------------------


class ProviderBookingFilterSerializer(serializers.Serializer):
    provider = IdField(
        queryset=Provider.objects.none(),
        required=False,
        help_text="Only this provider's orders (one the caller may dispatch).",
    )
    status = serializers.ChoiceField(choices=Booking.Status.choices, required=False)
    staff = IdField(
        queryset=Staff.objects.none(),
        required=False,
        help_text="Only the orders of this staff member (of the caller's providers).",
    )
    date_from = serializers.DateField(required=False, help_text="First day, Asia/Shanghai.")
    date_to = serializers.DateField(required=False, help_text="Last day, Asia/Shanghai.")
    needs_reassignment = QueryBooleanField(required=False, default=False)

    def __init__(self, *args, providers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if providers is not None:
            self.fields["provider"].queryset = providers
            self.fields["staff"].queryset = Staff.objects.filter(provider__in=providers)


class ProviderBookingSerializer(OrderFieldsSerializer):
    """An order as the provider's dispatchers see it: the customer's contact masked."""

    customer_contact = serializers.SerializerMethodField()

    class Meta(OrderFieldsSerializer.Meta):
        fields = [
            *OrderFieldsSerializer.Meta.fields,
            "customer_contact",
            "needs_reassignment",
            "created_at",
        ]
        read_only_fields = fields

    def get_customer_contact(self, booking) -> str:
        return selectors.masked_contact(booking)


class BookingAssignSerializer(serializers.Serializer):
    staff = IdField(
        queryset=Staff.objects.all(),
        help_text="A staff member of the order's provider.",
    )


def _dispatchable_providers(request):
    providers = permissions.managed_providers(request.user)
    if not providers.exists():
        raise exceptions.PermissionDenied()
    return providers


class ProviderBookingListView(generics.ListAPIView):
    """Orders of the providers the caller administers or dispatches for, newest start first."""

    serializer_class = ProviderBookingSerializer
    pagination_class = Pages

    @extend_schema(parameters=[ProviderBookingFilterSerializer], summary="My providers' orders")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        providers = _dispatchable_providers(request)
        query = ProviderBookingFilterSerializer(data=query_data(request), providers=providers)
        query.is_valid(raise_exception=True)
        filters = dict(query.validated_data)
        provider = filters.pop("provider", None)
        bookings = selectors.filter_bookings(
            selectors.provider_bookings([provider] if provider else providers), **filters
        )
        page = self.paginate_queryset(bookings)
        selectors.attach_service_titles(page)
        return self.get_paginated_response(ProviderBookingSerializer(page, many=True).data)


class ProviderBookingAssignView(JsonBody, APIView):
    @extend_schema(
        request=BookingAssignSerializer,
        responses=ProviderBookingSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        summary="Give an order to another staff member",
        description=(
            "Only staff of the order's provider (`other_provider`, 400), eligible (`not_eligible`), on shift "
            "(`off_shift`) and free (`staff_busy`, 409); only before the job starts (`wrong_status`, 409)."
        ),
    )
    @idempotent
    def post(self, request, pk):
        providers = _dispatchable_providers(request)
        booking = get_object_or_404(selectors.provider_bookings(providers), pk=pk)
        data = BookingAssignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        dispatch.reassign(booking, staff=data.validated_data["staff"], actor=request.user)
        booking = selectors.provider_bookings(providers).get(pk=booking.pk)
        selectors.attach_service_titles([booking])
        return Response(ProviderBookingSerializer(booking).data)


urlpatterns = [
    path("services/<int:pk>/availability/", ServiceAvailabilityView.as_view(), name="service-availability"),
    path("me/addresses/", AddressListView.as_view(), name="my-addresses"),
    path("bookings/", BookingListView.as_view(), name="bookings"),
    path("bookings/<int:pk>/", BookingDetailView.as_view(), name="booking"),
    path("bookings/<int:pk>/cancel/", BookingCancelView.as_view(), name="booking-cancel"),
    path("bookings/<int:pk>/invoice.pdf", InvoicePdfView.as_view(), name="booking-invoice"),
    path("staff/tasks/", StaffTaskListView.as_view(), name="staff-tasks"),
    path("staff/tasks/<int:pk>/transition/", StaffTaskTransitionView.as_view(), name="staff-task-transition"),
    path("provider/bookings/", ProviderBookingListView.as_view(), name="provider-bookings"),
    path(
        "provider/bookings/<int:pk>/assign/",
        ProviderBookingAssignView.as_view(),
        name="provider-booking-assign",
    ),
]
