"""`python -m coursebook` runs the command line."""

from coursebook.cli import main

main()
