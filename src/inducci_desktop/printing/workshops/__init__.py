"""Workshop documents: agenda, sign-in sheet, feedback form, certificates, report."""
