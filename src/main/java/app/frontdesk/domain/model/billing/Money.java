package app.frontdesk.domain.model.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, always at the currency's scale (2 for RUB and EUR, 0 for JPY, 3 for KWD).
 * An amount with more decimals than its currency has is refused, never rounded: a clerk who writes
 * 100.005 RUB made a mistake that rounding would hide.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Digits before the point that the columns hold (NUMERIC(19,4)): a quadrillion, more than any invoice. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // Checked before any rescaling: 1e400000000 is a small BigDecimal whose plain form has 400 million digits.
        if (amount.signum() != 0 && amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount too large: at most " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.scale() > 40) { // 1e-400000000: checking whether its digits are zeros would take minutes
            throw new IllegalArgumentException("the amount has more decimals than " + currency.getCurrencyCode() + " allows (" + scale + ")");
        }
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + scale + ")");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount.strip()), Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZeroOrLess() {
        return amount.signum() <= 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
