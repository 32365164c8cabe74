package org.scorescope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walls of docs/architecture.md, enforced: layers only look down, no package cycles, JavaFX only in ui. */
class LayerTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.scorescope");
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("math").definedBy("org.scorescope.math..")
                .layer("io").definedBy("org.scorescope.io..")
                .layer("schedule").definedBy("org.scorescope.schedule..")
                .layer("distribution").definedBy("org.scorescope.distribution..")
                .layer("score").definedBy("org.scorescope.score..")
                .layer("sampler").definedBy("org.scorescope.sampler..")
                .layer("engine").definedBy("org.scorescope.engine..")
                .layer("metrics").definedBy("org.scorescope.metrics..")
                .layer("scenario").definedBy("org.scorescope.scenario..")
                .layer("discrete").definedBy("org.scorescope.discrete..")
                .layer("render").definedBy("org.scorescope.render..")
                .layer("cli").definedBy("org.scorescope.cli..")
                .layer("ui").definedBy("org.scorescope.ui..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("render").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("discrete").mayOnlyBeAccessedByLayers("render", "cli", "ui")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("discrete", "render", "cli", "ui")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("scenario", "discrete", "render", "cli", "ui")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("metrics", "scenario", "discrete", "render", "cli", "ui")
                .whereLayer("sampler").mayOnlyBeAccessedByLayers("engine", "metrics", "scenario", "discrete", "render", "cli", "ui")
                .whereLayer("score").mayOnlyBeAccessedByLayers("sampler", "engine", "metrics", "scenario", "discrete", "render", "cli", "ui")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.scorescope.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void javafxOnlyInUi() {
        noClasses().that().resideOutsideOfPackages("org.scorescope.ui..", "org.scorescope")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void onlyTheCliAndTheWindowReachTheCli() {
        noClasses().that().resideOutsideOfPackages("org.scorescope.cli..", "org.scorescope")
                .should().dependOnClassesThat().resideInAPackage("org.scorescope.cli..").check(classes);
    }
}
