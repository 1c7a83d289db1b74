"""Real asyncio peers for jasyncio's I/O tests.

Servers print "PORT <n>" (or "READY") on stdout once listening and stop when stdin closes.
Clients print one result line and exit 0 on success, 1 with the reason on stderr otherwise.
"""
import asyncio
import hashlib
import socket
import struct
import sys


def ready(port):
    print(f"PORT {port}", flush=True)


async def until_stdin_closes():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)


async def serve(handler):
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    ready(server.sockets[0].getsockname()[1])
    await until_stdin_closes()
    server.close()


# ---------------------------------------------------------------- servers

async def echo(reader, writer):
    """Echoes until EOF, then closes."""
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()


async def count(reader, writer):
    """Reads to EOF (the client half-closes), then answers '<bytes> <sha256>\\n' and closes."""
    h = hashlib.sha256()
    n = 0
    while data := await reader.read(65536):
        h.update(data)
        n += len(data)
    print(f"GOT {n} {h.hexdigest()}", flush=True)
    writer.write(f"{n} {h.hexdigest()}\n".encode())
    await writer.drain()
    writer.close()


async def reset(reader, writer):
    """Sends a partial line, then resets the connection (RST via SO_LINGER 0)."""
    writer.write(b"partial line without end")
    await writer.drain()
    await reader.read(1)   # wait until the client says it has the bytes
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def lines(reader, writer):
    """Sends lines in awkward pieces, one line longer than 64 KiB, then a tail without newline."""
    payload = b"first\nsec" + b"ond\n" + b"x" * 70000 + b"\nafter\n" + b"tail"
    for i in range(0, len(payload), 1000):
        writer.write(payload[i:i + 1000])
        await writer.drain()
    writer.close()


async def slow(reader, writer):
    """A slow consumer with a small receive buffer: reads 8 KiB every 2 ms, then answers like count."""
    writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)
    h = hashlib.sha256()
    n = 0
    while data := await reader.read(8192):
        h.update(data)
        n += len(data)
        await asyncio.sleep(0.002)
    writer.write(f"{n} {h.hexdigest()}\n".encode())
    await writer.drain()
    writer.close()


class UdpUpper(asyncio.DatagramProtocol):
    """Answers each datagram with its upper-cased bytes."""

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)


async def udp_echo():
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(UdpUpper, local_addr=("127.0.0.1", 0))
    ready(transport.get_extra_info("sockname")[1])
    await until_stdin_closes()
    transport.close()


async def udp_client(host, port):
    """Sends 'ping' and 'pong', prints the two answers."""
    loop = asyncio.get_running_loop()
    answers = asyncio.Queue()

    class Client(asyncio.DatagramProtocol):
        def datagram_received(self, data, addr):
            answers.put_nowait(data.decode())

    transport, _ = await loop.create_datagram_endpoint(Client, remote_addr=(host, int(port)))
    transport.sendto(b"ping")
    first = await asyncio.wait_for(answers.get(), 10)
    transport.sendto(b"pong")
    second = await asyncio.wait_for(answers.get(), 10)
    transport.close()
    print(f"{first}|{second}")


# ---------------------------------------------------------------- clients

async def client_echo(host, port, nbytes):
    """Sends nbytes of a pattern, half-closes, reads the echo to EOF and checks it."""
    reader, writer = await asyncio.open_connection(host, int(port))
    nbytes = int(nbytes)
    data = bytes((i * 7 + 3) % 251 for i in range(nbytes))

    async def send():
        for i in range(0, nbytes, 50000):
            writer.write(data[i:i + 50000])
            await writer.drain()
        writer.write_eof()

    sender = asyncio.create_task(send())
    got = await reader.read()
    await sender
    writer.close()
    if got != data:
        print(f"echo mismatch: sent {len(data)} got {len(got)}", file=sys.stderr)
        sys.exit(1)
    print(f"OK {len(got)}")


async def client_lines(host, port):
    """Sends three lines, half-closes, prints each line the server answers."""
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(b"alpha\nbeta\n")
    writer.write(b"gam")
    await writer.drain()
    writer.write(b"ma\n")
    writer.write_eof()
    out = []
    while line := await reader.readline():
        out.append(line.decode().rstrip("\n"))
    writer.close()
    print("|".join(out))


async def client_lines_after_go(host, port):
    """client_lines, once a line arrives on stdin (so the test decides when we connect)."""
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    await client_lines(host, port)


async def client_unix_lines(path):
    """client_lines over a Unix-domain socket."""
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(b"alpha\nbeta\ngamma\n")
    writer.write_eof()
    out = []
    while line := await reader.readline():
        out.append(line.decode().rstrip("\n"))
    writer.close()
    print("|".join(out))


async def client_many(host, port, n):
    """Opens n connections at once, each sends its number and expects it echoed back upper-cased."""
    async def one(i):
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(f"conn-{i}\n".encode())
        line = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return line == f"CONN-{i}\n".encode()
    results = await asyncio.gather(*(one(i) for i in range(int(n))))
    print(f"OK {sum(results)}")


def main():
    mode, *args = sys.argv[1:]
    servers = {"echo": echo, "count": count, "reset": reset, "lines": lines, "slow": slow}
    if mode in servers:
        asyncio.run(serve(servers[mode]))
    elif mode == "udp-echo":
        asyncio.run(udp_echo())
    elif mode == "udp-client":
        asyncio.run(udp_client(*args))
    elif mode == "client-echo":
        asyncio.run(client_echo(*args))
    elif mode == "client-lines":
        asyncio.run(client_lines(*args))
    elif mode == "client-lines-after-go":
        asyncio.run(client_lines_after_go(*args))
    elif mode == "client-unix-lines":
        asyncio.run(client_unix_lines(*args))
    elif mode == "client-many":
        asyncio.run(client_many(*args))
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
