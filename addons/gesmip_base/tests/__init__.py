from . import test_login_page
from . import test_server_doors
from . import test_report_font
