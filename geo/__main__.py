"""`python -m geo`: the same command as `geo`."""

import sys

from geo.cli import main

sys.exit(main())
