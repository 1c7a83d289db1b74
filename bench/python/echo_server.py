#!/usr/bin/env python3
"""Workload 7's CPython peers: a 1 KiB echo server on asyncio or uvloop, started by EchoThroughput.

Listens on 127.0.0.1 (an ephemeral port unless --port), then prints one line on stdout: the port and a label
for the results, e.g. "40123 CPython 3.11.2 uvloop 0.17.0, Protocol". Runs until killed (SIGTERM) or until
its standard input closes (the benchmark's JVM is gone: no orphaned server).

--mode protocol: an asyncio.Protocol that writes back whatever arrives, as it arrives (like the jasyncio
                 protocol server);
--mode streams:  asyncio.start_server, one 1 KiB message at a time: readexactly + write + drain (like the
                 jasyncio streams server).
Both loops set TCP_NODELAY on accepted sockets themselves.

Usage: echo_server.py [--loop asyncio|uvloop] [--mode protocol|streams] [--port N]
"""
import argparse
import asyncio
import os
import platform
import sys
import threading

MESSAGE = 1024


class EchoProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def echo_stream(reader, writer):
    try:
        while True:
            writer.write(await reader.readexactly(MESSAGE))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):   # EOF, or the client reset the connection
        pass
    finally:
        writer.close()


async def serve(args):
    if args.mode == "protocol":
        server = await asyncio.get_running_loop().create_server(EchoProtocol, "127.0.0.1", args.port)
    else:
        server = await asyncio.start_server(echo_stream, "127.0.0.1", args.port)
    label = "CPython %s %s" % (platform.python_version(), args.loop)
    if args.loop == "uvloop":
        import uvloop
        label += " " + uvloop.__version__
    label += ", Protocol" if args.mode == "protocol" else ", streams"
    print(server.sockets[0].getsockname()[1], label, flush=True)
    async with server:
        await server.serve_forever()


def exit_at_eof():
    while os.read(0, 4096):   # os.read, not sys.stdin: no buffer lock to trip interpreter shutdown
        pass
    os._exit(0)


def main():
    threading.Thread(target=exit_at_eof, daemon=True).start()
    p = argparse.ArgumentParser()
    p.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    p.add_argument("--mode", choices=["protocol", "streams"], default="protocol")
    p.add_argument("--port", type=int, default=0)
    args = p.parse_args()
    if args.loop == "uvloop":
        import uvloop
        runner = asyncio.Runner(loop_factory=uvloop.new_event_loop) if hasattr(asyncio, "Runner") else None
        if runner is None:   # before 3.11
            uvloop.install()
            asyncio.run(serve(args))
        else:
            with runner:
                runner.run(serve(args))
    else:
        asyncio.run(serve(args))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
