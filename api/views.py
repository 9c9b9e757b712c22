from django.http import JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView


# For the API's views that take a request body: JSON only, as the schema says (415 otherwise). A form body
# loses the JSON types, and Django's multipart parser reads a malformed body as an empty form. Not a DRF
# setting for the whole project: wagtail-localize's editor views are DRF views that take forms. (No docstring:
# drf-spectacular would take it as the description of every view without one of its own.)
class JsonBody:
    parser_classes = [JSONParser]


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
