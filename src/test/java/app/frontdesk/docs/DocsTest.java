package app.frontdesk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.pipeline.Step;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The docs stay true: the pipeline table is the pipeline the gateway runs, README stays short, and its links lead somewhere. */
class DocsTest {

    private static final Path ROOT = Path.of(".");

    @Test
    void thePipelineTableInTheArchitectureDocIsThePipelineTheGatewayRuns() throws Exception {
        List<String> documented = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(ROOT.resolve("docs/architecture.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## The pipeline");
            } else if (inSection) {
                Matcher row = Pattern.compile("^\\s*\\|\\s*`([a-z-]+)`\\s*\\|").matcher(line);
                if (row.find()) {
                    documented.add(row.group(1));
                }
            }
        }
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            List<String> running = gw.pipeline.steps().stream().map(Step::name).toList();
            assertEquals(running, documented, "docs/architecture.md, \"## The pipeline\", must list the steps of "
                    + gw.pipeline.describe() + " in order");
        }
    }

    @Test
    void readmeIsTheShortEntry() throws Exception {
        long size = Files.size(ROOT.resolve("README.md"));
        assertTrue(size <= 10 * 1024, "README.md is " + size + " bytes; the rest belongs in docs/");
    }

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFile() throws Exception {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (var docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            Matcher m = link.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (!target.contains("://") && !target.startsWith("mailto:") && !Files.exists(file.getParent().resolve(target))) {
                    broken.add(file + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyDecisionAlreadyTakenHasItsRecord() throws Exception {
        try (var adr = Files.list(ROOT.resolve("docs/adr"))) {
            long records = adr.filter(p -> p.getFileName().toString().matches("\\d{4}-.+\\.md")).count();
            assertTrue(records >= 8, records + " decision records in docs/adr");
        }
    }
}
