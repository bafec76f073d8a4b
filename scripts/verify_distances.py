"""Verify the geographic claims in a CSV file: the same as `geo verify CLAIMS.csv [--json]`.

Usage: python scripts/verify_distances.py CLAIMS.csv [--json]
Exit 0 when no claim is inconsistent, 1 when one is, 2 for bad input.
"""

import sys

from geo.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["verify", *sys.argv[1:]]))
