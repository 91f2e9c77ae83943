"""The Checklists page: assessments, runner, summary, comparison, templates."""
