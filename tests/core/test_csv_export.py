"""CSV downloads: a BOM for spreadsheet programs and formula-like text quoted, numbers kept."""

from __future__ import annotations

import csv
import io

from ftz.core.kit.csv_export import csv_response, records_csv, spreadsheet_safe


def test_formula_like_text_is_quoted_and_numbers_are_not() -> None:
    assert spreadsheet_safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert spreadsheet_safe("-1+2") == "'-1+2" and spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("-3.5") == "-3.5" and spreadsheet_safe(-3) == -3
    assert spreadsheet_safe(None) == "" and spreadsheet_safe("锂电池") == "锂电池"


def test_response_has_a_bom_header_row_and_quoted_cells() -> None:
    response = csv_response(["name", "qty"], [["=cmd", 2], ["电池", None]], "x.csv")
    text = bytes(response.body).decode("utf-8")
    assert text.startswith("\ufeff") and response.headers["content-type"].startswith("text/csv")
    assert 'filename="x.csv"' in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows == [["name", "qty"], ["'=cmd", "2"], ["电池", ""]]
    mapped = records_csv(["a", "b"], [{"a": 1}], "m.csv")
    assert bytes(mapped.body).decode("utf-8").lstrip("\ufeff").splitlines() == ["a,b", "1,"]
