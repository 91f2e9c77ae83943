"""Workshops: plan, people, check-in, outcomes, feedback and the training kit."""
