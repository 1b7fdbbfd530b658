"""Visitors' text in an editor's CSV export never runs as a spreadsheet formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from cms.csv_export import csv_cell, csv_response

ATTACK = '=HYPERLINK("http://evil.example/","x")'


@pytest.mark.django_db
def test_a_formula_typed_into_search_is_text_in_the_query_report(client, client_as):
    for query in (ATTACK, "+1+1", "@SUM(1)", "-2+3", "trash"):
        client.get("/en/search/", {"q": query})
    editor = client_as("communications")
    export = editor.get("/admin/reports/search-queries/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    queries = {row[0] for row in rows[1:]}
    # The log keeps the words (quotation marks are not searched): still a formula start.
    assert "'=hyperlink( http://evil.example/ , x )" in queries
    assert {"'+1+1", "'@sum(1)", "'-2+3", "trash"} <= queries
    assert not [query for query in queries if query[0] in "=+-@\t\r"]
    # The numbers stay numbers.
    trash = next(row for row in rows if row[0] == "trash")
    assert trash[1:4] == ["en", "1", "0"]

    workbook = editor.get("/admin/reports/search-queries/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(workbook.streaming_content))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    assert formulas == []
    assert "=hyperlink( http://evil.example/ , x )" in [cell.value for cell in cells]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_formula_starts_are_quoted(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["a=1", "trash", "", " =1", 5, -3, 2.5, None])
def test_other_values_are_left_alone(value):
    assert csv_cell(value) == value


def test_csv_response_quotes_every_cell():
    response = csv_response("report", ["Name", "=Heading"], [[ATTACK, -4], ["ok", 3]])
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [["Name", "'=Heading"], ["'" + ATTACK, "-4"], ["ok", "3"]]
    assert response["Content-Disposition"] == 'attachment; filename="report.csv"'
