"""InduCCI Desktop: the InduCCI e-Toolbox offline, for trainers, officials and coordinators."""

__version__ = "0.1.0"
APP_NAME = "InduCCI Desktop"
APP_ID = "eu.inducci.Desktop"
