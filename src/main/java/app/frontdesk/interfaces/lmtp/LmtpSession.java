package app.frontdesk.interfaces.lmtp;

import app.frontdesk.application.DatabaseUnavailableException;
import app.frontdesk.application.Meter;
import app.frontdesk.application.intake.IntakeResult;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.application.intake.MessageTooLargeException;
import app.frontdesk.domain.model.inbound.Envelope;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One LMTP connection (RFC 2033 on RFC 5321's commands): LHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. After DATA
 * one reply per accepted recipient, in their order: 250 only once intake has committed the message for that
 * recipient, 451 4.3.0 on any fault of ours (the mail server keeps the message and retries), 552 5.3.4 over
 * the size cap. Each recipient's copy starts with Return-Path and Delivered-To, as a final delivery's does:
 * the same bytes for two recipients would be one message to intake's de-duplication.
 */
final class LmtpSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(LmtpSession.class.getName());
    private static final Pattern PATH = Pattern.compile("^(FROM|TO):\\s*<([^<>\\s]*)>(.*)$", Pattern.CASE_INSENSITIVE);
    /** A mailbox is at most 254 octets in practice (RFC 5321 4.5.3.1 allows a path of 256). */
    private static final int MAX_ADDRESS = 320;

    private final Socket socket;
    private final LmtpServer.Config config;
    private final MessageIntake intake;
    private final Meter meter;
    private final long bodyCap;
    private OutputStream out;
    private boolean greeted;
    private String sender; // null: no transaction
    private final List<String> recipients = new ArrayList<>();
    /** From DATA until every recipient is answered: a stopping listener waits for this, not for idle connections. */
    private volatile boolean delivering;
    /** Whether the listener stops: a connection kept open for more deliveries is then ended once its delivery is answered. */
    private final BooleanSupplier stopping;

    LmtpSession(Socket socket, LmtpServer.Config config, MessageIntake intake, Meter meter, BooleanSupplier stopping) {
        this.socket = socket;
        this.stopping = stopping;
        this.config = config;
        this.intake = intake;
        this.meter = meter;
        this.bodyCap = LmtpServer.bodyCap(intake.maxBytes());
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout((int) config.idleTimeout().toMillis());
            // Every reply is written whole and flushed when the client waits for it: Nagle's algorithm would only hold a
            // reply back until the client's delayed acknowledgement of the one before.
            socket.setTcpNoDelay(true);
            LmtpInput in = new LmtpInput(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
            reply("220 " + config.hostname() + " LMTP ready");
            while (true) {
                if (stopping.getAsBoolean()) {
                    // the delivery in hand is answered; the mail server's next one goes to another instance or waits for our restart
                    reply("421 4.3.2 " + config.hostname() + " shutting down, closing");
                    out.flush();
                    return;
                }
                if (!in.hasBuffered()) {
                    out.flush(); // replies to pipelined commands go out together, when the client waits for them
                }
                String line;
                try {
                    line = in.readLine();
                } catch (LmtpInput.LineTooLongException e) {
                    reply("500 5.5.2 Line too long");
                    continue;
                }
                if (line == null && stopping.getAsBoolean()) {
                    // the listener ended our input to stop: the client is still there and is told why (RFC 5321 3.8)
                    reply("421 4.3.2 " + config.hostname() + " shutting down, closing");
                    out.flush();
                    return;
                }
                if (line == null || !command(line, in)) {
                    out.flush();
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            try {
                reply("421 4.4.2 " + config.hostname() + " idle too long, closing");
                out.flush();
            } catch (IOException ignored) {
                // the client is gone
            }
        } catch (IOException e) {
            // the client went away (or the listener is closing); an unfinished DATA was not stored: the MTA sends it again
            LOG.log(Level.FINE, "LMTP connection ended", e);
        }
    }

    /** @return false after QUIT */
    private boolean command(String line, LmtpInput in) throws IOException {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        switch (verb) {
            case "LHLO" -> lhlo(argument);
            case "HELO", "EHLO" -> reply("500 5.5.1 This is LMTP: say LHLO");
            case "MAIL" -> mail(argument);
            case "RCPT" -> rcpt(argument);
            case "DATA" -> data(in);
            case "RSET" -> {
                reset();
                reply("250 2.0.0 OK");
            }
            case "NOOP" -> reply("250 2.0.0 OK");
            case "QUIT" -> {
                reply("221 2.0.0 " + config.hostname() + " closing");
                return false;
            }
            case "VRFY" -> reply("252 2.5.0 Cannot verify, but will take the message");
            default -> reply("500 5.5.1 Command not recognized");
        }
        return true;
    }

    private void lhlo(String domain) throws IOException {
        if (domain.isEmpty()) {
            reply("501 5.5.4 LHLO needs a domain");
            return;
        }
        reset();
        greeted = true;
        reply("250-" + config.hostname());
        reply("250-PIPELINING");
        reply("250-ENHANCEDSTATUSCODES");
        reply("250-8BITMIME");
        reply("250 SIZE " + bodyCap);
    }

    private void mail(String argument) throws IOException {
        if (!greeted) {
            reply("503 5.5.1 Say LHLO first");
            return;
        }
        if (sender != null) {
            reply("503 5.5.1 A transaction is already open (RSET first)");
            return;
        }
        Matcher m = PATH.matcher(argument);
        if (!m.matches() || !m.group(1).equalsIgnoreCase("FROM") || m.group(2).length() > MAX_ADDRESS) {
            reply("501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]");
            return;
        }
        for (String parameter : m.group(3).strip().split("\\s+")) {
            String p = parameter.toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("SIZE=")) {
                long size;
                try {
                    size = Long.parseLong(p.substring(5));
                } catch (NumberFormatException e) {
                    reply("501 5.5.4 SIZE must be a number");
                    return;
                }
                if (size > bodyCap) {
                    meter.increment("lmtp_refused", "reason", "size");
                    reply("552 5.3.4 Message too big: at most " + bodyCap + " bytes");
                    return;
                }
            } else if (!p.equals("BODY=7BIT") && !p.equals("BODY=8BITMIME")) {
                reply("555 5.5.4 Parameter not supported: " + parameter);
                return;
            }
        }
        sender = m.group(2);
        reply("250 2.1.0 OK");
    }

    private void rcpt(String argument) throws IOException {
        if (sender == null) {
            reply("503 5.5.1 MAIL first");
            return;
        }
        Matcher m = PATH.matcher(argument);
        if (!m.matches() || !m.group(1).equalsIgnoreCase("TO") || m.group(2).isEmpty() || m.group(2).length() > MAX_ADDRESS) {
            reply("501 5.1.3 Syntax: RCPT TO:<address>");
            return;
        }
        if (!m.group(3).isBlank()) {
            reply("555 5.5.4 RCPT parameters not supported");
            return;
        }
        if (recipients.size() >= config.maxRecipients()) {
            reply("452 4.5.3 Too many recipients; send the rest in another transaction");
            return;
        }
        recipients.add(m.group(2));
        reply("250 2.1.5 OK");
    }

    private void data(LmtpInput in) throws IOException {
        if (sender == null) {
            reply("503 5.5.1 MAIL first");
            return;
        }
        if (recipients.isEmpty()) {
            reply("503 5.5.1 No valid recipients");
            return;
        }
        delivering = true;
        try {
            reply("354 Start mail input; end with <CRLF>.<CRLF>");
            out.flush();
            CappedBody body = new CappedBody(bodyCap);
            in.readData(body);
            for (String recipient : recipients) {
                reply(deliver(body, recipient));
                out.flush(); // each recipient's answer as soon as it is known: the mail server may act on it
            }
            reset();
        } finally {
            delivering = false;
        }
    }

    boolean delivering() {
        return delivering;
    }

    /** Stores the message for one recipient; the reply says whether it is committed. */
    private String deliver(CappedBody body, String recipient) {
        if (body.overCap()) {
            meter.increment("lmtp_refused", "reason", "size");
            return "552 5.3.4 <" + recipient + "> Message too big: at most " + bodyCap + " bytes";
        }
        try {
            IntakeResult stored = intake.accept(body.withPrefix(trace(recipient)), new Envelope(sender, recipient));
            meter.increment("lmtp_accepted");
            return "250 2.0.0 <" + recipient + "> " + (stored.duplicate() ? "already stored as " : "stored as ") + stored.id();
        } catch (MessageTooLargeException e) {
            meter.increment("lmtp_refused", "reason", "size");
            return "552 5.3.4 <" + recipient + "> Message too big: at most " + bodyCap + " bytes";
        } catch (DatabaseUnavailableException e) {
            // said once per outage by the database layer (its "database is unreachable" line); a stack trace per
            // deferred delivery would bury that line under thousands of the same, as /api/inbound's 503 does not
            meter.increment("lmtp_refused", "reason", "unavailable");
            return "451 4.3.0 <" + recipient + "> Could not be stored now; try again later";
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not store an LMTP delivery; answering 451 so the mail server retries", e);
            meter.increment("lmtp_refused", "reason", "unavailable");
            return "451 4.3.0 <" + recipient + "> Could not be stored now; try again later";
        }
    }

    /** Return-Path and Delivered-To, as a final delivery adds them (RFC 5321 4.4, RFC 9228). */
    private byte[] trace(String recipient) {
        return ("Return-Path: <" + sender + ">\r\nDelivered-To: " + recipient + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private void reset() {
        sender = null;
        recipients.clear();
    }

    private void reply(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
