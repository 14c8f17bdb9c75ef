package app.frontdesk.infrastructure.imap;

import app.frontdesk.application.mailbox.RemoteMailbox.MailboxException;
import app.frontdesk.infrastructure.config.ImapMailboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The secret a mailbox signs in with: its password, or a fresh OAuth2 access token from the operator's
 * command (run at every connect: tokens of Microsoft 365 and Gmail last about an hour). Neither the
 * token nor the command's output is ever put into a message; only the command's exit code and the
 * first line of what it wrote to standard error.
 */
final class Secrets {

    private static final long COMMAND_SECONDS = 30;

    private Secrets() {
    }

    static String of(ImapMailboxSettings box) throws MailboxException {
        if (box.tokenCommand().isEmpty()) {
            return box.password().orElseThrow();
        }
        Process p;
        try {
            p = new ProcessBuilder("/bin/sh", "-c", box.tokenCommand().get()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new MailboxException("the token command of mailbox " + box.name() + " could not be run: " + e.getMessage(), e);
        }
        try {
            // stderr is read on its own thread: a chatty command must not block on a full pipe
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    err.complete(new String(p.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.complete("");
                }
            }, "imap-token-stderr");
            t.setDaemon(true);
            t.start();
            String out = new String(p.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8);
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new MailboxException("the token command of mailbox " + box.name() + " did not finish in " + COMMAND_SECONDS + " s", null);
            }
            String token = out.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (p.exitValue() != 0 || token.isEmpty()) {
                t.join(2_000); // the reader may not have seen the end of stderr yet (CI: "no message" for a command that said why)
                String why = err.getNow("").lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("no message");
                throw new MailboxException("the token command of mailbox " + box.name() + " exited with " + p.exitValue()
                        + (token.isEmpty() ? " and printed no token" : "") + ": " + why, null);
            }
            return token;
        } catch (IOException e) {
            throw new MailboxException("the token command of mailbox " + box.name() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new MailboxException("interrupted while the token command of mailbox " + box.name() + " ran", e);
        }
    }
}
