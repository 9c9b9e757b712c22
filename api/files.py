"""Endpoints that answer with a file (a receipt PDF, evidence, a photo) rather than JSON.

The file's type is fixed by what is stored, so the client picks nothing: ``?format=`` is not read (DRF would
otherwise accept an empty or unknown one with 200) and is left out of the schema. Errors stay JSON in the
shared shape even when the client asked only for the file's type."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.settings import APISettings, api_settings
from rest_framework.views import APIView


class FileRenderer(BaseRenderer):
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class PdfRenderer(FileRenderer):
    media_type = "application/pdf"
    format = "pdf"


class JpegRenderer(FileRenderer):
    media_type = "image/jpeg"
    format = "jpeg"


class PngRenderer(FileRenderer):
    media_type = "image/png"
    format = "png"


class AcceptOnly(DefaultContentNegotiation):
    """By the Accept header alone."""

    settings = APISettings({"URL_FORMAT_OVERRIDE": None})


class FileView(APIView):
    content_negotiation_class = AcceptOnly

    def handle_exception(self, exc):
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


# drf-spectacular documents DRF's ``format`` parameter on any view with several renderers; these take none.
NO_FORMAT = OpenApiParameter(api_settings.URL_FORMAT_OVERRIDE, exclude=True)


def file_responses(media_types, description) -> dict:
    """One binary 200 answer for each type the stored file may have."""
    return {
        (200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description=description)
        for media_type in media_types
    }
