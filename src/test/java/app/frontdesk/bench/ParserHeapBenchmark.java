package app.frontdesk.bench;

import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.testkit.HostileMail;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heap growth of the MIME step on the messages the attacker's review sent (issue: at most ~3x the
 * message's size). For each message: every byte the parse allocated (an upper bound of what it can
 * add to the heap; the message bytes are already in memory, as the pipeline has them). Run:
 * {@code mvn -B -q test-compile exec:java -Dexec.mainClass=app.frontdesk.bench.ParserHeapBenchmark -Dexec.classpathScope=test}
 */
public final class ParserHeapBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> messages = new LinkedHashMap<>();
        messages.put("25 MB cap: base64 text part", HostileMail.bigBase64Text("x@y.example", 18 * 1024 * 1024));
        messages.put("1M header fields (14 MB)", HostileMail.manyHeaderFields("x@y.example", 1_000_000));
        messages.put("50k nested message/rfc822", HostileMail.nestedMessages("x@y.example", 50_000));
        messages.put("50k nested multiparts", HostileMail.nestedMultiparts("x@y.example", 50_000));
        messages.put("one 24 MB line", HostileMail.oneLongLine("x@y.example", 24 * 1024 * 1024));
        Mime4jMailParser parser = new Mime4jMailParser();
        for (byte[] m : messages.values()) {
            parser.parse(m); // warm up
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("%-30s %10s %14s %8s%n", "message", "size MB", "allocated MB", "ratio");
        for (Map.Entry<String, byte[]> e : messages.entrySet()) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            ParsedMail parsed = parser.parse(e.getValue());
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf("%-30s %10.1f %14.1f %8.3f   (%d fields, problems: %s)%n", e.getKey(), e.getValue().length / 1048576.0,
                    allocated / 1048576.0, allocated / (double) e.getValue().length, parsed.headers().size(), parsed.problems());
        }
    }
}
