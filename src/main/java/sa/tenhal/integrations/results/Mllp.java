package sa.tenhal.integrations.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Minimal Lower Layer Protocol (HL7 v2 transport over TCP): a message travels as {@code <VT> message <FS><CR>}.
 * Written once for the listener and for orders going out. A frame that ends before its {@code <FS><CR>} (a dropped
 * connection) is no message: it is never handed on, and the sender, having no ACK, sends it again.
 */
final class Mllp {

    static final int START = 0x0b;
    static final int END = 0x1c;
    static final int CR = 0x0d;

    private Mllp() {}

    /** The next message on the stream; null at the end of the stream (or of a truncated frame). */
    static String read(InputStream in, int maxBytes) throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b != START);
        ByteArrayOutputStream message = new ByteArrayOutputStream(1024);
        while (true) {
            b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == END) {
                int next = in.read();
                if (next == CR) {
                    return message.toString(StandardCharsets.UTF_8);
                }
                if (next < 0) {
                    return null;
                }
                message.write(b);
                b = next;
            }
            if (b == START) {
                // a new frame began before this one ended: the partial one is dropped
                message.reset();
                continue;
            }
            if (message.size() >= maxBytes) {
                throw new IOException("MLLP frame larger than " + maxBytes + " bytes");
            }
            message.write(b);
        }
    }

    static void write(OutputStream out, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 3];
        frame[0] = START;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[body.length + 1] = END;
        frame[body.length + 2] = CR;
        out.write(frame);
        out.flush();
    }

    /** Sends one message on a new connection and waits for the answer (an ACK). */
    static String exchange(String host, int port, String message, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            write(socket.getOutputStream(), message);
            String answer = read(socket.getInputStream(), 1 << 20);
            if (answer == null) {
                throw new IOException("the connection closed before an ACK came");
            }
            return answer;
        }
    }
}
