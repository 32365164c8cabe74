package org.scorescope.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.scenario.ScenarioException;

/** Discrete scenario files: fields, defaults, images, and every bad input named by its field (must-show 5). */
class DiscreteScenarioTest {
    @TempDir
    Path dir;

    private static String field(String json) {
        return assertThrows(ScenarioException.class, () -> DiscreteScenarioJson.parse(json, null)).field();
    }

    @Test
    void explicitTableIsReadRowMajor() {
        DiscreteScenario s = DiscreteScenarioJson.parse("{\"target\": {\"type\": \"discrete\", \"states\": 2, \"dims\": 2,"
                + " \"probabilities\": [0.1, 0.2, 0.3, 0.4]}, \"process\": \"masking\", \"samplers\": [\"unmasking\"]}", null);
        DiscreteTarget t = s.buildTarget();
        assertEquals(0.2, t.probability(new int[] {0, 1}), 1e-15);
        assertEquals(0.3, t.probability(new int[] {1, 0}), 1e-15);
        assertEquals(5, s.horizon(), 0, "masking's default horizon");
        DiscreteScenario again = DiscreteScenarioJson.parse(DiscreteScenarioJson.write(s), null);
        assertEquals(s.process(), again.process());
        assertEquals(0.4, again.buildTarget().probability(new int[] {1, 1}), 1e-15);
    }

    @Test
    void badTablesNameTheirField() {
        String head = "{\"target\": {\"type\": \"discrete\", \"states\": 2, \"dims\": 2, \"probabilities\": ";
        assertEquals("target.probabilities[1]", field(head + "[0.5, -0.1, 0.3, 0.3]}}"));
        assertEquals("target.probabilities", field(head + "[0.5, 0.1, 0.3, 0.3]}}"));
        assertEquals("target.probabilities", field(head + "[0.5, 0.5]}}"));
        assertEquals("target.dims", field("{\"target\": {\"type\": \"discrete\", \"states\": 4, \"dims\": 11, \"probabilities\": [1]}}"));
        assertEquals("target.marginals[1]", field("{\"target\": {\"type\": \"discrete\", \"marginals\": [[0.5, 0.5], [0.7, 0.2]]}}"));
        assertEquals("target.states", field("{\"target\": {\"type\": \"discrete\", \"states\": 1, \"dims\": 1, \"probabilities\": [1]}}"));
        assertEquals("process", field("{\"target\": \"picture\", \"process\": \"gaussian\"}"));
        assertEquals("samplers[0]", field("{\"target\": \"picture\", \"samplers\": [\"unmasking\"]}"));
        assertEquals("samplers[1]", field("{\"target\": \"picture\", \"samplers\": [\"euler\", \"ddpm\"]}"));
        assertEquals("horizon", field("{\"target\": \"picture\", \"horizon\": -1}"));
        assertEquals("target.dims", field("{\"target\": {\"type\": \"discrete\", \"preset\": \"product\", \"dims\": 65}}"));
        assertEquals("schedule", field("{\"target\": \"picture\", \"schedule\": \"linear\"}"));
        assertEquals("schedule.delta", field("{\"target\": \"picture\", \"schedule\": {\"id\": \"geometric\", \"delta\": 30}}"));
        // A sum within 1e-9 of 1 is accepted.
        DiscreteScenarioJson.parse(head + "[0.25, 0.25, 0.25, 0.2500000005]}}", null);
    }

    @Test
    void imagesAreGreyLevelLawsAndUnreadableOnesAreNamed() throws Exception {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 2, 0xFFFFFF);
        img.setRGB(3, 0, 0x808080);
        ImageIO.write(img, "png", dir.resolve("dots.png").toFile());
        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, "{\"target\": {\"type\": \"discrete\", \"image\": \"dots.png\"}}");
        DiscreteTarget t = DiscreteScenarioJson.read(scenario).buildTarget();
        assertEquals(4, t.states());
        assertEquals(2, t.dims());
        double white = 1;
        double grey = 0x80 / 255.0;
        assertEquals(white / (white + grey), t.probability(new int[] {2, 1}), 1e-12, "row 2, column 1");
        assertEquals(grey / (white + grey), t.probability(new int[] {0, 3}), 1e-12);

        Files.writeString(dir.resolve("broken.png"), "not an image");
        Files.writeString(scenario, "{\"target\": {\"type\": \"discrete\", \"image\": \"broken.png\"}}");
        assertEquals("target.image", assertThrows(ScenarioException.class, () -> DiscreteScenarioJson.read(scenario)).field());
        Files.writeString(scenario, "{\"target\": {\"type\": \"discrete\", \"image\": \"missing.png\"}}");
        assertEquals("target.image", assertThrows(ScenarioException.class, () -> DiscreteScenarioJson.read(scenario)).field());
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("wide.png").toFile());
        Files.writeString(scenario, "{\"target\": {\"type\": \"discrete\", \"image\": \"wide.png\"}}");
        assertEquals("target.image", assertThrows(ScenarioException.class, () -> DiscreteScenarioJson.read(scenario)).field());
    }

    @Test
    void discreteFilesAreRecognised() {
        assertTrue(DiscreteScenarioJson.isDiscrete("{\"target\": \"picture\"}"));
        assertTrue(DiscreteScenarioJson.isDiscrete("{\"target\": {\"type\": \"discrete\"}}"));
        assertTrue(DiscreteScenarioJson.isDiscrete("{\"target\": \"ring8\", \"process\": \"uniform\"}"));
        assertFalse(DiscreteScenarioJson.isDiscrete("{\"target\": \"ring8\", \"samplers\": [\"ddpm\"]}"));
        assertFalse(DiscreteScenarioJson.isDiscrete("not json"));
    }

    @Test
    void presetsAreLawsWithTheAdvertisedShape() {
        JointTarget picture = DiscretePresets.picture(32);
        double sum = 0;
        int zeros = 0;
        for (double p : picture.table()) {
            sum += p;
            zeros += p == 0 ? 1 : 0;
        }
        assertEquals(1, sum, 1e-12);
        assertTrue(zeros > 100, "the black background has probability 0: " + zeros + " cells");
        JointTarget language = DiscretePresets.language();
        int sentences = 0;
        for (double p : language.table()) {
            sentences += p > 0 ? 1 : 0;
        }
        assertEquals(36, sentences);
        assertEquals("the dog chases cat", language.describe(new int[] {0, 3, 7, 2}));
        assertEquals("a ____ sees bird", language.describe(new int[] {1, 8, 5, 4}));
        ProductTarget product = DiscretePresets.product(4, 64);
        assertEquals(64, product.dims());
        assertEquals(0.5, product.marginal(5)[0], 1e-15);
        assertEquals(0, product.marginal(5)[2], 0);
    }
}
