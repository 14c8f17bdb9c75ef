package app.frontdesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The same targets for ten minutes each, by command (not a test the build runs; docs/operations.md):
 * {@code JAZZER_FUZZ=1 mvn -B test -Dtest='ParserFuzzLong#mime' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ParserFuzzLong {

    @FuzzTest(maxDuration = "10m")
    void mime(byte[] input) throws Exception {
        ParserTargets.mime(input);
    }

    @FuzzTest(maxDuration = "10m")
    void authenticationResults(byte[] input) throws Exception {
        ParserTargets.authenticationResults(input);
    }

    @FuzzTest(maxDuration = "10m")
    void oneC(byte[] input) throws Exception {
        ParserTargets.oneC(input);
    }

    @FuzzTest(maxDuration = "10m")
    void csv(byte[] input) throws Exception {
        ParserTargets.csv(input);
    }

    @FuzzTest(maxDuration = "10m")
    void camt(byte[] input) throws Exception {
        ParserTargets.camt(input);
    }

    @FuzzTest(maxDuration = "10m")
    void pdf(byte[] input) throws Exception {
        ParserTargets.pdf(input);
    }
}
