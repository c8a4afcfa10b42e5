"""`python -m {{ cookiecutter.package_name }}.demo_site [--port N] [COMMAND ...]`"""

import sys

from . import main

sys.exit(main())
