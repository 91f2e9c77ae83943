"""Checklists: assessments, answers, scoring, templates and the coordinator's view by region."""
