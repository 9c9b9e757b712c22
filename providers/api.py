"""The providers part of the API under /api/v1/: serializers and views calling the same services and selectors as
the portal.

``/me/`` lives here rather than in accounts because a person's roles come from providers.permissions, and
accounts does not import providers."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api import UserSerializer
from api.errors import error_response
from api.query import QueryIntegerField, query_data

from . import permissions, selectors
from .models import Certificate, Provider, ProviderMembership, Staff

ROLE_LABELS = {
    "platform_admin": gettext_lazy("Platform administrator"),
    "reviewer": gettext_lazy("Platform reviewer"),
    "admin": ProviderMembership.Role.ADMIN.label,
    "dispatcher": ProviderMembership.Role.DISPATCHER.label,
    "staff": ProviderMembership.Role.STAFF.label,
    "customer": gettext_lazy("Customer"),
}


# Serializers -------------------------------------------------------------------------------------------------


class ProviderRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="Legal name in the request's language when there is one.")


class RoleSerializer(serializers.Serializer):
    role = serializers.ChoiceField(
        choices=list(ROLE_LABELS),
        help_text="`admin` and `dispatcher` are per provider, as is `staff`; `customer` when nothing else.",
    )
    label = serializers.SerializerMethodField()
    provider = ProviderRefSerializer(allow_null=True)
    staff_id = serializers.SerializerMethodField(help_text="For `staff`: the person's staff record.")

    @extend_schema_field(OpenApiTypes.STR)
    def get_label(self, role):
        return str(ROLE_LABELS[role.role])

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_staff_id(self, role) -> int | None:
        return role.staff.pk if role.staff is not None else None


class MeSerializer(UserSerializer):
    roles = serializers.SerializerMethodField()

    @extend_schema_field(RoleSerializer(many=True))
    def get_roles(self, user):
        return RoleSerializer(selectors.roles_of(user), many=True).data


class CertificateCheckSerializer(serializers.Serializer):
    number = serializers.CharField()
    validity = serializers.ChoiceField(choices=Certificate.Validity.choices, help_text="As of today.")
    validity_label = serializers.SerializerMethodField()
    # Plain strings rather than enums where other resources use the same field name for other values.
    kind = serializers.CharField(help_text="provider or staff.")
    kind_label = serializers.SerializerMethodField()
    provider_name = serializers.CharField(help_text="As printed on the certificate.")
    holder = serializers.CharField(help_text="A company's name; a person's family name only (王**).")
    valid_from = serializers.DateField()
    valid_until = serializers.DateField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_validity_label(self, check):
        return str(Certificate.Validity(check.validity).label)

    @extend_schema_field(OpenApiTypes.STR)
    def get_kind_label(self, check):
        return str(Certificate.Kind(check.kind).label)


class SkillSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class StaffDistrictSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class StaffMemberSerializer(serializers.Serializer):
    """A row of the portal's staff list: the same facts, the mobile number masked for every role."""

    id = serializers.IntegerField()
    provider = ProviderRefSerializer()
    real_name = serializers.CharField()
    phone = serializers.CharField(source="masked_phone", help_text="Masked, e.g. 139****0001.")
    skills = SkillSerializer(many=True, source="skills.all", help_text="Service categories.")
    districts = StaffDistrictSerializer(many=True, source="districts.all")
    background_check = serializers.ChoiceField(choices=Staff.BackgroundCheck.choices)
    background_check_label = serializers.CharField(source="get_background_check_display")
    status = serializers.CharField(help_text="pending (background check), active or suspended.")
    status_label = serializers.CharField(source="get_status_display")


class StaffQuerySerializer(serializers.Serializer):
    provider = QueryIntegerField(
        min_value=1,
        max_value=2**63 - 1,
        required=False,
        help_text="Only this provider's staff. A provider the caller neither administers nor dispatches for "
        "(or that does not exist) is refused with 403.",
    )


# Views -------------------------------------------------------------------------------------------------------


class Me(APIView):
    """The signed-in person: their own details and their roles on the platform."""

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)


class Verify(APIView):
    """The public certificate check, as on the verification page: no personal details of the holder."""

    permission_classes = [AllowAny]

    @extend_schema(responses=CertificateCheckSerializer)
    def get(self, request, certificate_number):
        check = selectors.certificate_check(certificate_number)
        if check is None:
            return error_response(
                "unknown_certificate", _("No certificate has this number."), status.HTTP_404_NOT_FOUND
            )
        return Response(CertificateCheckSerializer(check).data)


@extend_schema(parameters=[StaffQuerySerializer])
class StaffList(ListAPIView):
    """The current staff of the providers the caller administers or dispatches for, as in the portal's staff
    list. Anyone else (customers, staff members) is refused with 403."""

    serializer_class = StaffMemberSerializer
    queryset = Staff.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Staff.objects.none()
        user = self.request.user
        query = StaffQuerySerializer(data=query_data(self.request))
        query.is_valid(raise_exception=True)
        if "provider" not in query.validated_data:
            providers = permissions.managed_providers(user)
            if not providers.exists():
                raise PermissionDenied
            return selectors.staff_of_providers(providers)
        provider = Provider.objects.filter(pk=query.validated_data["provider"]).first()
        permissions.require(provider is not None and permissions.can_dispatch(user, provider))
        return selectors.staff_of_providers([provider])


urlpatterns = [
    path("me/", Me.as_view(), name="me"),
    path("verify/<str:certificate_number>/", Verify.as_view(), name="verify"),
    path("provider/staff/", StaffList.as_view(), name="provider_staff"),
]
