"""Staff and leaders export reports: CSV streamed, XLSX written; large ones by a worker.

Members get 403 (`access.export_chapters_for`); a leader's exports only ever
hold their own chapters' meetings, whatever the filters say.
"""

import io
from contextlib import closing

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from common.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_response, write_xlsx
from reports.exports.columns import KINDS
from reports.exports.jobs import export_dir, export_job_create
from reports.exports.scope import export_filter
from reports.models import ExportJob, ExportStatus

FORMATS = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}


def _file_name(kind: str, file_format: str) -> str:
    return f"day-of-action-{kind.replace('_', '-')}-{timezone.localdate():%Y-%m-%d}.{file_format}"


def _download(kind, meetings, file_format):
    name = _file_name(kind.key, file_format)
    if file_format == "csv":
        return csv_response(name, kind.headers, kind.rows(meetings))
    buffer = io.BytesIO()
    # Closed at once should writing fail: the rows stream inside a transaction.
    with closing(kind.rows(meetings)) as rows:
        write_xlsx(buffer, kind.headers, rows, title=kind.key)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
def export_form(request):
    data = request.POST if request.method == "POST" else (request.GET or None)
    filters = export_filter(request.user, data)
    errors = []
    kind_key = request.POST.get("kind", "meetings")
    file_format = request.POST.get("format", "")
    if request.method == "POST":
        if kind_key not in KINDS:
            errors.append("Choose what to export.")
        if file_format not in FORMATS:
            errors.append("Choose CSV or Excel.")
        if filters.is_valid() and not errors:
            kind = KINDS[kind_key]
            meetings = filters.qs
            if kind.query(meetings).count() > settings.REPORTS_EXPORT_INLINE_ROWS:
                job = export_job_create(
                    user=request.user, kind=kind.key, file_format=file_format, filters=data
                )
                return redirect("reports:export_job", job_id=job.pk)
            return _download(kind, meetings, file_format)
    jobs = ExportJob.objects.filter(requested_by=request.user)[:5]
    return render(
        request,
        "reports/export_form.html",
        {
            "filter": filters,
            "kinds": KINDS.values(),
            "chosen_kind": kind_key,
            "errors": errors,
            "jobs": jobs,
            "inline_rows": settings.REPORTS_EXPORT_INLINE_ROWS,
        },
        status=400 if request.method == "POST" else 200,
    )


def _job_for_owner(user, job_id) -> ExportJob:
    # Someone else's export is simply not there for you: 404, not 403.
    return get_object_or_404(ExportJob, pk=job_id, requested_by=user)


def _job_page(request, job: ExportJob, *, status: int = 200):
    context = {
        "job": job,
        "kind": KINDS[job.kind],
        "retention_days": settings.REPORTS_EXPORT_RETENTION_DAYS,
    }
    return render(request, "reports/export_job.html", context, status=status)


@login_required
def job_detail(request, job_id):
    return _job_page(request, _job_for_owner(request.user, job_id))


@login_required
@require_GET
def job_status(request, job_id):
    job = _job_for_owner(request.user, job_id)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "rows_done": job.rows_done,
            "rows_total": job.rows_total,
            "percent": job.percent,
            "download_url": reverse("reports:export_download", args=[job.pk])
            if job.status == ExportStatus.DONE and not job.is_expired
            else None,
        }
    )


@login_required
@require_GET
def job_download(request, job_id):
    job = _job_for_owner(request.user, job_id)
    if job.is_expired:
        return _job_page(request, job, status=410)  # the page says the file expired
    if job.status != ExportStatus.DONE:
        raise Http404("This export is not ready.")
    path = export_dir() / job.file_name
    if not path.is_file():
        raise Http404("This export's file is gone; export again.")
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=_file_name(job.kind, job.file_format),
        content_type=FORMATS[job.file_format],
    )
