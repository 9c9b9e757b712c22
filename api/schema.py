"""OpenAPI: every operation documents the shared error shape for the statuses it can answer with."""

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
            responses["429"].setdefault(
                "headers", {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}}
            )
    return result


def only_version_1(endpoints):
    """drf-spectacular preprocessing hook: the schema is the /api/v1/ contract, not every DRF view installed
    (Wagtail's API v2 and wagtail-localize's editor views are documented by their own projects)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
