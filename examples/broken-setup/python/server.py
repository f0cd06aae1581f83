from mcp.server.stdio import stdio_server
from mcp.server import Server
import threading
import time
# Start MCP stdio server in a background thread
server = Server()
threading.Thread(target=stdio_server, args=(server,), daemon=True).start()
# Give server time to start
time.sleep(1)
print("MCP stdio server started successfully.")
