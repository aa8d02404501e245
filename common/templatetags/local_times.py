"""`{% dual_time moment reader_zone place_zone place_label %}` and `|in_zone`, for templates."""

from django import template

from common.local_times import dual_time as dual_time_text
from common.local_times import for_template, same_clock

register = template.Library()


@register.simple_tag
def dual_time(moment, reader_zone, place_zone, place_label, reader="your"):
    """ "10:00 AM your time · 1:00 PM in Washington", or "1:00 PM" when the clocks agree."""
    if not moment:
        return ""
    return dual_time_text(
        moment,
        reader_zone=reader_zone or place_zone,
        place_zone=place_zone,
        place_label=place_label,
        reader=reader,
    )


@register.simple_tag
def clocks_differ(moment, reader_zone, place_zone):
    """Whether the reader's clock and the place's show different times at this moment."""
    return bool(moment and reader_zone and not same_clock(moment, reader_zone, place_zone))


@register.filter
def in_zone(moment, zone):
    """The moment as a local time of `zone` (for `|time:"g:i A"` after it)."""
    if not moment or not zone:
        return moment
    return for_template(moment, zone)
