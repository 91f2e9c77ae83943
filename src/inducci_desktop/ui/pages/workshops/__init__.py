"""The Workshops page: list, details, agenda, participants, check-in, outcomes, feedback, printing."""
