"""The toolbox library: browse, search, bookmarks, notes and items as safe HTML."""
