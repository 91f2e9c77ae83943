"""The Print Center page: handout packs and every printable document."""
