package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scorescope.Launcher;

/**
 * Issue 11, must-show 1: the bad-input corpus ({@code src/test/resources/bad-input/cases.txt}). Every
 * case exits 2 with one line naming the flag or field (a second line only for a mistyped command
 * line: the usage), no stack trace, nothing on standard output, and the folder exactly as before.
 */
class BadInputCorpusTest {
    private static final Map<String, String> MACROS = Map.of(
            "SAMPLE", "sample --target ring8 --sampler ddpm --steps 3 --particles 100",
            "SWEEP", "sweep --target ring8 --samplers ddpm --particles 100",
            "RENDER", "render --target ring8 --samplers ddpm --run-steps 4 --particles 300 --size 64x64",
            "OUT", "--out {d}/o.csv");

    @TempDir
    static Path dir;
    private static boolean fifo;

    @BeforeAll
    static void fixtures() throws Exception {
        for (String name : fixtureNames()) {
            try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/files/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Files.write(dir.resolve("latin1.json"), "{\"title\": \"caf\u00e9\", \"target\": \"ring8\", \"samplers\": [\"ddpm\"]}"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("utf16.json"), "\uFEFF{\"target\": \"ring8\"}".getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("latin1.csv"), "0.5,1\n1,2 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("existing.csv"));
        try {
            fifo = new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).start().waitFor() == 0;
        } catch (IOException e) {
            fifo = false;
        }
    }

    private static List<String> fixtureNames() throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/files.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-input/cases.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.lastIndexOf(" | ");
                out.add(Arguments.of(line.substring(0, bar).trim(), line.substring(bar + 3).trim()));
            }
        }
        return out.stream();
    }

    @Test
    void theCorpusHasAtLeastSixtyCases() throws IOException {
        assertTrue(cases().count() >= 60);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void exitsTwoWithOneLineAndChangesNothing(String expected, String command) throws Exception {
        assumeTrue(fifo || !command.contains("/pipe"), "no mkfifo here");
        String d = dir.toString();
        String line = command;
        for (Map.Entry<String, String> m : MACROS.entrySet()) {
            line = line.replaceAll("\\b" + m.getKey() + "\\b", m.getValue());
        }
        List<String> args = new ArrayList<>();
        for (String a : line.split(" +")) {
            args.add(a.replace("{d}", d).replace("{empty}", "").replace("{bad}", "caf\uFFFD.csv"));
        }
        Map<String, String> before = snapshot(dir);
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        OptionalInt code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = Launcher.headless(new PrintWriter(err, true), args.toArray(new String[0]));
        } finally {
            System.setOut(saved);
        }
        String[] lines = err.toString().split("\n");
        assertEquals(OptionalInt.of(2), code, err.toString());
        assertTrue(lines[0].startsWith("error: "), err.toString());
        String want = expected.replace("{d}", d).replace("\\uFFFD", "\uFFFD");
        assertTrue(lines[0].contains(want), "expected '" + want + "' in\n" + lines[0]);
        assertTrue(lines.length == 1 || lines.length == 2 && lines[1].startsWith("usage: "), err.toString());
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), err.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on standard output");
        assertEquals(before, snapshot(dir), "the folder is unchanged");
    }

    /** Every entry under the folder: kind, size, time and content hash (links: their target). */
    static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String v;
                if (a.isSymbolicLink()) {
                    v = "link " + Files.readSymbolicLink(p);
                } else if (a.isRegularFile()) {
                    v = "file " + a.size() + " " + a.lastModifiedTime().toMillis() + " "
                            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                } else {
                    v = a.isDirectory() ? "dir" : "other";
                }
                m.put(root.relativize(p).toString(), v);
            }
        }
        return m;
    }
}
