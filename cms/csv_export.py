"""CSV exports that a spreadsheet cannot mistake for formulas.

Whatever visitors type (a search query, a form answer) can end up in an editor's CSV
export. A cell beginning with ``= + - @``, a tab or a carriage return is run as a formula
by Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``, ``=cmd|...``), so such a text
cell gets a leading apostrophe: spreadsheets show it as text (OWASP's advice for CSV
injection). Numbers stay numbers. Every CSV the portal writes goes through ``csv_cell``:
Wagtail report views through ``SafeCSVExportMixin``, anything else through ``csv_response``.
"""

import csv

from django.http import StreamingHttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """``value`` made safe for a CSV cell: text that starts like a formula is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def csv_response(filename, headings, rows):
    """A streamed CSV download: one row of ``headings``, then each row of ``rows``."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow([csv_cell(str(heading)) for heading in headings])
        for row in rows:
            yield writer.writerow([csv_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


class SafeCSVExportMixin:
    """For Wagtail's ``SpreadsheetExportMixin`` views (reports, listings): every CSV cell
    through ``csv_cell``. (Wagtail already writes XLSX formula-looking cells as text.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return csv_cell(value) if export_format == self.FORMAT_CSV else value
