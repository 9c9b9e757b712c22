"""Wagtail admin screens for platform reviewers: import providers and staff from a spreadsheet, export them.

Import is two steps. Step 1 uploads a file and runs a dry run that writes nothing; the page shows every
row as it would be imported and every row-level error. Only when there is no error is step 2, "Confirm
import", offered: the file waits in the private storage under a random name that only this session knows,
and confirming reads it again and validates it again before anything is written.

Every screen answers 403 to anyone who is not a reviewer (``permissions.can_review``); people without
Wagtail admin access at all are sent to the admin login by Wagtail before these views run.
"""

import io
import re
import secrets
from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.defaults import permission_denied
from import_export.formats.base_formats import CSV, XLSX
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .admin_review import PROVIDERS_MENU_HOOK, ReviewerMenuItem
from .permissions import can_review
from .resources import RESOURCES, BulkFileError, load_import_file, run_import, safe_cell

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_FOLDER = "bulk-imports"
# Uploads left behind by a dry run that was never confirmed are removed after this long.
UPLOAD_LIFETIME = timedelta(hours=24)
TOKEN_PATTERN = re.compile(r"\A(providers|staff)-[0-9a-f]{32}\.(csv|xlsx)\Z")
SESSION_KEY = "providers_bulk_uploads"
EXPORT_FORMATS = {"xlsx": XLSX, "csv": CSV}


def _titles():
    return {"providers": _("Providers"), "staff": _("Staff")}


# Files waiting between the two steps -----------------------------------------------------------------------


def _storage():
    return storages["private"]


def _upload_path(token: str) -> str:
    return f"{UPLOAD_FOLDER}/{token}"


def _keep_upload(request, kind: str, content: bytes) -> str:
    extension = "xlsx" if content.startswith(b"PK\x03\x04") else "csv"
    token = f"{kind}-{secrets.token_hex(16)}.{extension}"
    _forget_old_uploads()
    saved = _storage().save(_upload_path(token), ContentFile(content))
    if saved != _upload_path(token):  # a storage that renames would break the token; never expected
        _storage().delete(saved)
        raise RuntimeError("The private storage renamed a bulk import upload.")
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-9:], token]
    return token


def _drop_upload(request, token: str) -> None:
    _storage().delete(_upload_path(token))
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]


def _forget_old_uploads() -> None:
    storage = _storage()
    cutoff = timezone.now() - UPLOAD_LIFETIME
    try:
        _folders, names = storage.listdir(UPLOAD_FOLDER)
        for name in names:
            if TOKEN_PATTERN.match(name) and storage.get_modified_time(_upload_path(name)) < cutoff:
                storage.delete(_upload_path(name))
    except (FileNotFoundError, NotImplementedError, OSError):
        pass


# Forms -------------------------------------------------------------------------------------------------------


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("An XLSX file, or a CSV file in UTF-8 or GBK; at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an XLSX file or a CSV file."))
        content = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return content


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)


# Views -------------------------------------------------------------------------------------------------------


class ReviewerOnlyMixin:
    """Reviewers only; everyone else gets a plain 403 (not Wagtail's redirect), whatever the method."""

    kinds = RESOURCES

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            return permission_denied(request, PermissionDenied())
        kind = kwargs.get("kind")
        if kind is not None and kind not in self.kinds:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class BulkPageMixin(ReviewerOnlyMixin, WagtailAdminTemplateMixin):
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("providers_bulk:index"), "label": _("Bulk data")}]


class IndexView(BulkPageMixin, View):
    template_name = "providers/admin/bulk_index.html"
    page_title = gettext_lazy("Bulk data")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Bulk data")}]

    def get(self, request):
        sections = []
        for kind, resource_class in RESOURCES.items():
            sections.append(
                {
                    "kind": kind,
                    "title": _titles()[kind],
                    "columns": _column_reference(resource_class),
                    "import_url": reverse("providers_bulk:import", args=[kind]),
                    "template_url": reverse("providers_bulk:template", args=[kind]),
                    "export_urls": [
                        (fmt.upper(), reverse("providers_bulk:export", args=[kind, fmt]))
                        for fmt in EXPORT_FORMATS
                    ],
                }
            )
        return self.render_to_response(self.get_context_data(sections=sections))


def _column_reference(resource_class):
    labels = resource_class.labels()
    help_texts = resource_class.help_texts()
    return [
        {
            "key": key,
            "label": labels[key],
            "required": key in resource_class.required_columns,
            "import": key in resource_class.import_columns,
            "help": help_texts.get(key, ""),
        }
        for key in resource_class.columns
    ]


class ImportView(BulkPageMixin, View):
    """GET: the upload form. POST: step 1, the dry run and its preview."""

    template_name = "providers/admin/bulk_import.html"

    def get_page_title(self):
        return _("Import: %(what)s") % {"what": _titles()[self.kwargs["kind"]]}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def render_page(self, form, report=None, token=None, file_error=None, status=200):
        kind = self.kwargs["kind"]
        context = self.get_context_data(
            kind=kind,
            form=form,
            report=report,
            token=token,
            file_error=file_error,
            columns=_column_reference(RESOURCES[kind]),
            template_url=reverse("providers_bulk:template", args=[kind]),
            action_url=reverse("providers_bulk:import", args=[kind]),
            confirm_url=reverse("providers_bulk:confirm", args=[kind]),
        )
        return self.render_to_response(context, status=status)

    def get(self, request, kind):
        return self.render_page(UploadForm())

    def post(self, request, kind):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form)
        content = form.cleaned_data["file"]
        resource_class = RESOURCES[kind]
        try:
            imported = load_import_file(content, resource_class)
        except BulkFileError as exc:
            return self.render_page(UploadForm(), file_error=str(exc))
        report = run_import(resource_class(user=request.user), imported, dry_run=True)
        token = _keep_upload(request, kind, content) if report.ok else None
        return self.render_page(UploadForm(), report=report, token=token)


