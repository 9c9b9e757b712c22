"""OpenAPI: every operation documents the shared error shape for the statuses it can answer with."""

from drf_spectacular import openapi
from drf_spectacular.plumbing import force_instance
from rest_framework import serializers

from . import patterns

ERROR_SCHEMA = "Error"
ERRORS = {
    "400": "The request is not valid; `fields` says which field and why.",
    "401": "Not signed in, or the token expired.",
    "403": "Signed in, but this is not yours to see or do.",
    "404": "No such resource, or not visible to you.",
    "405": "This method is not allowed here.",
    "406": "The requested format is not available (only JSON).",
    "409": "Refused by a rule about the current state (`slot_taken`, `policy_violation`, `wrong_status`…).",
    "415": "The body is not in a supported format (JSON).",
    "422": "The Idempotency-Key was used before for a different request.",
    "429": "Too many requests; retry after the number of seconds in `Retry-After`.",
}
# Answered by the web server in front of the API, before it: not in the error shape.
SERVER_ERRORS = {
    "414": "The URL is too long for the web server (a query string of several kilobytes).",
}


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas[ERROR_SCHEMA] = {
        "type": "object",
        "properties": {
            "code": {"type": "string", "description": "Stable machine-readable code, e.g. `slot_taken`."},
            "detail": {"type": "string", "description": "What went wrong, in the caller's language."},
            "fields": {"type": "object", "additionalProperties": True, "description": "Per-field messages."},
        },
        "required": ["code", "detail", "fields"],
    }
    reference = {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status_code, description in ERRORS.items():
                response = responses.setdefault(status_code, {"description": description})
                response.setdefault("content", {"application/json": {"schema": reference}})
            for status_code, description in SERVER_ERRORS.items():
                responses.setdefault(status_code, {"description": description})
            responses["429"].setdefault(
                "headers", {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}}
            )
    return result


def only_version_1(endpoints):
    """drf-spectacular preprocessing hook: the schema is the /api/v1/ contract, not every DRF view installed
    (Wagtail's API v2 and wagtail-localize's editor views are documented by their own projects)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's, with what DRF's CharField refuses stated as a pattern for request fields: NUL
    characters always, and a value that is blank once trimmed unless blanks are allowed."""

    def _map_basic_serializer(self, serializer, direction):
        result = super()._map_basic_serializer(serializer, direction)
        if direction != "request":
            return result
        properties = result.get("properties", {})
        for name, field in force_instance(serializer).fields.items():
            schema = properties.get(name)
            if (
                not isinstance(field, serializers.CharField)
                or field.read_only
                or not isinstance(schema, dict)
                or schema.get("type") != "string"
                or {"pattern", "format", "enum"} & set(schema)
            ):
                continue
            blank_refused = field.trim_whitespace and not field.allow_blank
            schema["pattern"] = patterns.ecma(patterns.NOT_BLANK if blank_refused else patterns.NO_NUL)
        return result


# Where an answer names the object other operations take in their path, as OpenAPI links, so that clients (and
# schemathesis's stateful tests) can follow them: (path, method, status) -> (where the id is, operation ids).
BOOKING_OPERATIONS = [
    "bookings_retrieve",
    "bookings_partial_update",
    "bookings_cancel_create",
    "bookings_pay_create",
    "bookings_invoice_pdf_retrieve",
]
LINKS = {
    ("/api/v1/bookings/", "post", "201"): ("$response.body#/id", BOOKING_OPERATIONS),
    ("/api/v1/bookings/", "get", "200"): ("$response.body#/results/0/id", BOOKING_OPERATIONS),
    ("/api/v1/provider/bookings/", "get", "200"): (
        "$response.body#/results/0/id",
        ["provider_bookings_assign_create"],
    ),
    ("/api/v1/staff/tasks/", "get", "200"): (
        "$response.body#/results/0/id",
        ["staff_tasks_transition_create"],
    ),
    ("/api/v1/services/", "get", "200"): (
        "$response.body#/results/0/id",
        ["services_retrieve", "services_availability_retrieve"],
    ),
}


def add_links(result, generator, request, public):
    """drf-spectacular postprocessing hook: the links above, for the operations the schema has."""
    operation_ids = {
        operation.get("operationId")
        for path_item in result.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict)
    }
    for (path, method, status_code), (expression, targets) in LINKS.items():
        response = result.get("paths", {}).get(path, {}).get(method, {}).get("responses", {}).get(status_code)
        if response is None:
            continue
        links = response.setdefault("links", {})
        for target in targets:
            if target in operation_ids:
                links[target] = {"operationId": target, "parameters": {"id": expression}}
    return result
