"""Evidence documents: the evidence annex (findings with their sources)."""
