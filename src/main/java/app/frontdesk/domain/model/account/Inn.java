package app.frontdesk.domain.model.account;

/**
 * The Russian taxpayer number (ИНН): 10 digits for an organization, 12 for a person or sole trader,
 * with check digits. A number that fails the check is a typo or just a number, never evidence.
 */
public final class Inn {

    private static final int[] W10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] W11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] W12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inn() {
    }

    public static boolean isValid(String digits) {
        if (digits == null || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (digits.length() == 10) {
            return check(digits, W10) == digit(digits, 9);
        }
        if (digits.length() == 12) {
            return check(digits, W11) == digit(digits, 10) && check(digits, W12) == digit(digits, 11);
        }
        return false;
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(digits, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }
}
