"""Checklist documents: blank paper form, assessment report, comparison."""
