package app.frontdesk.testkit;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

/** What GreenMail delivered to one envelope recipient (its mailbox), not what the To header says. */
public final class Mailboxes {

    private Mailboxes() {
    }

    public static int count(GreenMail smtp, String address) throws Exception {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        if (user == null) {
            return 0;
        }
        return smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    /** The raw bytes of every mail in one recipient's mailbox, oldest first. */
    public static java.util.List<byte[]> messages(GreenMail smtp, String address) throws Exception {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        if (user == null) {
            return out;
        }
        for (var stored : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            stored.getMimeMessage().writeTo(b);
            out.add(b.toByteArray());
        }
        return out;
    }

    /** Waits up to {@code seconds} until the mailbox holds at least {@code n} mails. */
    public static java.util.List<byte[]> await(GreenMail smtp, String address, int n, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        java.util.List<byte[]> got = messages(smtp, address);
        while (got.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            got = messages(smtp, address);
        }
        if (got.size() < n) {
            throw new AssertionError(address + " received " + got.size() + " mail(s), expected " + n);
        }
        return got;
    }

    /** Whether a mail that {@code matches} reaches the mailbox within {@code seconds}. */
    public static boolean awaitOne(GreenMail smtp, String address, java.util.function.Predicate<byte[]> matches, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        do {
            for (byte[] m : messages(smtp, address)) {
                if (matches.test(m)) {
                    return true;
                }
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return false;
    }
}
