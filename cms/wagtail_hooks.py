from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, District, Qualification


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    list_display = ["code", "name_zh", "name_en", "is_launched"]
    search_fields = ["code", "name_zh", "name_en"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "location"
    list_display = ["code", "name_zh", "name_en", "city"]
    list_filter = ["city"]
    search_fields = ["code", "name_zh", "name_en"]
    list_per_page = 50

    def get_queryset(self, request):
        return District.objects.select_related("city")


class QualificationViewSet(SnippetViewSet):
    model = Qualification
    icon = "doc-full"
    list_display = ["code", "name_zh", "name_en"]
    search_fields = ["code", "name_zh", "name_en"]


class PlacesViewSetGroup(SnippetViewSetGroup):
    items = (CityViewSet, DistrictViewSet, QualificationViewSet)
    menu_icon = "site"
    menu_label = _("Places and qualifications")
    menu_name = "places"


register_snippet(PlacesViewSetGroup)
