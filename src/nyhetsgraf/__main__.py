"""`python -m nyhetsgraf` runs the command-line interface, as the `nyhetsgraf` script does."""

from nyhetsgraf.cli import main

main()
