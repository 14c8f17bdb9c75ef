package app.frontdesk.infrastructure.imap;

import app.frontdesk.application.mailbox.RemoteMailbox;
import app.frontdesk.infrastructure.config.ImapMailboxSettings;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * One signed-in IMAP connection with the mailbox's folder open, as {@link RemoteMailbox}. Bodies are
 * fetched with {@code BODY.PEEK[]} (exactly the bytes the server keeps, and no \Seen set by us); moves
 * use MOVE (RFC 6851) where the server has it, else COPY, \Deleted and UID EXPUNGE (RFC 4315).
 */
final class ImapConnection implements RemoteMailbox, AutoCloseable {

    /** A read that hangs this long means a dead connection; longer than {@link MailboxWatcher}'s IDLE restart. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final IMAPStore store;
    private final IMAPFolder folder;
    private final IMAPFolder done;
    private final boolean move;
    private final boolean uidExpunge;
    private final boolean idle;

    private ImapConnection(IMAPStore store, IMAPFolder folder, IMAPFolder done) throws MessagingException {
        this.store = store;
        this.folder = folder;
        this.done = done;
        this.move = store.hasCapability("MOVE");
        this.uidExpunge = store.hasCapability("UIDPLUS");
        this.idle = store.hasCapability("IDLE");
    }

    /**
     * Signs in and opens the folder read-write; creates the processed folder when it is missing.
     *
     * @param secret the password, or the OAuth2 access token for XOAUTH2
     */
    static ImapConnection open(ImapMailboxSettings box, String secret) throws MailboxException {
        String protocol = box.security().equals("tls") ? "imaps" : "imap";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "connectiontimeout", "20000");
        p.put(prefix + "timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        if (box.security().equals("tls")) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        } else if (box.security().equals("starttls")) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (box.oauth2()) {
            p.put(prefix + "auth.mechanisms", "XOAUTH2");
            p.put(prefix + "auth.xoauth2.disable", "false");
        }
        IMAPStore store = null;
        try {
            store = (IMAPStore) Session.getInstance(p).getStore(protocol);
            store.connect(box.host(), box.port(), box.user(), secret);
            IMAPFolder done = (IMAPFolder) store.getFolder(box.doneFolder());
            if (!done.exists() && !done.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("the server refused to create the folder " + box.doneFolder());
            }
            IMAPFolder folder = (IMAPFolder) store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            return new ImapConnection(store, folder, done);
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(store);
            throw new MailboxException(describe(e), e);
        }
    }

    boolean supportsIdle() {
        return idle;
    }

    boolean supportsMove() {
        return move;
    }

    @Override
    public long uidValidity() throws MailboxException {
        try {
            return folder.getUIDValidity();
        } catch (MessagingException e) {
            throw new MailboxException(describe(e), e);
        }
    }

    @Override
    public long uidNext() throws MailboxException {
        try {
            // STATUS, not the value SELECT gave: that one does not move as mail arrives
            long next = store.getFolder(folder.getFullName()) instanceof IMAPFolder f ? f.getUIDNext() : -1;
            return next > 0 ? next : folder.getUIDNext();
        } catch (MessagingException e) {
            throw new MailboxException(describe(e), e);
        }
    }

    @Override
    public List<Listed> listFrom(long fromUid) throws MailboxException {
        try {
            Message[] messages = folder.getMessagesByUID(Math.max(1, fromUid), UIDFolder.MAXUID);
            FetchProfile fp = new FetchProfile();
            fp.add(UIDFolder.FetchProfileItem.UID);
            fp.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            fp.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, fp);
            List<Listed> listed = new ArrayList<>();
            for (Message m : messages) {
                if (m == null || m.isExpunged()) {
                    continue;
                }
                long uid = folder.getUID(m);
                if (uid >= fromUid) { // "n:*" always names the last message, even below n
                    listed.add(new Listed(uid, m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant(), m.getSize()));
                }
            }
            listed.sort((a, b) -> Long.compare(a.uid(), b.uid()));
            return listed;
        } catch (MessagingException | RuntimeException e) {
            throw new MailboxException(describe(e), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<Long, byte[]> fetch(List<Long> uids) throws MailboxException {
        if (uids.isEmpty()) {
            return Map.of();
        }
        try {
            // one round trip for the chunk; the folder's own handlers still see everything else the server said
            return (Map<Long, byte[]>) folder.doCommand(protocol -> {
                Response[] r = protocol.command("UID FETCH " + uidSet(uids) + " (UID BODY.PEEK[])", null);
                Response result = r[r.length - 1];
                Map<Long, byte[]> bodies = new HashMap<>();
                for (int i = 0; i < r.length - 1; i++) {
                    if (r[i] instanceof FetchResponse f) {
                        UID uid = f.getItem(UID.class);
                        BODY body = f.getItem(BODY.class);
                        if (uid != null && body != null && body.getByteArray() != null) {
                            bodies.put(uid.uid, body.getByteArray().getNewBytes());
                            r[i] = null;
                        }
                    }
                }
                protocol.notifyResponseHandlers(r);
                protocol.handleResult(result);
                return bodies;
            });
        } catch (MessagingException | RuntimeException e) {
            throw new MailboxException(describe(e), e);
        }
    }

    @Override
    public void moveToDone(List<Long> uids) throws MailboxException {
        if (uids.isEmpty()) {
            return;
        }
        try {
            Message[] messages = Arrays.stream(folder.getMessagesByUID(uids.stream().mapToLong(Long::longValue).toArray()))
                    .filter(Objects::nonNull).filter(m -> !m.isExpunged()).toArray(Message[]::new);
            if (messages.length == 0) {
                return;
            }
            if (move) {
                folder.moveMessages(messages, done);
            } else {
                folder.copyMessages(messages, done);
                folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                if (uidExpunge) {
                    folder.expunge(messages); // UID EXPUNGE: only these, never what someone else marked \Deleted
                } else {
                    folder.expunge();
                }
            }
        } catch (MessagingException | RuntimeException e) {
            throw new MailboxException(describe(e), e);
        }
    }

    /**
     * Waits in IDLE until the server reports a change, or at most {@code max} (a server drops IDLE after
     * 30 minutes, and a resync falls due): the poke runs a command from another thread, which ends IDLE.
     */
    void idle(Duration max, ScheduledExecutorService poker) throws MailboxException {
        ScheduledFuture<?> poke = poker.schedule(this::poke, max.toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } catch (MessagingException | RuntimeException e) {
            throw new MailboxException(describe(e), e);
        } finally {
            poke.cancel(false);
        }
    }

    /** Ends an IDLE in progress (any command on the folder does): for a resync, or to stop. */
    void poke() {
        try {
            folder.doCommandIgnoreFailure(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone: the watcher's own command fails and it reconnects
        }
    }

    /** "1:5,9,12" from sorted UIDs, so that a chunk's command stays short. */
    static String uidSet(List<Long> uids) {
        List<Long> sorted = uids.stream().sorted().toList();
        List<String> ranges = new ArrayList<>();
        long start = sorted.get(0);
        long prev = start;
        for (int i = 1; i <= sorted.size(); i++) {
            long cur = i < sorted.size() ? sorted.get(i) : -1;
            if (cur != prev + 1) {
                ranges.add(start == prev ? String.valueOf(start) : start + ":" + prev);
                start = cur;
            }
            prev = cur;
        }
        return ranges.stream().collect(Collectors.joining(","));
    }

    /** The exception's message, with its cause's, for a log line or the health page: never with a secret (Angus does not echo them). */
    static String describe(Throwable e) {
        String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null && !m.contains(cause.getMessage())) {
            m += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return m.replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false); // no EXPUNGE on close: only what we moved is gone
            }
        } catch (MessagingException | RuntimeException e) {
            // closing a broken connection
        }
        closeQuietly(store);
    }

    private static void closeQuietly(IMAPStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                // nothing to save
            }
        }
    }
}
