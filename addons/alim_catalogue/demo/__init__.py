"""Demo-data generators, imported only by the demo XML files (through ``gesmip.demo``).

The addon never imports this package: nothing here is loaded on a production database.
"""
