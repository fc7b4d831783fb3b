"""Short text summaries of charts, written from the same data as the chart and its table.

A chart is an image; its table is the exhaustive equivalent; the summary says in one or two
sentences what a sighted reader takes from the drawing (who is first and last, where a series
goes). `chart_svg` requires one for every chart and pages show it beside the drawing.

The helpers here are generic (a ranking, a series over time, a breakdown); each chart's module
builds its sentence with them from its own rows. Numbers are formatted for the active language.
"""

from collections.abc import Sequence

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def number(value: float | int, decimals: int = 0) -> str:
    """A number as the active language writes it (French: 1 234,5)."""
    if isinstance(value, float) and decimals == 0 and not value.is_integer():
        decimals = 1
    return number_format(value, decimal_pos=decimals, force_grouping=True)


def _with_unit(value: float | int, decimals: int, unit: str) -> str:
    text = number(value, decimals)
    return f"{text}\N{NO-BREAK SPACE}{unit}" if unit else text


def ranking(
    items: Sequence[tuple[str, float | int | None]],
    *,
    subject: str,
    decimals: int = 0,
    unit: str = "",
) -> str:
    """Which labels have the highest and the lowest values.

    `items` are (label, value) pairs in any order; missing values are left out and counted.
    `subject` names what is compared, e.g. "Active associations by theme".
    """
    known = [(label, value) for label, value in items if value is not None]
    missing = len(items) - len(known)
    known.sort(key=lambda item: -item[1])  # stable: ties keep the table's order
    values = {"subject": subject}
    if not known:
        sentence = _("%(subject)s: no value yet.") % values
    elif len(known) == 1:
        values.update(label=known[0][0], value=_with_unit(known[0][1], decimals, unit))
        sentence = _("%(subject)s: %(label)s, %(value)s.") % values
    elif known[0][1] == known[-1][1]:
        values.update(count=number(len(known)), value=_with_unit(known[0][1], decimals, unit))
        sentence = _("%(subject)s: %(value)s for all %(count)s.") % values
    else:
        top, bottom = known[0], known[-1]
        values.update(
            top=top[0],
            top_value=_with_unit(top[1], decimals, unit),
            bottom=bottom[0],
            bottom_value=_with_unit(bottom[1], decimals, unit),
        )
        if len(known) == 2:
            sentence = (
                _(
                    "%(subject)s: the highest value is for %(top)s (%(top_value)s), "
                    "the lowest for %(bottom)s (%(bottom_value)s)."
                )
                % values
            )
        else:
            second = known[1]
            values.update(second=second[0], second_value=_with_unit(second[1], decimals, unit))
            sentence = (
                _(
                    "%(subject)s: the highest value is for %(top)s (%(top_value)s), "
                    "then %(second)s (%(second_value)s); the lowest for %(bottom)s "
                    "(%(bottom_value)s)."
                )
                % values
            )
    if missing:
        sentence += " " + ngettext(
            "%(count)s without a value.", "%(count)s without a value.", missing
        ) % {"count": number(missing)}
    return sentence


def series(
    points: Sequence[tuple[str, float | int]],
    *,
    subject: str,
    decimals: int = 0,
    unit: str = "",
) -> str:
    """Where a series goes from its first to its last point, and its peak when elsewhere.

    `points` are (when, value) pairs in time order; `when` is already written for the reader
    (a year, a date, a wave's name).
    """
    values = {"subject": subject}
    if not points:
        return _("%(subject)s: no value yet.") % values
    if len(points) == 1:
        values.update(value=_with_unit(points[0][1], decimals, unit), when=points[0][0])
        return _("%(subject)s: %(value)s (%(when)s), a single value so far.") % values
    (start, first), (end, last) = points[0], points[-1]
    values.update(
        first=_with_unit(first, decimals, unit),
        start=start,
        last=_with_unit(last, decimals, unit),
        end=end,
    )
    if last > first:
        sentence = _("%(subject)s: up from %(first)s (%(start)s) to %(last)s (%(end)s).") % values
    elif last < first:
        sentence = _("%(subject)s: down from %(first)s (%(start)s) to %(last)s (%(end)s).") % values
    else:
        sentence = _("%(subject)s: unchanged between %(start)s and %(end)s, at %(last)s.") % values
    peak_when, peak = max(points, key=lambda point: point[1])
    if peak > max(first, last):
        sentence += " " + _("The highest value, %(peak)s, was reached in %(when)s.") % {
            "peak": _with_unit(peak, decimals, unit),
            "when": peak_when,
        }
    return sentence


def breakdown(items: Sequence[tuple[str, int]], *, subject: str) -> str:
    """How a whole splits into parts: "subject: 12 in all — part a: 5; part b: 7."."""
    parts = [(label, count) for label, count in items if count]
    total = sum(count for _label, count in parts)
    if not total:
        return _("%(subject)s: none yet.") % {"subject": subject}
    listed = "; ".join(
        _("%(label)s: %(count)s") % {"label": label, "count": number(count)}
        for label, count in sorted(parts, key=lambda part: -part[1])
    )
    return _("%(subject)s: %(total)s in all — %(parts)s.") % {
        "subject": subject,
        "total": number(total),
        "parts": listed,
    }
