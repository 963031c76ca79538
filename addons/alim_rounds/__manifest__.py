{
    "name": "Alternative Platform: Rounds",
    "summary": "Vehicles, delivery rounds of the order cycles and collection rounds to donors",
    "version": "18.0.2.0.0",
    "category": "GESMIP",
    "website": "https://github.com/gesmip/gesmip",
    "author": "GESMIP",
    "maintainers": ["gesmip"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "alim_catalogue",
        "alim_donation",
        "stock_fleet",
    ],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "report/alim_delivery_round_report.xml",
        "views/fleet_vehicle_views.xml",
        "views/alim_round_views.xml",
        "views/alim_order_cycle_views.xml",
    ],
    "demo": [
        "demo/alim_round_demo.xml",
        "demo/alim_order_cycle_demo.xml",
    ],
    "pre_init_hook": "pre_init_hook",
}
