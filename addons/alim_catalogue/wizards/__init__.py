from . import alim_starter_kit_wizard
