package org.scorescope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text inputs: UTF-8 with or without a byte-order mark, and plain messages for everything else. */
class TextInputTest {
    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkIsSkippedInBothReaders() throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1', ',', '2', '\n', '3', ',', '4', '\n'});
        assertEquals("1,2\n3,4\n", TextInput.read(f, "--init", 1000));
        try (TextInput.Lines lines = TextInput.lines(f, "--init")) {
            assertEquals("1,2", lines.next());
            assertEquals(1, lines.number());
            assertEquals("3,4", lines.next());
            assertEquals(null, lines.next());
        }
    }

    @Test
    void problemsAreOneLineNamingTheFlagAndTheFile() throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"title\": \"caf\u00e9\",\n \"x\": \"\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("--scenario: '" + latin1 + "' is not UTF-8 text (byte 0xE9 at line 1, column 15); save it as UTF-8",
                assertThrows(BadInputException.class, () -> TextInput.read(latin1, "--scenario", 1000)).getMessage());
        try (TextInput.Lines lines = TextInput.lines(latin1, "--init")) {
            assertEquals("--init: '" + latin1 + "' is not UTF-8 text (line 1); save it as UTF-8",
                    assertThrows(BadInputException.class, lines::next).getMessage());
        }
        Path utf16 = dir.resolve("u16.json");
        Files.write(utf16, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0});
        assertEquals("--scenario: '" + utf16 + "' is UTF-16 text; save it as UTF-8",
                assertThrows(BadInputException.class, () -> TextInput.read(utf16, "--scenario", 1000)).getMessage());
        assertEquals("--scenario: no such file '" + dir.resolve("none.json") + "'",
                assertThrows(BadInputException.class, () -> TextInput.read(dir.resolve("none.json"), "--scenario", 1000)).getMessage());
        assertEquals("--grid: '" + dir + "' is a folder, not a file",
                assertThrows(BadInputException.class, () -> TextInput.lines(dir, "--grid")).getMessage());
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[2048]);
        assertEquals("--scenario: '" + big + "' is larger than 1 KiB; is it the right file?",
                assertThrows(BadInputException.class, () -> TextInput.read(big, "--scenario", 1024)).getMessage());
    }
}
