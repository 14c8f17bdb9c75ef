package app.frontdesk.application.staff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    private final PasswordHashes fast = new PasswordHashes(1_000);

    @Test
    void theGatewaysHashIsPbkdf2Sha256At600000IterationsWithASaltAndNoTraceOfThePassword() {
        String stored = new PasswordHashes().hash("correct horse battery");
        assertTrue(stored.matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
        assertFalse(stored.contains("correct"), stored);
    }

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String stored = fast.hash("correct horse battery");
        assertTrue(fast.matches("correct horse battery", stored));
        assertFalse(fast.matches("correct horse batter", stored));
        assertFalse(fast.matches("Correct horse battery", stored));
        assertFalse(fast.matches("", stored));
        assertFalse(fast.matches(null, stored));
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
        assertNotEquals(fast.hash("same password"), fast.hash("same password"));
    }

    @Test
    void aHashMadeWithOtherIterationsStillVerifiesSoTheWorkFactorCanBeRaised() {
        assertTrue(new PasswordHashes(2_000).matches("pw-from-2025", fast.hash("pw-from-2025")));
    }

    @Test
    void aMalformedOrForeignStoredValueNeverMatches() {
        for (String bad : new String[] {"", "plain", "pbkdf2-sha256$x$a$b", "pbkdf2-sha256$0$AAAA$AAAA", "bcrypt$10$abc$def",
                "pbkdf2-sha256$99999999999$AAAA$AAAA", "pbkdf2-sha256$1000$!!$!!"}) {
            assertFalse(fast.matches("anything", bad), bad);
        }
    }
}
