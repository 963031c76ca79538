from . import alim_repack_label_print
