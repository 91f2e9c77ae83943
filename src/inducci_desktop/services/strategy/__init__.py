"""Strategy papers and the transnational recommendation, written from the evidence register."""
