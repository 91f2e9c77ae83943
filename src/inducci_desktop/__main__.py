import sys

from inducci_desktop.app import main

sys.exit(main())
