"""Query strings read strictly, so that what the schema says of a parameter is what the API checks."""

import re

from rest_framework import serializers

DIGITS = re.compile(r"-?[0-9]+", re.ASCII)


def query_data(request) -> dict:
    """The query string for a serializer: one value per name (the last), and an empty value kept as a value.

    DRF reads a QueryDict as an HTML form, where an optional field sent empty counts as not sent; for the API
    ``?kind=`` is a value like any other, refused where the schema does not allow it, rather than ignored."""
    return {name: request.query_params[name] for name in request.query_params}


class QueryIntegerField(serializers.IntegerField):
    """A whole number written as plain digits: not "1.0", " 1", "+1" or "١", all of which IntegerField takes."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not DIGITS.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class QueryBooleanField(serializers.BooleanField):
    """``true`` or ``false``, as the schema's boolean is written in a query string."""

    def to_internal_value(self, data):
        if data not in ("true", "false"):
            self.fail("invalid", input=data)
        return data == "true"
