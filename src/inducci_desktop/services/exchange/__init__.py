"""Exchange: .inducci bundles between machines and CSV/XLSX tables."""
