package sa.tenhal.integrations.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The MLLP listener labs push results to ({@code tenhal.results.mllp.*}; off in production until configured, on in the
 * demo): one thread per connection (a lab keeps one open and sends message after message), each message answered with
 * its ACK before the next is read. A connection idle for longer than the idle timeout is closed; a frame larger than
 * the limit closes the connection unanswered.
 */
public class MllpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final ResultIntake intake;
    private final String bindAddress;
    private final int configuredPort;
    private final int idleTimeoutMillis;
    private final int maxMessageBytes;
    private final Semaphore connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile ExecutorService workers;

    MllpListener(
            ResultIntake intake,
            String bindAddress,
            int port,
            java.time.Duration idleTimeout,
            int maxMessageBytes,
            int maxConnections) {
        this.intake = intake;
        this.bindAddress = bindAddress;
        this.configuredPort = port;
        this.idleTimeoutMillis = (int) idleTimeout.toMillis();
        this.maxMessageBytes = maxMessageBytes;
        this.connections = new Semaphore(maxConnections);
    }

    /** The port it listens on (the ephemeral one the tests asked for with 0); -1 when stopped. */
    public int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public void start() {
        try {
            ServerSocket s = new ServerSocket(configuredPort, 100, InetAddress.getByName(bindAddress));
            s.setReuseAddress(true);
            server = s;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The MLLP listener cannot listen on " + bindAddress + ":" + configuredPort
                            + " (tenhal.results.mllp.port)",
                    e);
        }
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mllp-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.execute(this::accept);
        log.info("MLLP listener on {}:{}", bindAddress, port());
    }

    private void accept() {
        ServerSocket s = server;
        while (s != null && !s.isClosed()) {
            try {
                Socket socket = s.accept();
                if (!connections.tryAcquire()) {
                    socket.close();
                    continue;
                }
                open.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!s.isClosed()) {
                    log.warn("MLLP accept failed: {}", e.toString());
                }
            } catch (RuntimeException e) {
                // a worker pool that stopped (shutting down)
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(idleTimeoutMillis);
            socket.setTcpNoDelay(true);
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            while (true) {
                String message = Mllp.read(in, maxMessageBytes);
                if (message == null) {
                    return;
                }
                Mllp.write(out, intake.hl7(message));
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle, or the lab went away: it reconnects
        } catch (IOException e) {
            log.warn("MLLP connection from {} closed: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            open.remove(socket);
            connections.release();
        }
    }

    @Override
    public void stop() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        ExecutorService w = workers;
        if (w != null) {
            w.shutdown();
            try {
                w.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
