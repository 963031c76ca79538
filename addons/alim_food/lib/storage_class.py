"""The three storage classes of the platform, shared by products and locations."""

STORAGE_CLASSES = [
    ("dry", "Dry"),
    ("chilled", "Positive cold (0 to +4 °C)"),
    ("frozen", "Negative cold (-18 °C or colder)"),
]
