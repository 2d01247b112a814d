from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from marsad.web.charts import WIDTH, bar_chart, fill_timeline, timeline_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup) -> ET.Element:
    # The charts are inline SVG in HTML; parse them as XML to prove they are well-formed.
    return ET.fromstring(str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def bars(root):
    return [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]


def test_bar_lengths_are_proportional():
    root = parse(bar_chart([("أ", 100), ("ب", 50), ("ج", 0)], caption="c"))
    widths = [float(r.get("width")) for r in bars(root)]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[2] == 0


def test_rtl_bars_grow_from_the_right_and_ltr_from_the_left():
    rtl = bars(parse(bar_chart([("أ", 10), ("ب", 5)], caption="c", rtl=True)))
    ltr = bars(parse(bar_chart([("a", 10), ("b", 5)], caption="c", rtl=False)))
    rtl_ends = {round(float(r.get("x")) + float(r.get("width")), 1) for r in rtl}
    ltr_starts = {float(r.get("x")) for r in ltr}
    assert len(rtl_ends) == 1 and rtl_ends.pop() > WIDTH / 2  # right-aligned
    assert len(ltr_starts) == 1 and ltr_starts.pop() < WIDTH / 2  # left-aligned


def test_labels_are_escaped_and_links_made():
    html = str(bar_chart([("<script>x</script>", 3)], caption="<b>", link=lambda s: f"/a?s={s}"))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    parse(html)


def test_empty_data_draws_nothing():
    assert str(bar_chart([], caption="c")) == "" and str(timeline_chart([], caption="c")) == ""


def test_fill_timeline_fills_missing_days():
    assert fill_timeline([("2024-03-01", 2), ("2024-03-04T10:00", 1), ("bad", 9)]) == [
        ("2024-03-01", 2), ("2024-03-02", 0), ("2024-03-03", 0), ("2024-03-04", 1)]


def test_long_spans_become_months():
    series = fill_timeline([("2023-01-15", 1), ("2023-01-20", 2), ("2024-02-01", 3)])
    assert series[0] == ("2023-01", 3) and series[-1] == ("2024-02", 3) and len(series) == 14


@pytest.mark.parametrize("rtl", [True, False])
def test_timeline_runs_in_reading_direction(rtl):
    root = parse(timeline_chart([("2024-03-01", 1), ("2024-03-03", 5)], caption="c", rtl=rtl))
    cols = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "col"]
    first, last = (float(c.get("x")) for c in cols)
    assert (first > last) if rtl else (first < last)
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert "2024-03-02: 0" in titles


def test_timeline_has_no_inline_style():
    html = str(timeline_chart([("2024-03-01", 1)], caption="c")) + str(bar_chart([("a", 1)], caption="c"))
    assert not re.search(r"\sstyle=", html)  # the Content-Security-Policy forbids inline styles


def test_axis_labels_merge_when_they_would_collide():
    def labels(markup):
        return [t.text for t in parse(markup).iter(f"{SVG}text") if t.get("class") == "axis-label"][1:]

    short = timeline_chart([("2024-03-02", 1), ("2024-03-05", 1)], caption="c", width=250)
    assert labels(short) == ["2024-03-02 – 2024-03-05"]
    wide = timeline_chart([("2024-03-01", 1), ("2024-03-30", 1)], caption="c", width=600)
    assert labels(wide) == ["2024-03-01", "2024-03-30"]
