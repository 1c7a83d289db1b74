package io.jasyncio.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A Netty server on one event loop (NIO or native epoll), as the echo and HTTP benchmarks' peer. */
final class NettyServer implements BenchServer {
    private final EventLoopGroup group;
    private final Channel channel;
    private final Thread loopThread;

    /** Listens on an ephemeral loopback port; {@code pipeline} sets up each accepted connection. */
    NettyServer(boolean epoll, Consumer<ChannelPipeline> pipeline) throws Exception {
        if (epoll) {
            Epoll.ensureAvailability();   // the native library: says why if it cannot load
        }
        group = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        channel = new ServerBootstrap()
                .group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline.accept(ch.pipeline());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        loopThread = group.next().submit(Thread::currentThread).get();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public Thread thread() {
        return loopThread;
    }

    @Override
    public void close() throws Exception {
        channel.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
}
