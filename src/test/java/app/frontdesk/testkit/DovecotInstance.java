package app.frontdesk.testkit;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Dovecot (the Debian package {@code dovecot-imapd}) for tests: its own configuration, run
 * and state directories under a test directory, IMAP on a loopback port without TLS, one user in a
 * passwd file, maildir storage. Nothing system-wide is used or changed. Dovecot refuses mail access as
 * uid 0, so under root the mail processes run as {@code nobody}.
 */
public final class DovecotInstance implements AutoCloseable {

    public static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    public static final String USER = "support@frontdesk.test";
    public static final String PASSWORD = "imap-secret-for-tests";

    private final Path dir;
    private final Path conf;
    private final int port;

    private DovecotInstance(Path dir, Path conf, int port) {
        this.dir = dir;
        this.conf = conf;
        this.port = port;
    }

    /** Fails under CI=true when Dovecot is not installed; skips on a developer machine. */
    public static void require() {
        if (!Files.isExecutable(DOVECOT)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("Dovecot is required under CI=true: apt-get install dovecot-imapd");
            }
            Assumptions.abort("Dovecot not installed (apt-get install dovecot-imapd)");
        }
    }

    /**
     * Starts Dovecot in {@code dir} (emptied first).
     *
     * @param capabilities the IMAP capabilities it announces after login, or null for Dovecot's own (IDLE, MOVE,
     *                     UIDPLUS ...): a test leaves IDLE or MOVE out to see the fallbacks
     */
    public static DovecotInstance start(Path dir, String capabilities) throws Exception {
        return start(dir, capabilities, null);
    }

    /**
     * As {@link #start(Path, String)}, with sign-in by OAuth2 instead of the passwd file when {@code tokenInfoUrl}
     * is set: Dovecot's oauth2 passdb asks that URL (the token appended) whether a token is valid, for XOAUTH2 and
     * for PLAIN with the token as password (so {@link #connect()} works when the server accepts {@link #PASSWORD}).
     */
    public static DovecotInstance start(Path dir, String capabilities, String tokenInfoUrl) throws Exception {
        require();
        Path base = GatewayProcess.fresh(dir.toAbsolutePath()).toAbsolutePath();
        Files.createDirectories(base);
        int port = GatewayProcess.freePort();
        boolean root = "root".equals(System.getProperty("user.name"));
        String user = root ? "nobody" : System.getProperty("user.name");
        String group = root ? "nogroup" : run(List.of("id", "-gn")).strip();
        Path mail = Files.createDirectories(base.resolve("mail"));
        Path run = Files.createDirectories(base.resolve("run"));
        Path state = Files.createDirectories(base.resolve("state"));
        if (root) {
            UserPrincipalLookupService users = base.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(mail, users.lookupPrincipalByName(user));
            for (Path p = base; p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException(p + " must be searchable by nobody for Dovecot's mail processes (chmod o+x)");
                }
            }
        }
        Path passwd = base.resolve("passwd");
        Files.writeString(passwd, USER + ":{PLAIN}" + PASSWORD + "::::::\n");
        if (tokenInfoUrl != null) {
            Files.writeString(base.resolve("oauth2.conf"), "tokeninfo_url = " + tokenInfoUrl + "\nusername_attribute = email\n"
                    + "active_attribute = active\nactive_value = true\n");
        }
        Path conf = base.resolve("dovecot.conf");
        Files.writeString(conf, String.join("\n",
                "instance_name = frontdesk-test-" + port,
                "base_dir = " + run,
                "state_dir = " + state,
                "log_path = " + base.resolve("dovecot.log"),
                "protocols = imap",
                "listen = 127.0.0.1",
                "ssl = no",
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain login" + (tokenInfoUrl == null ? "" : " xoauth2 oauthbearer"),
                "default_login_user = " + user,
                "default_internal_user = " + user,
                "default_internal_group = " + group,
                "first_valid_uid = 1",
                "mail_location = maildir:" + mail + "/%u",
                tokenInfoUrl == null ? "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u " + passwd + "\n}"
                        : "passdb {\n  driver = oauth2\n  args = " + base.resolve("oauth2.conf") + "\n}",
                "userdb {",
                "  driver = static",
                "  args = uid=" + user + " gid=" + group + " home=" + mail + "/%u",
                "}",
                "service imap-login {",
                "  chroot =",
                "  inet_listener imap {",
                "    address = 127.0.0.1",
                "    port = " + port,
                "  }",
                "  inet_listener imaps {",
                "    port = 0",
                "  }",
                "}",
                "service anvil {",
                "  chroot =",
                "}",
                "service stats {",
                "  unix_listener stats-reader {",
                "    user = " + user,
                "  }",
                "  unix_listener stats-writer {",
                "    user = " + user,
                "  }",
                "}",
                capabilities == null ? "" : "protocol imap {\n  imap_capability = " + capabilities + "\n}",
                ""));
        DovecotInstance d = new DovecotInstance(base, conf, port);
        run(List.of(DOVECOT.toString(), "-c", conf.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return d;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Dovecot did not listen on " + port + ": " + d.log());
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        Path log = dir.resolve("dovecot.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The user's maildir INBOX (for a test that rebuilds its index). */
    public Path inboxDir() {
        return dir.resolve("mail").resolve(USER);
    }

    /** A client session, as another mail program (or the test) uses the mailbox. */
    public Store connect() throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "30000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", port, USER, PASSWORD);
        return store;
    }

    /** Puts messages into {@code folder} (created if missing) with IMAP APPEND, as a mail server's delivery would. */
    public void append(String folder, List<byte[]> messages, Date arrived, Flags flags) throws Exception {
        try (Store store = connect()) {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            Session session = Session.getInstance(new Properties());
            Message[] batch = new Message[messages.size()];
            for (int i = 0; i < batch.length; i++) {
                MimeMessage m = new RawMimeMessage(session, messages.get(i), arrived);
                if (flags != null) {
                    m.setFlags(flags, true);
                }
                batch[i] = m;
            }
            // appendMessages with a received date: INTERNALDATE is what intake's cut-off reads
            ((IMAPFolder) f).appendMessages(batch);
        }
    }

    /** How many messages {@code folder} holds now (0 when it does not exist). */
    public int count(String folder) throws MessagingException {
        try (Store store = connect()) {
            Folder f = store.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        }
    }

    /** The UIDVALIDITY the server gives {@code folder} now. */
    public long uidValidity(String folder) throws MessagingException {
        try (Store store = connect()) {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                return f.getUIDValidity();
            } finally {
                f.close(false);
            }
        }
    }

    /** The Message-IDs of the messages in {@code folder}. */
    public List<String> messageIds(String folder) throws MessagingException {
        try (Store store = connect()) {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(Folder.READ_ONLY);
            try {
                List<String> ids = new java.util.ArrayList<>();
                for (Message m : f.getMessages()) {
                    ids.add(((MimeMessage) m).getMessageID());
                }
                return ids;
            } finally {
                f.close(false);
            }
        }
    }

    /** Runs doveadm against this instance (as root it may act for the user). */
    public String doveadm(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/doveadm", "-c", conf.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** Runs a command to its end; its output goes through a file, since Dovecot's daemon inherits (and keeps) it. */
    private static String run(List<String> command) throws Exception {
        Path out = Files.createTempFile("dovecot-cmd", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " failed: " + Files.readString(out));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * Stops Dovecot: its master process and every child. The children are waited for too: the master can exit
     * before an imap process that is still writing its index, and a test that then removes the index files
     * would find them written again (a rebuilt mailbox keeping its old UIDVALIDITY failed CI once).
     */
    public void stop() throws Exception {
        Path pid = dir.resolve("run").resolve("master.pid");
        if (Files.exists(pid)) {
            long master = Long.parseLong(Files.readString(pid).strip());
            ProcessHandle.of(master).ifPresent(h -> {
                List<ProcessHandle> all = new java.util.ArrayList<>(h.descendants().toList());
                all.add(h);
                h.destroy();
                for (ProcessHandle p : all) {
                    try {
                        p.onExit().get(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                }
            });
        }
    }

    /** Starts this instance again on the same port, configuration and mail (after {@link #stop()}). */
    public void restart() throws Exception {
        run(List.of(DOVECOT.toString(), "-c", conf.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Dovecot did not listen again on " + port);
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** A message whose bytes go to the server exactly as given (MimeMessage would rewrite headers on save). */
    private static final class RawMimeMessage extends MimeMessage {

        private final Date arrived;

        RawMimeMessage(Session session, byte[] raw, Date arrived) throws MessagingException {
            super(session, new ByteArrayInputStream(raw));
            this.arrived = arrived;
        }

        /** APPEND sends this as the INTERNALDATE (null: the server's now). */
        @Override
        public Date getReceivedDate() {
            return arrived;
        }

        @Override
        public void saveChanges() {
            // nothing: the bytes are sent as read
        }
    }
}
