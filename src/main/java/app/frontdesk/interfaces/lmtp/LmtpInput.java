package app.frontdesk.interfaces.lmtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the client sends, read through one buffer: command lines, and the DATA that follows 354. One buffer for
 * both, because a pipelining client may send the next commands right behind the end of the data.
 */
final class LmtpInput {

    /** A command line longer than this is refused (RFC 5321 allows 512 octets; extensions make it longer). */
    static final int MAX_LINE = 4096;

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    LmtpInput(InputStream in) {
        this.in = in;
    }

    /** Whether the client has sent more than what was read (then replies may wait: it is pipelining). */
    boolean hasBuffered() throws IOException {
        return position < limit || in.available() > 0;
    }

    /**
     * The next command line without its line end; null at the end of the stream.
     *
     * @throws LineTooLongException after the whole over-long line was read and dropped
     */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                if (line.length() == 0 && !tooLong) {
                    return null;
                }
                throw new EOFException("the connection ended inside a command line");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                if (tooLong) {
                    throw new LineTooLongException();
                }
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() < MAX_LINE) {
                line.append((char) (b & 0xff));
            } else {
                tooLong = true;
            }
        }
    }

    /**
     * Reads the message that follows DATA up to the line holding a single dot, removes the dot-stuffing (a
     * line's leading dot doubled by the client), and hands the bytes to {@code sink}. A line ends at LF; the CR
     * before it is kept as sent.
     *
     * @throws EOFException when the connection ends before the final dot: nothing of it may be stored
     */
    void readData(Sink sink) throws IOException {
        boolean lineStart = true;
        boolean afterDot = false;  // a line's first byte was a dot
        boolean afterDotCr = false; // ... and the next one a CR
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection ended before the end of the data");
            }
            int start = position;
            while (position < limit) {
                byte b = buffer[position];
                if (afterDotCr) {
                    afterDotCr = false;
                    if (b == '\n') {
                        position++;
                        return; // CRLF . CRLF: the end
                    }
                    sink.write(new byte[] {'\r'}, 0, 1); // ".\r" then something else: the dot was stuffing
                    start = position;
                    lineStart = false;
                    continue;
                }
                if (afterDot) {
                    afterDot = false;
                    if (b == '\r') {
                        afterDotCr = true;
                        position++;
                        start = position;
                        continue;
                    }
                    if (b == '\n') {
                        position++;
                        return; // a bare LF after the dot: taken as the end too
                    }
                    start = position; // the leading dot is dropped, the rest of the line is data
                    lineStart = false;
                    continue;
                }
                if (lineStart && b == '.') {
                    if (position > start) {
                        sink.write(buffer, start, position - start);
                    }
                    position++;
                    start = position;
                    afterDot = true;
                    lineStart = false;
                    continue;
                }
                lineStart = b == '\n';
                position++;
            }
            if (position > start && !afterDot && !afterDotCr) {
                sink.write(buffer, start, position - start);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Where DATA's bytes go. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int offset, int length);
    }

    /** A command line over {@link #MAX_LINE}; it was read to its end, so the session can go on. */
    static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("command line too long");
        }
    }
}
