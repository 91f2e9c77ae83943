"""Entry point of the frozen app (PyInstaller runs this file as the program)."""

import sys

from inducci_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
