"""Check that Odoo's evented worker accepts a websocket (the live bus) at HOST:PORT."""

import sys
import time

import websocket  # websocket-client, in tools/requirements-dev.txt


def main(address):
    error = None
    for _attempt in range(30):  # the evented worker starts after the HTTP workers
        try:
            ws = websocket.create_connection(
                f"ws://{address}/websocket", timeout=10, origin=f"http://{address}"
            )
            ws.close()
            print(f"WEBSOCKET ok: the evented worker at {address} accepts the live bus")
            return 0
        except (OSError, websocket.WebSocketException) as exc:
            error = exc
            time.sleep(2)
    print(f"WEBSOCKET failed at {address}: {error}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
