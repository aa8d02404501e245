"""Coverage dashboards: the whole event for staff, one chapter for its leaders."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from reports import access, charts
from reports.coverage import coverage_for


def _context(event, chapter, coverage):
    return {
        "event": event,
        "chapter": chapter,
        "coverage": coverage,
        "tiles": [] if coverage.seat_cells else charts.state_tiles(coverage.by_state),
        "chamber_grids": charts.chamber_grids(coverage.seat_cells),
        "seat_legend": charts.seat_legend(),
        "seat_tile": charts.SEAT_TILE,
        "map_width": charts.MAP_WIDTH,
        "map_height": charts.MAP_HEIGHT,
        "tile_size": charts.TILE,
        "tile_middle": charts.TILE // 2,
        "map_legend": charts.legend_steps(),
        "bars": charts.position_bars(coverage.asks),
        "bar_width": charts.BAR_WIDTH,
        "bars_height": max(len(coverage.asks), 1) * charts.BAR_ROW,
        "position_legend": charts.position_legend(),
    }


@login_required
def event_dashboard(request, event_slug):
    event = access.event_for_staff(request.user, event_slug)
    coverage = coverage_for(event=event)
    return render(request, "reports/dashboard.html", _context(event, None, coverage))


@login_required
def chapter_dashboard(request, event_slug, chapter_slug):
    event, chapter = access.event_and_chapter_for_leader(request.user, event_slug, chapter_slug)
    coverage = coverage_for(event=event, chapter=chapter)
    return render(request, "reports/dashboard.html", _context(event, chapter, coverage))
