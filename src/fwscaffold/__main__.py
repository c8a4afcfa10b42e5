"""`python -m fwscaffold` runs the same CLI as the `fwscaffold` command."""

from fwscaffold.cli import main

main()
