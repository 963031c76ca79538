{
    "name": "Alternative Platform: Cold Chain",
    "summary": "Temperature register, excursions and holds, use-by and best-before, FEFO, recalls",
    "version": "18.0.1.0.0",
    "category": "GESMIP",
    "website": "https://github.com/gesmip/gesmip",
    "author": "GESMIP",
    "maintainers": ["gesmip"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["alim_catalogue"],
    "data": [
        "security/ir.model.access.csv",
    ],
}
