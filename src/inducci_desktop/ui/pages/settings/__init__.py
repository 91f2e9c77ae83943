"""The Settings page: data folder, backups, regions, theme."""
