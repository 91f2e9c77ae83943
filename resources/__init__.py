"""Data files of InduCCI Desktop (content packs, fonts, icons), read through importlib.resources."""
