from . import test_login_page
