{
    "name": "GESMIP suite tests",
    "summary": "Tests that install the five GESMIP addons together and cross their borders",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "website": "https://github.com/gesmip/gesmip",
    "author": "GESMIP",
    "maintainers": ["gesmip"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["gesmip_network", "alim_catalogue", "alim_coldchain", "alim_repack", "ge_ames"],
}
