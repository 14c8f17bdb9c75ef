package app.frontdesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parsers fuzzed briefly in every build (pom.xml, executions "fuzz-*", one target a JVM as Jazzer
 * wants it) and their saved findings replayed with the unit tests (ParserFuzzTestInputs/). The seeds
 * ({@link ParserSeeds}: the shared mail corpus by path, real Authentication-Results values, PDFs made with
 * PDFBox, our bank files) run as regression cases in every build and start the fuzzer's corpus.
 */
class ParserFuzzTest {

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#mailCorpus")
    @FuzzTest(maxDuration = "15s")
    void mime(byte[] input) throws Exception {
        ParserTargets.mime(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#authenticationResults")
    @FuzzTest(maxDuration = "15s")
    void authenticationResults(byte[] input) throws Exception {
        ParserTargets.authenticationResults(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#oneC")
    @FuzzTest(maxDuration = "15s")
    void oneC(byte[] input) throws Exception {
        ParserTargets.oneC(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#csv")
    @FuzzTest(maxDuration = "15s")
    void csv(byte[] input) throws Exception {
        ParserTargets.csv(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#camt")
    @FuzzTest(maxDuration = "15s")
    void camt(byte[] input) throws Exception {
        ParserTargets.camt(input);
    }

    @MethodSource("app.frontdesk.fuzz.ParserSeeds#pdfs")
    @FuzzTest(maxDuration = "15s")
    void pdf(byte[] input) throws Exception {
        ParserTargets.pdf(input);
    }
}
