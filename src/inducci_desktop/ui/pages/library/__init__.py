"""The Library page: browse, search and read the toolbox."""
