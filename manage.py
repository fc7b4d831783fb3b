#!/usr/bin/env python
"""Same as the `alliances` console script, for those used to manage.py."""

from alliances.__main__ import main

if __name__ == "__main__":
    main()
