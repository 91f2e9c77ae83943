"""Toolbox documents: guides, case profiles, format cards, interview guides, glossary, handout packs."""
