package app.frontdesk.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A few lines of SMTP server that announce the extensions a test asks for and write down what they were
 * told, byte for byte: the commands (as UTF-8) and each message's data. GreenMail announces no SMTPUTF8,
 * so the path of a relay that does is tested against this one.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> extensions;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> messages = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public ScriptedSmtpServer(String... extensions) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.extensions = List.of(extensions);
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every command line received, decoded as UTF-8, without its line end. */
    public List<String> commands() {
        return commands;
    }

    /** The data of every message received, as sent (dot-stuffing and the final dot removed). */
    public List<byte[]> messages() {
        return messages;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread conversation = new Thread(() -> {
                    try (s) {
                        converse(s.getInputStream(), s.getOutputStream());
                    } catch (IOException e) {
                        // the client went away
                    }
                }, "scripted-smtp-session");
                conversation.setDaemon(true);
                conversation.start(); // one thread a connection: a client may hold several at once
            } catch (IOException e) {
                // the server was closed
            }
        }
    }

    private void converse(InputStream in, OutputStream out) throws IOException {
        reply(out, "220 scripted.test ESMTP");
        for (byte[] line; (line = line(in)) != null; ) {
            String command = new String(line, StandardCharsets.UTF_8);
            commands.add(command);
            String verb = command.length() < 4 ? command.toUpperCase() : command.substring(0, 4).toUpperCase();
            switch (verb) {
                case "EHLO" -> {
                    StringBuilder answer = new StringBuilder("250-scripted.test");
                    extensions.forEach(x -> answer.append("\r\n250-").append(x));
                    reply(out, answer.append("\r\n250 HELP").toString());
                }
                case "DATA" -> {
                    reply(out, "354 go on");
                    messages.add(data(in));
                    reply(out, "250 OK queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static byte[] data(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] line; (line = line(in)) != null; ) {
            if (line.length == 1 && line[0] == '.') {
                break;
            }
            int from = line.length > 0 && line[0] == '.' ? 1 : 0;
            data.write(line, from, line.length - from);
            data.write('\r');
            data.write('\n');
        }
        return data.toByteArray();
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                return b.length > 0 && b[b.length - 1] == '\r' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
            }
            line.write(c);
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
