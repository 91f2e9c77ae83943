"""The Evidence page: the register of findings, interviews, the people consulted."""
