from . import test_server_doors
