from odoo.addons.alim_food.hooks import adopt_xmlids


def pre_init_hook(env):
    """Module split: take over the external ids this addon's records had in alim_catalogue."""
    adopt_xmlids(env, "alim_donation")
