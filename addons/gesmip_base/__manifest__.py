{
    "name": "GESMIP Base",
    "summary": "Mechanisms every GESMIP addon uses: state machine, background work, portal doors, "
    "time zone, demo data runner, the letterhead of every PDF",
    "version": "18.0.1.1.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/gesmip/gesmip",
    "author": "GESMIP",
    "maintainers": ["gesmip"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["mail", "portal"],
    "data": [
        "data/ir_config_parameter_data.xml",
        "views/webclient_templates.xml",
        "views/res_company_views.xml",
        "views/portal_templates.xml",
    ],
    "external_dependencies": {"python": ["openupgradelib"]},
    "pre_init_hook": "pre_init_hook",
    "assets": {"web.report_assets_common": ["gesmip_base/static/src/scss/report_font.scss"]},
}
