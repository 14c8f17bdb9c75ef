package app.frontdesk.bench;

import app.frontdesk.application.wording.Purpose;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.application.wording.WordingRules;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Time of the wording check against draft length, for the kinds of draft that were slow: ordinary
 * text, one line without punctuation (the customer's message too), and a draft full of refusals. Time
 * should grow with length, not its square: the ratio column compares each length with the first.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.mainClass=app.frontdesk.bench.WordingBenchmark -Dexec.classpathScope=test}
 */
public final class WordingBenchmark {

    public static void main(String[] args) {
        WordingCheck check = new WordingCheck(WordingRules.load(Path.of("server-config")));
        String ordinary = "Добрый день! К сожалению, мы не можем отключить уведомления, так как это требование договора. "
                + "Мы ответим до 25 ноября, 18:00. Звоните Ольге Смирновой: +7 495 123-45-67. ";
        String oneLine = "вы должны были оплатить счёт вовремя и мы не можем ничего сделать для вас ";
        String refusals = "Мы не можем. Это невозможно по соображениям безопасности. Отказано. ";
        int[] lengths = {10_000, 25_000, 50_000, 100_000};
        for (String[] kind : new String[][] {{"ordinary", ordinary}, {"one line", oneLine}, {"refusals", refusals}}) {
            for (int i = 0; i < 20; i++) { // warm-up
                check.check(repeat(kind[1], 10_000), Optional.of(Locale.forLanguageTag("ru")), Purpose.RECOVERY, Optional.of(repeat(kind[1], 10_000)));
            }
            double first = 0;
            for (int n : lengths) {
                String text = repeat(kind[1], n);
                long t0 = System.nanoTime();
                int runs = 5;
                for (int r = 0; r < runs; r++) {
                    check.check(text, Optional.of(Locale.forLanguageTag("ru")), Purpose.RECOVERY, Optional.of(text));
                }
                double ms = (System.nanoTime() - t0) / 1e6 / runs;
                first = first == 0 ? ms : first;
                System.out.printf("%-9s %7d chars  %8.1f ms  x%.1f for x%.1f length%n", kind[0], n, ms, ms / first, n / (double) lengths[0]);
            }
        }
    }

    private static String repeat(String s, int length) {
        return s.repeat(length / s.length() + 1).substring(0, length);
    }
}
