package app.frontdesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same targets for ten minutes each, by command (not a test the build runs; docs/operations.md):
 * {@code mvn -B -q test-compile && JAZZER_FUZZ=1 mvn -B surefire:test -Dtest='ParserFuzzLong#mime'}. Seeds: {@link ParserSeeds}.
 */
class ParserFuzzLong {

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#mailCorpus")
    @FuzzTest(maxDuration = "10m")
    void mime(byte[] input) throws Exception {
        ParserTargets.mime(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#authenticationResults")
    @FuzzTest(maxDuration = "10m")
    void authenticationResults(byte[] input) throws Exception {
        ParserTargets.authenticationResults(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#oneC")
    @FuzzTest(maxDuration = "10m")
    void oneC(byte[] input) throws Exception {
        ParserTargets.oneC(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#csv")
    @FuzzTest(maxDuration = "10m")
    void csv(byte[] input) throws Exception {
        ParserTargets.csv(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#camt")
    @FuzzTest(maxDuration = "10m")
    void camt(byte[] input) throws Exception {
        ParserTargets.camt(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#pdfs")
    @FuzzTest(maxDuration = "10m")
    void pdf(byte[] input) throws Exception {
        ParserTargets.pdf(input);
    }
}
