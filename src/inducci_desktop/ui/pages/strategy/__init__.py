"""The Strategy page: regional strategy papers and the transnational recommendation."""
