package app.frontdesk.domain.model.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MoneyTest {

    @Test
    void theLargestAmountTheColumnsHoldIsTakenAtTheCurrencysScale() {
        assertEquals("999999999999999.99", Money.of("999999999999999.99", "RUB").amount().toPlainString());
        assertEquals("5", Money.of("5", "JPY").amount().toPlainString());
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a refusal, not 400 million digits computed first
    void anAmountBeyondTheColumnsIsRefusedWithAClearReasonHoweverItIsWritten() {
        for (String huge : new String[] {"1000000000000000", "1e400", "1E+400000000", "-1e16"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of(huge, "RUB"), huge);
            assertTrue(e.getMessage().contains("at most 15 digits"), e.getMessage());
        }
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class, () -> Money.of("1e-400000000", "RUB"));
        assertTrue(tiny.getMessage().contains("more decimals"), tiny.getMessage());
    }
}
