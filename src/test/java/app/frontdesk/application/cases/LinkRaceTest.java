package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A button pressed several times at once (a double click, a mail scanner, two tabs): it acts once, and every press gets a page. */
class LinkRaceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void concurrentPressesOfOneLinkActOnceAndEveryOneGetsAPage(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            gw.accounts.create(new AccountDraft("Romashka", List.of("romashka.example"),
                    List.of(new AccountDraft.ContactDraft("anna@romashka.example", "Anna", "en")),
                    new AccountDraft.ManagerDraft("Olga", "olga@frontdesk.test"), List.of()), "test");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 5; round++) {
                    long id = gw.intake.accept(TestMail.from("ceo" + round + "@romashka.example").subject("round " + round).bytes(),
                            Envelope.UNKNOWN).id();
                    gw.processAll();
                    var requests = gw.db.inTransaction(r -> r.outbox().causedBy(id)).stream()
                            .filter(m -> m.kind() == MailKind.AUTHORIZATION_REQUEST).toList();
                    List<String> tokens = Mails.linkTokens(Mails.text(requests.get(requests.size() - 1).raw()));
                    // the same "authorize" button three times, and "this was not us" at the same moment: one of them acts
                    List<String> pressed = List.of(tokens.get(0), tokens.get(0), tokens.get(0), tokens.get(1));
                    CyclicBarrier start = new CyclicBarrier(pressed.size());
                    List<Future<String>> presses = new ArrayList<>();
                    for (String token : pressed) {
                        presses.add(pool.submit(() -> {
                            start.await();
                            return gw.services.caseActions.press(token, Locale.ENGLISH);
                        }));
                    }
                    int acted = 0;
                    for (Future<String> f : presses) {
                        String page = f.get(); // throws if a press failed
                        acted += page.contains("is now an authorized contact") || page.contains("Thank you for telling us") ? 1 : 0;
                    }
                    assertEquals(1, acted, "round " + round);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
