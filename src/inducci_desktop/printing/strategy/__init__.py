"""Strategy papers and transnational recommendations as PDF and DOCX."""
