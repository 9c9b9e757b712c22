from django.http import JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView


class HealthView(APIView):
    """For load balancers and uptime checks: answers without touching the database."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses=inline_serializer("Health", {"status": serializers.CharField()}))
    def get(self, request):
        return Response({"status": "ok"})


def not_found(request, exception=None):
    """Outside any API view (an unknown /api/ URL), still the API's error shape."""
    return JsonResponse({"code": "not_found", "detail": _("Not found."), "fields": {}}, status=404)


def server_error(request):
    return JsonResponse(
        {
            "code": "server_error",
            "detail": _("Something went wrong on our side; it has been logged."),
            "fields": {},
        },
        status=500,
    )
