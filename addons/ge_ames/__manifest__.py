{
    "name": "GE AMES: Employer Group",
    "summary": "Staff-loan agreements, timesheets by member and activity, billing at cost",
    "version": "18.0.1.0.0",
    "category": "GESMIP",
    "website": "https://github.com/gesmip/gesmip",
    "author": "GESMIP",
    "maintainers": ["gesmip"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["gesmip_network", "hr_timesheet", "account"],
    "data": [
        "security/ge_ames_groups.xml",
        "security/ir.model.access.csv",
    ],
    "application": True,
}