class ConfirmImportView(ImportView):
    """POST only: step 2. The kept file is read and validated again; nothing is written unless every row passes."""

    http_method_names = ["post"]

    def post(self, request, kind):
        form = ConfirmForm(request.POST)
        token = form.data.get("token", "")
        if (
            not form.is_valid()
            or not TOKEN_PATTERN.match(token)
            or not token.startswith(f"{kind}-")
            or token not in request.session.get(SESSION_KEY, [])
        ):
            return HttpResponseBadRequest(_("This upload reference is not valid. Upload the file again."))
        storage = _storage()
        if not storage.exists(_upload_path(token)):
            _drop_upload(request, token)
            return self.render_page(
                UploadForm(), file_error=_("The uploaded file is no longer available. Upload it again.")
            )
        with storage.open(_upload_path(token), "rb") as stored:
            content = stored.read(MAX_UPLOAD_BYTES + 1)
        _drop_upload(request, token)
        resource_class = RESOURCES[kind]
        try:
            imported = load_import_file(content, resource_class)
        except BulkFileError as exc:
            return self.render_page(UploadForm(), file_error=str(exc))
        report = run_import(resource_class(user=request.user), imported, dry_run=False)
        if not report.ok:
            return self.render_page(UploadForm(), report=report)
        messages.success(
            request,
            _("Imported %(new)d new and updated %(updated)d existing rows.")
            % {"new": report.new, "updated": report.updated},
        )
        return redirect("providers_bulk:index")


class ExportView(ReviewerOnlyMixin, View):
    http_method_names = ["get"]

    def get(self, request, kind, fmt):
        if fmt not in EXPORT_FORMATS:
            raise Http404
        dataset = RESOURCES[kind](user=request.user).export()
        file_format = EXPORT_FORMATS[fmt]()
        data = file_format.export_data(dataset)
        if fmt == "csv":
            # With a byte order mark, Excel on Chinese Windows opens UTF-8 CSV without garbling it.
            data = "\ufeff" + data
        response = HttpResponse(data, content_type=file_format.get_content_type())
        response["Content-Disposition"] = f'attachment; filename="{kind}-{timezone.localdate():%Y%m%d}.{fmt}"'
        return response


class TemplateView(ReviewerOnlyMixin, View):
    http_method_names = ["get"]

    def get(self, request, kind):
        response = HttpResponse(build_template(RESOURCES[kind]), content_type=XLSX.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{kind}-template.xlsx"'
        return response


def build_template(resource_class) -> bytes:
    """A workbook with the header row, one example row and a sheet explaining the columns."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = list(resource_class.import_columns)
    reference = {item["key"]: item for item in _column_reference(resource_class)}
    example = resource_class.example()
    book = Workbook()
    sheet = book.active
    sheet.title = _("Data")[:31]
    sheet.append(columns)
    sheet.append([safe_cell(example.get(key, "")) for key in columns])
    for index, key in enumerate(columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index)
        header.font = Font(bold=True)
        header.fill = PatternFill("solid", fgColor="DDEEEE")
        note = str(reference[key]["label"])
        if reference[key]["help"]:
            note += "\n" + str(reference[key]["help"])
        header.comment = Comment(note, "Shangmen")
        sheet.column_dimensions[letter].width = max(14, min(40, len(str(example.get(key, ""))) + 4))
        # Text columns, so that Excel keeps ID numbers, codes and phones exactly as typed.
        sheet.column_dimensions[letter].number_format = "@"
        sheet.cell(row=2, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet(_("Columns")[:31])
    help_sheet.append([_("Column"), _("Name"), _("Required"), _("Notes")])
    for key in columns:
        item = reference[key]
        help_sheet.append([key, str(item["label"]), _("Yes") if item["required"] else "", str(item["help"])])
    for letter, width in zip("ABCD", (24, 28, 10, 80), strict=True):
        help_sheet.column_dimensions[letter].width = width
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


# Registration ------------------------------------------------------------------------------------------------

urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("<str:kind>/import/", ImportView.as_view(), name="import"),
    path("<str:kind>/import/confirm/", ConfirmImportView.as_view(), name="confirm"),
    path("<str:kind>/export/<str:fmt>/", ExportView.as_view(), name="export"),
    path("<str:kind>/template/", TemplateView.as_view(), name="template"),
]


@hooks.register("register_admin_urls")
def register_bulk_urls():
    return [path("bulk-data/", include((urlpatterns, "providers_bulk"), namespace="providers_bulk"))]


@hooks.register(PROVIDERS_MENU_HOOK)
def register_bulk_menu_item():
    return ReviewerMenuItem(
        gettext_lazy("Bulk data"),
        reverse("providers_bulk:index"),
        name="bulk-data",
        icon_name="table",
        order=400,
    )
