package io.jasyncio;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The selector attachment behind {@code addReader}/{@code addWriter}: one reader and one writer callback
 * per channel, called on the loop thread for as long as the channel stays ready (level-triggered, as
 * asyncio's selector loop is).
 */
final class ChannelWatcher implements EventLoop.IoHandler {
    private final EventLoop loop;
    final SelectableChannel channel;
    SelectionKey key;
    Runnable reader;
    Runnable writer;

    ChannelWatcher(EventLoop loop, SelectableChannel channel) {
        this.loop = loop;
        this.channel = channel;
    }

    /** Recomputes the key's interest from which callbacks are set. */
    void updateInterest() {
        if (!key.isValid()) {
            return;
        }
        int ops = 0;
        if (reader != null) {
            ops |= channel.validOps() & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            ops |= channel instanceof SocketChannel sc && sc.isConnectionPending()
                    ? SelectionKey.OP_CONNECT : channel.validOps() & SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }

    boolean isIdle() {
        return reader == null && writer == null;
    }

    @Override
    public void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;   // closed by a callback that ran earlier in this batch
        }
        int ready = key.readyOps();
        if ((ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && reader != null) {
            run(reader);
        }
        if ((ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && writer != null && key.isValid()) {
            run(writer);
        }
    }

    private void run(Runnable callback) {
        try {
            callback.run();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme;
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("message", "Exception in I/O callback " + callback + " for " + channel);
            context.put("exception", t);
            loop.callExceptionHandler(context);
        }
    }
}
