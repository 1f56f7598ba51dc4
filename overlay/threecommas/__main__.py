"""`python -m threecommas` runs the command line."""

import sys

from threecommas.cli import main

sys.exit(main())
