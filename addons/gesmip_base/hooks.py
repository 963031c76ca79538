"""On a database where gesmip_network held the mechanisms (before gesmip_network
18.0.2.0.0), gesmip_base takes their models over before it loads them."""

from .module_split import hand_over, module_installed

MOVED_MODELS = ["gesmip.state.machine.mixin", "gesmip.background.mixin", "gesmip.demo"]


def pre_init_hook(env):
    if module_installed(env.cr, "gesmip_network"):
        hand_over(env.cr, "gesmip_network", "gesmip_base", models=MOVED_MODELS, xmlids=())
