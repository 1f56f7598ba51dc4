"""`python -m threecommas` runs the command line."""

import sys

from threecommas.cli import console_main

sys.exit(console_main())
