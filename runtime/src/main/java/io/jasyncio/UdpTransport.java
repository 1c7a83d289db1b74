package io.jasyncio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * asyncio's {@code _SelectorDatagramTransport}: a UDP socket on the loop. Datagrams are received into the
 * loop's shared read buffer; sends go out at once and are queued (copied) only when the socket is full.
 */
final class UdpTransport implements DatagramTransport, EventLoop.IoHandler {
    /** Datagrams read per readiness event before giving other channels their turn. */
    private static final int MAX_READS_PER_EVENT = 16;

    private final EventLoop loop;
    private final DatagramChannel channel;
    private final SelectionKey key;
    private final DatagramProtocol protocol;
    private final SocketAddress remote;
    private final ArrayDeque<Object[]> queue = new ArrayDeque<>();
    private int bufferSize;
    private boolean protocolPaused;
    private boolean closing;
    private boolean lost;
    private int interest;

    private UdpTransport(EventLoop loop, DatagramChannel channel, DatagramProtocol protocol, SocketAddress remote) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        this.key = SelectorEvents.attach(loop, channel, this);
    }

    /** Python's {@code create_datagram_endpoint}: binds {@code local} (null: any port), connects to {@code remote} if given. */
    static Future<DatagramTransport> create(EventLoop loop, java.util.function.Supplier<? extends DatagramProtocol> factory,
                                            SocketAddress local, SocketAddress remote) {
        Future<DatagramTransport> result = new Future<>(loop);
        DatagramChannel ch = null;
        try {
            for (SocketAddress a : new SocketAddress[] {local, remote}) {
                if (a instanceof InetSocketAddress inet && inet.isUnresolved()) {
                    throw new IllegalArgumentException("createDatagramEndpoint: unresolved address " + a + ": resolve it first (getAddrInfo)");
                }
            }
            SocketAddress any = local != null ? local : remote;
            boolean v6 = any instanceof InetSocketAddress inet && inet.getAddress() instanceof java.net.Inet6Address;
            ch = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.configureBlocking(false);
            ch.bind(local);
            if (remote != null) {
                ch.connect(remote);
            }
            DatagramProtocol protocol = factory.get();
            UdpTransport t = new UdpTransport(loop, ch, protocol, remote);
            DatagramChannel opened = ch;
            loop.enqueue(() -> {
                try {
                    protocol.connectionMade(t);
                } catch (Throwable e) {
                    t.fatal(e, "Fatal error: protocol.connectionMade() call failed.");
                    result.setException(e);
                    return;
                }
                if (!t.closing) {
                    t.setInterest(SelectionKey.OP_READ);
                }
                result.setResult(t);
            });
            result.addCallback(() -> {
                if (result.isCancelled()) {
                    t.abort();
                    SelectorEvents.closeQuietly(opened);
                }
            });
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                SelectorEvents.closeQuietly(ch);
            }
            result.setException(e);
        }
        return result;
    }

    @Override
    public void onReady(SelectionKey k) {
        if (!k.isValid()) {
            return;
        }
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_READ) != 0) {
            readReady();
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && !lost) {
            writeReady();
        }
    }

    private void readReady() {
        ByteBuffer buf = SelectorEvents.readBuffer(loop);
        for (int i = 0; i < MAX_READS_PER_EVENT && !closing; i++) {
            buf.clear();
            SocketAddress from;
            try {
                from = channel.receive(buf);   // null: nothing pending (a connected socket also reports ICMP errors here)
            } catch (IOException e) {
                errorReceived(e);   // ICMP errors and the like: the endpoint stays usable
                return;
            }
            if (from == null) {
                return;
            }
            buf.flip();
            try {
                protocol.datagramReceived(buf, from);
            } catch (Throwable t) {
                fatal(t, "Fatal error: protocol.datagramReceived() call failed.");
                return;
            }
        }
    }

    private void writeReady() {
        for (Object[] d; (d = queue.peekFirst()) != null; ) {
            ByteBuffer data = (ByteBuffer) d[0];
            int n = data.remaining();
            try {
                if (send(data, (SocketAddress) d[1]) == 0) {
                    return;
                }
            } catch (IOException e) {
                errorReceived(e);
            }
            queue.pollFirst();
            bufferSize -= n;
        }
        maybeResume();
        setInterest(interest & ~SelectionKey.OP_WRITE);
        if (closing) {
            callConnectionLost(null);
        }
    }

    private int send(ByteBuffer data, SocketAddress addr) throws IOException {
        return addr == null ? channel.write(data) : channel.send(data, addr);
    }

    @Override
    public void sendTo(ByteBuffer data, SocketAddress addr) {
        if (remote != null && addr != null && !addr.equals(remote)) {
            throw new IllegalArgumentException("Invalid address: must be null or " + remote);
        }
        if (remote == null && addr == null) {
            throw new IllegalArgumentException("sendTo: an address is required on an unconnected endpoint");
        }
        if (lost || closing) {
            return;
        }
        if (queue.isEmpty()) {
            try {
                if (send(data, addr) > 0) {
                    return;
                }
            } catch (IOException e) {
                errorReceived(e);
                return;
            }
            setInterest(interest | SelectionKey.OP_WRITE);
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        queue.addLast(new Object[] {copy, addr});
        bufferSize += copy.remaining();
        if (!protocolPaused && bufferSize > Transport.DEFAULT_HIGH_WATER) {
            protocolPaused = true;
            protocol.pauseWriting();
        }
    }

    private void maybeResume() {
        if (protocolPaused && bufferSize <= Transport.DEFAULT_LOW_WATER) {
            protocolPaused = false;
            protocol.resumeWriting();
        }
    }

    private void errorReceived(IOException e) {
        try {
            protocol.errorReceived(e);
        } catch (Throwable t) {
            fatal(t, "Fatal error: protocol.errorReceived() call failed.");
        }
    }

    private void setInterest(int ops) {
        interest = SelectorEvents.updateInterest(key, interest, ops);
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        setInterest(interest & ~SelectionKey.OP_READ);
        if (queue.isEmpty()) {
            lost = true;
            loop.enqueue(() -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    private void fatal(Throwable exc, String message) {
        if (!(exc instanceof IOException)) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", message);
            context.put("exception", exc);
            context.put("transport", this);
            loop.callExceptionHandler(context);
        }
        forceClose(exc);
    }

    private void forceClose(Throwable exc) {
        if (lost) {
            return;
        }
        lost = true;
        closing = true;
        queue.clear();
        bufferSize = 0;
        setInterest(0);
        loop.enqueue(() -> callConnectionLost(exc));
    }

    private void callConnectionLost(Throwable exc) {
        lost = true;
        try {
            protocol.connectionLost(exc);
        } finally {
            SelectorEvents.closeQuietly(channel);
        }
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public int getWriteBufferSize() {
        return bufferSize;
    }

    @Override
    public Object getExtraInfo(String name) {
        try {
            return switch (name) {
                case "sockname" -> channel.getLocalAddress();
                case "peername" -> remote;
                case "socket" -> channel;
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public String toString() {
        return "UdpTransport[" + channel + "]";
    }
}
