"""InduCCI Desktop: the InduCCI e-Toolbox offline, for trainers, officials and coordinators."""

__version__ = "0.1.0"
APP_NAME = "InduCCI Desktop"
APP_ID = "eu.inducci.Desktop"


def _install_translations() -> None:
    # every entry point (window, command line, tests, a frozen build) speaks through the same catalogs
    from inducci_desktop.catalogs import install

    install()


_install_translations()
