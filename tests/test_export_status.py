"""The status a project has today, from what documents said then and its dates."""
from __future__ import annotations

from datetime import date

from integraph.export import _status

TODAY = date(2026, 11, 22)


def test_a_planned_project_whose_start_has_passed_is_running():
    history = [{"as_of": "2025-02-10", "status": "planned"}]
    assert _status(history, "2027-02", "2025-03", TODAY) == "ongoing"
    assert _status(history, "2027-02", "2026-12-01", TODAY) == "planned"  # not started yet
    assert _status(history, "2026-06-30", "2025-03", TODAY) == "completed"  # and already over


def test_a_stated_status_stands_when_the_dates_say_nothing_new():
    assert _status([{"as_of": "2025", "status": "ongoing"}], None, None, TODAY) == "ongoing"
    assert _status([{"as_of": "2024", "status": "completed"}], "2027", "2023", TODAY) == "completed"
