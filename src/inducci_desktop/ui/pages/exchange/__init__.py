"""The Exchange page: bundles and tables."""
