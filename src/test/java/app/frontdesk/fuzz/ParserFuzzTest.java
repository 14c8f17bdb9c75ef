package app.frontdesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The parsers fuzzed briefly in every build (pom.xml, executions "fuzz-*", one target a JVM as Jazzer
 * wants it) and their saved findings replayed with the unit tests (ParserFuzzTestInputs/).
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void mime(byte[] input) throws Exception {
        ParserTargets.mime(input);
    }

    @FuzzTest(maxDuration = "15s")
    void authenticationResults(byte[] input) throws Exception {
        ParserTargets.authenticationResults(input);
    }

    @FuzzTest(maxDuration = "15s")
    void oneC(byte[] input) throws Exception {
        ParserTargets.oneC(input);
    }

    @FuzzTest(maxDuration = "15s")
    void csv(byte[] input) throws Exception {
        ParserTargets.csv(input);
    }

    @FuzzTest(maxDuration = "15s")
    void camt(byte[] input) throws Exception {
        ParserTargets.camt(input);
    }

    @FuzzTest(maxDuration = "15s")
    void pdf(byte[] input) throws Exception {
        ParserTargets.pdf(input);
    }
}
