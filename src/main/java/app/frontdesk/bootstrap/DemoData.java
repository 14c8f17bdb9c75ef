package app.frontdesk.bootstrap;

import app.frontdesk.application.accounts.AccountService;
import app.frontdesk.application.accounts.InvalidAccountException;
import app.frontdesk.application.accounts.JsonAccountImport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Loads the demo accounts into an empty database, so that a first run has someone to route mail for. */
final class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    private DemoData() {
    }

    static void loadIfEmpty(app.frontdesk.application.Transactions transactions, AccountService accounts) {
        long existing = transactions.inTransaction(r -> r.accounts().count());
        if (existing > 0) {
            return;
        }
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/accounts.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int n = accounts.importAll(JsonAccountImport.parse(json), "demo-data").size();
            LOG.info("Loaded " + n + " demo accounts into the empty database (FRONTDESK_DEMO_DATA=false turns this off)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidAccountException e) {
            throw new IllegalStateException("the shipped demo data is invalid: " + e.problems(), e);
        }
    }
}
