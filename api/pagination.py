from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination

from .query import QueryIntegerField


class Pages(PageNumberPagination):
    """Pages of 20 by default. ``page`` and ``page_size`` are checked like any other parameter: one that is not
    a whole number in range is a 400 naming it, rather than silently the first page or 20 results; a page past
    the end is a 404."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        self.checked_query(request)
        return super().paginate_queryset(queryset, request, view)

    def query_fields(self) -> dict:
        return {
            self.page_query_param: QueryIntegerField(min_value=1),
            self.page_size_query_param: QueryIntegerField(min_value=1, max_value=self.max_page_size),
        }

    def checked_query(self, request) -> dict:
        values, errors = {}, {}
        for name, field in self.query_fields().items():
            if name not in request.query_params:
                continue
            try:
                values[name] = field.run_validation(request.query_params[name])
            except serializers.ValidationError as error:
                errors[name] = error.detail
        if errors:
            raise serializers.ValidationError(errors)
        return values

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {
                "minimum": 1,
                "maximum": self.max_page_size,
                "default": self.page_size,
            },
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters
