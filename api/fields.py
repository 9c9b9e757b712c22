"""Serializer fields shared by the apps' APIs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field({"type": "integer", "minimum": 1})
class IdField(serializers.PrimaryKeyRelatedField):
    """An object by its id. Ids start at 1, as the schema says; 0 or less names nothing, like an id that is
    not there (400 naming the field)."""


class StringOnlyMixin:
    """A string field that takes strings only. DRF's CharField also takes a JSON number (and keeps it as
    text), which the schema's `type: string` does not allow."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class TextField(StringOnlyMixin, serializers.CharField):
    """CharField for request bodies."""


class PatternField(StringOnlyMixin, serializers.RegexField):
    """RegexField for request bodies. The pattern is checked on the value as sent, as the schema's is: no
    spaces trimmed first."""

    def __init__(self, regex, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(regex, **kwargs)
