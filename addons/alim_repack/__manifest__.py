{
    "name": "Alternative Platform: Repackaging Lab",
    "summary": "Bulk into household packs: date inheritance, yield and losses, labels, genealogy",
    "version": "18.0.1.0.0",
    "category": "GESMIP",
    "website": "https://github.com/gesmip/gesmip",
    "author": "GESMIP",
    "maintainers": ["gesmip"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["alim_catalogue", "mrp"],
    "data": [
        "security/alim_repack_groups.xml",
        "security/ir.model.access.csv",
    ],
}
