"""Template tags of the territorial diagnostic."""

import hashlib
import json

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from alliances.core.charts import CACHE_SECONDS

register = template.Library()


@register.simple_tag
def diagnostic_table(table, csv_url: str) -> SafeString:
    """A data table of the diagnostic with its CSV link, rendered once per content and language.

    A diagnostic shows about ten tables of formatted cells; rendering them cell by cell is most of
    the page's cost. The key is the table's content, so a refresh that changes the numbers
    changes the key: nothing to invalidate.
    """
    content = json.dumps(
        [
            get_language(),
            table.slug,
            table.title,
            [c.label for c in table.columns],
            table.rows,
            csv_url,
        ],
        sort_keys=True,
        default=str,
    )
    key = "diagnostic-table:" + hashlib.sha256(content.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = render_to_string("web/observatory/_table.html", {"table": table, "csv_url": csv_url})
        cache.set(key, html, timeout=CACHE_SECONDS)
    return SafeString(html)
