"""Evidence: findings with live links to their sources, topics, interviews and the people consulted."""
